import Testing
@testable import TimeBank

private let date = CalendarDate(year: 2026, month: 11, day: 2)!

private func net(_ requests: [ExchangeRequest]) -> [AccountRef: Int] {
    var out: [AccountRef: Int] = [:]
    for r in requests {
        out[r.giver, default: 0] += r.minutes
        out[r.receiver, default: 0] -= r.minutes
    }
    return out
}

/// SPEC: one-to-many (a class: each attendee pays the teacher's time share); many-to-one (volunteers
/// credited from the pot or the organisation); a remainder that does not divide evenly goes to the pot.
@Suite("Group activities")
struct GroupActivityTests {
    @Test("100 minutes over 3 attendees: 33 each, the pot pays the 1 left over, the teacher gets all 100")
    func unevenRemainder() throws {
        let leader = AccountRef.member(1)
        let attendees: [AccountRef] = [.member(2), .member(3), .member(4)]
        let rs = try GroupActivity.oneToMany(leader: leader, attendees: attendees, leaderMinutes: 100, date: date, categoryCode: "learn.class", description: "Pilates")
        let n = net(rs)
        #expect(n[leader] == 100)
        for a in attendees { #expect(n[a] == -33) }
        #expect(n[.pot] == -1)
        #expect(n.values.reduce(0, +) == 0)
        #expect(rs.allSatisfy { $0.date == date && $0.categoryCode == "learn.class" && $0.giver == leader })
        #expect(Set(rs.map(\.id)).count == rs.count, "each entry needs its own id or idempotent recording would drop it")
        for r in rs { try r.validate() }
    }

    @Test("For any minutes and class size the teacher is credited exactly, attendees pay equally, the pot pays under one share",
          arguments: [1, 2, 3, 7, 12], [1, 59, 60, 61, 100, 119, 1440])
    func evenness(count: Int, minutes: Int) throws {
        let attendees = (2...(count + 1)).map { AccountRef.member($0) }
        let rs = try GroupActivity.oneToMany(leader: .member(1), attendees: attendees, leaderMinutes: minutes, date: date, categoryCode: nil, description: "")
        let n = net(rs)
        #expect(n[.member(1)] == minutes)
        #expect(Set(attendees.map { n[$0] ?? 0 }).count == 1)
        let pot = -(n[.pot] ?? 0)
        #expect(pot >= 0 && pot < count)
        #expect(n.values.reduce(0, +) == 0)
        #expect(rs.allSatisfy { $0.minutes > 0 })
    }

    @Test("Many volunteers, one beneficiary pays each")
    func manyToOne() throws {
        let vols: [AccountRef] = [.member(2), .member(3), .member(4)]
        let rs = try GroupActivity.manyToOne(volunteers: vols, beneficiary: .member(9), minutesEach: 150, date: date, categoryCode: nil, description: "Fete")
        let n = net(rs)
        #expect(n[.member(9)] == -450)
        for v in vols { #expect(n[v] == 150) }
        #expect(Set(rs.map(\.id)).count == 3)
        let fromPot = try GroupActivity.manyToOne(volunteers: vols, beneficiary: .pot, minutesEach: 60, date: date, categoryCode: nil, description: "")
        #expect(net(fromPot)[.pot] == -180)
    }

    @Test("Bad participant lists are refused")
    func refused() {
        #expect(throws: GroupActivity.GroupActivityError.noParticipants) {
            try GroupActivity.oneToMany(leader: .member(1), attendees: [], leaderMinutes: 60, date: date, categoryCode: nil, description: "")
        }
        #expect(throws: GroupActivity.GroupActivityError.leaderIsParticipant) {
            try GroupActivity.oneToMany(leader: .member(1), attendees: [.member(1), .member(2)], leaderMinutes: 60, date: date, categoryCode: nil, description: "")
        }
        #expect(throws: GroupActivity.GroupActivityError.duplicateParticipant) {
            try GroupActivity.oneToMany(leader: .member(1), attendees: [.member(2), .member(2)], leaderMinutes: 60, date: date, categoryCode: nil, description: "")
        }
        #expect(throws: GroupActivity.GroupActivityError.leaderIsParticipant) {
            try GroupActivity.manyToOne(volunteers: [.pot, .member(2)], beneficiary: .pot, minutesEach: 60, date: date, categoryCode: nil, description: "")
        }
        #expect(throws: GroupActivity.GroupActivityError.noParticipants) {
            try GroupActivity.manyToOne(volunteers: [], beneficiary: .pot, minutesEach: 60, date: date, categoryCode: nil, description: "")
        }
    }
}
