import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: one entry records a group activity; a remainder goes to the pot. Recorded all or nothing.
@Suite("Recording group activities")
struct GroupRecordTests {
    @Test("A class of three for 100 minutes: every entry recorded under one group id, teacher credited 100")
    func classOfThree() throws {
        let f = try Fixture()
        let dee = try f.store.addMember(Member(name: "Dee Dixon", joined: Fixture.today), by: f.admin).number
        let requests = try GroupActivity.oneToMany(leader: .member(f.ann), attendees: [.member(f.bob), .member(f.cat), .member(dee)],
                                                   leaderMinutes: 100, date: day(Fixture.lastYear, 4, 4), categoryCode: nil, description: "Yoga")
        let recorded = try f.store.recordGroup(requests, by: f.admin)
        #expect(recorded.count == 4)
        let groups = Set(recorded.map(\.group))
        #expect(groups.count == 1 && groups.first! != nil)
        #expect(try f.balance(.member(f.ann)) == 100)
        for m in [f.bob, f.cat, dee] { #expect(try f.balance(.member(m)) == -33) }
        #expect(try f.balance(.pot) == -1)
        #expect(try f.store.balances().map(\.balanceMinutes).reduce(0, +) == 0)
        #expect(try f.store.check() == [])
    }

    @Test("One bad participant means nothing is recorded", arguments: ["unknown", "left", "closed", "credit", "zero"])
    func allOrNothing(problem: String) throws {
        let f = try Fixture(creditLimit: 60)
        var bad = ExchangeRequest(date: day(Fixture.lastYear, 4, 4), giver: .member(f.ann), receiver: .member(f.cat), minutes: 30)
        switch problem {
        case "unknown": bad.receiver = .member(9999)
        case "left":
            var cat = try #require(try f.store.member(f.cat)); cat.status = .left; cat.statusReason = "Moved"
            _ = try f.store.updateMember(cat, by: f.admin)
        case "closed":
            try f.store.closeMonth("\(Fixture.lastYear)-05", by: f.admin)
            bad.date = day(Fixture.lastYear, 5, 5)
        case "credit": bad.minutes = 61
        default: bad.minutes = 0
        }
        let good1 = ExchangeRequest(date: day(Fixture.lastYear, 4, 4), giver: .member(f.ann), receiver: .member(f.bob), minutes: 30)
        let good2 = ExchangeRequest(date: day(Fixture.lastYear, 4, 4), giver: .member(f.ann), receiver: .pot, minutes: 30)
        let before = try f.snapshot()
        #expect(throws: StoreError.self) { try f.store.recordGroup([good1, bad, good2], by: f.admin) }
        #expect(try f.snapshot() == before)
        #expect(try f.store.exchange(id: good1.id) == nil)
    }

    @Test("The credit limit counts the earlier entries of the same group")
    func creditWithinGroup() throws {
        let f = try Fixture(creditLimit: 60)
        let a = ExchangeRequest(date: day(Fixture.lastYear, 4, 4), giver: .member(f.ann), receiver: .member(f.bob), minutes: 40)
        let b = ExchangeRequest(date: day(Fixture.lastYear, 4, 4), giver: .member(f.cat), receiver: .member(f.bob), minutes: 40)
        #expect(throws: StoreError.self) { try f.store.recordGroup([a, b], by: f.admin) }
        #expect(try f.store.exchangeCount() == 0)
        #expect(try f.store.recordGroup([a, b], by: f.admin, acceptCreditLimit: true).count == 2)
    }

    @Test("An empty group is refused")
    func empty() throws {
        let f = try Fixture()
        #expect(throws: StoreError.invalid("A group activity needs at least one participant.")) { try f.store.recordGroup([], by: f.admin) }
    }
}
