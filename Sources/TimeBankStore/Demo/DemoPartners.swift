import TimeBank
import TimeBankResources

/// Who takes part in an exchange: mostly neighbours (same area, then adjoining areas), active
/// on the day, never a do-not-match pair, and never pushed past the credit limit.
struct DemoPartners {
    private let members: [DemoMember]
    private let limit: Int
    /// People who were ever active, by area.
    private let byArea: [[Int]]
    private let organisationsByArea: [[Int]]
    private let neighbours: [[Int]]

    init(members: [DemoMember], lists: DemoWordLists, limit: Int) {
        self.members = members
        self.limit = limit
        var people = [[Int]](repeating: [], count: lists.areas.count)
        var orgs = [[Int]](repeating: [], count: lists.areas.count)
        for (i, m) in members.enumerated() where m.activeFrom != nil {
            if m.isPerson { people[m.area].append(i) } else { orgs[m.area].append(i) }
        }
        byArea = people
        organisationsByArea = orgs
        let index = Dictionary(uniqueKeysWithValues: lists.areas.enumerated().map { ($1.name, $0) })
        neighbours = lists.areas.map { $0.neighbours.compactMap { index[$0] } }
    }

    /// Members are numbered from 1001 in plan order; the pot is `DemoLedgerWriter.pot`.
    static func index(_ ref: AccountRef) -> Int {
        ref.memberNumber.map { $0 - 1001 } ?? DemoLedgerWriter.pot
    }

    private func candidate(near area: Int, _ rng: inout DemoRandom) -> Int? {
        var a = area
        switch rng.weighted([70, 20, 10]) {
        case 0: break
        case 1: if !neighbours[area].isEmpty { a = rng.pick(neighbours[area]) }
        default: a = rng.below(byArea.count)
        }
        return byArea[a].isEmpty ? nil : rng.pick(byArea[a])
    }

    private func mayMeet(_ a: Int, _ b: Int) -> Bool {
        a != b && !members[a].member.doNotMatch.contains(members[b].number) && !members[b].member.doNotMatch.contains(members[a].number)
    }

    /// Someone for `giver` to help who can afford `minutes`.
    func receiver(for giver: Int, day: Int, minutes: Int, writer: DemoLedgerWriter, rng: inout DemoRandom) -> Int? {
        for _ in 0..<12 {
            guard let r = candidate(near: members[giver].area, &rng) else { continue }
            if mayMeet(giver, r), members[r].isActive(on: day), writer.balance(r) - minutes >= -limit { return r }
        }
        return nil
    }

    /// The entries of one class or event, built by the domain's own group-activity rules.
    func groupActivity(_ entry: GroupActivityEntry, day: Int, area: Int, writer: DemoLedgerWriter,
                       rng: inout DemoRandom) throws -> [ExchangeRequest] {
        let date = CalendarDate(dayNumber: day)
        var chosen: [Int] = []
        func gather(_ wanted: Int, except: Int?, minutesEach: Int) {
            for _ in 0..<wanted * 4 where chosen.count < wanted {
                guard let c = candidate(near: area, &rng), c != except, !chosen.contains(c), members[c].isActive(on: day),
                      except.map({ mayMeet($0, c) }) ?? true, writer.balance(c) - minutesEach >= -limit else { continue }
                chosen.append(c)
            }
        }
        func ref(_ i: Int) -> AccountRef { .member(members[i].number) }
        switch entry.kind {
        case .oneToMany:
            var leader: Int?
            for _ in 0..<12 {
                if let c = candidate(near: area, &rng), members[c].isActive(on: day) { leader = c; break }
            }
            guard let leader else { return [] }
            let wanted = rng.int(3...12)
            gather(wanted, except: leader, minutesEach: max(1, entry.minutes / wanted))
            guard !chosen.isEmpty else { return [] }
            return try GroupActivity.oneToMany(leader: ref(leader), attendees: chosen.map(ref), leaderMinutes: entry.minutes,
                                               date: date, categoryCode: entry.code, description: entry.title)
        case .manyToOne:
            gather(rng.int(4...15), except: nil, minutesEach: 0)
            guard !chosen.isEmpty else { return [] }
            // The organisation running the event credits its volunteers if it can afford to; otherwise the pot does.
            var beneficiary = AccountRef.pot
            let orgs = organisationsByArea[area].filter { members[$0].isActive(on: day) }
            if !orgs.isEmpty, rng.chance(0.6) {
                let o = rng.pick(orgs)
                if writer.balance(o) - entry.minutes * chosen.count >= -limit { beneficiary = ref(o) }
            }
            return try GroupActivity.manyToOne(volunteers: chosen.map(ref), beneficiary: beneficiary, minutesEach: entry.minutes,
                                               date: date, categoryCode: entry.code, description: entry.title)
        }
    }
}
