import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: statements show hours given, hours received and the balance separately.
@Suite("Statements")
struct StatementTests {
    @Test("Given, received and balance are shown apart, line by line with a running balance")
    func apart() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(y, 1, 5))
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(y, 1, 6))
        try f.record(.pot, .member(f.ann), 60, on: day(y, 1, 7))
        try f.record(.member(f.bob), .member(f.cat), 45, on: day(y, 1, 8))   // not Ann's
        let s = try f.store.statement(for: .member(f.ann))
        #expect(s.name == "Ann Archer")
        #expect(s.givenMinutes == 90)
        #expect(s.receivedMinutes == 90)
        #expect(s.closingBalance == 0)
        #expect(s.lines.map(\.signedMinutes) == [90, -30, -60])
        #expect(s.lines.map(\.balanceAfter) == [90, 60, 0])
        #expect(s.lines.map(\.partner) == [.member(f.bob), .member(f.bob), .pot])
        #expect(s.lines.map(\.partnerName) == ["Bob Baker", "Bob Baker", Store.potName])
        let b = try f.store.balance(.member(f.ann))
        #expect((b.givenMinutes, b.receivedMinutes, b.balanceMinutes) == (s.givenMinutes, s.receivedMinutes, s.closingBalance))
    }

    @Test("A reversal nets out: neither given nor received counts the mistake, and the original is marked")
    func reversalsNetOut() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        let wrong = try f.record(.member(f.ann), .member(f.bob), 90, on: day(y, 1, 5))
        try f.record(.member(f.ann), .member(f.cat), 30, on: day(y, 1, 6))
        let r = try f.store.reverse(wrong.id, reason: "should have been Cat", date: day(y, 1, 9), by: f.admin)
        let ann = try f.store.statement(for: .member(f.ann))
        #expect((ann.givenMinutes, ann.receivedMinutes, ann.closingBalance) == (30, 0, 30))
        #expect(ann.lines.count == 3)
        #expect(ann.lines.first?.reversedBy == r.id)
        #expect(ann.lines.last?.exchange.reverses == wrong.id)
        #expect(ann.lines.last?.balanceAfter == 30)
        let bob = try f.store.statement(for: .member(f.bob))
        #expect((bob.givenMinutes, bob.receivedMinutes, bob.closingBalance) == (0, 0, 0))
        for who in [AccountRef.member(f.ann), .member(f.bob), .member(f.cat), .pot] {
            let s = try f.store.statement(for: who)
            let b = try f.store.balance(who)
            #expect((s.givenMinutes, s.receivedMinutes, s.closingBalance) == (b.givenMinutes, b.receivedMinutes, b.balanceMinutes), "\(who)")
        }
    }

    @Test("A period statement opens with the balance before it and closes with the balance at its end")
    func period() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        try f.record(.member(f.ann), .member(f.bob), 90, on: day(y, 1, 5))
        let feb = try f.record(.member(f.bob), .member(f.ann), 30, on: day(y, 2, 6))
        try f.record(.member(f.ann), .member(f.cat), 15, on: day(y, 2, 20))
        try f.record(.member(f.ann), .member(f.cat), 45, on: day(y, 3, 1))
        _ = try f.store.reverse(feb.id, reason: "wrong", date: day(y, 3, 2), by: f.admin)
        let s = try f.store.statement(for: .member(f.ann), from: day(y, 2, 1), to: day(y, 2, 28))
        #expect(s.openingBalance == 90)
        #expect(s.lines.map(\.signedMinutes) == [-30, 15])
        #expect((s.givenMinutes, s.receivedMinutes) == (15, 30))
        #expect(s.closingBalance == 75)
        let march = try f.store.statement(for: .member(f.ann), from: day(y, 3, 1), to: day(y, 3, 31))
        #expect(march.openingBalance == 75)
        #expect(try march.closingBalance == f.balance(.member(f.ann)))
        #expect(march.closingBalance == 150)
    }

    @Test("A statement for an unknown member is an error")
    func unknown() throws {
        let f = try Fixture()
        #expect(throws: StoreError.ledger(.unknownAccount("4242"))) { try f.store.statement(for: .member(4242)) }
    }
}
