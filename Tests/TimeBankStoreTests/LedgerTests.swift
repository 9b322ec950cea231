import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC, exchanges: double entry (sum of balances exactly zero), append-only with reversing entries,
/// idempotent recording, credit limit with confirmation, closed months, members who left.
@Suite("Recording and reversing exchanges")
struct LedgerTests {
    @Test("Recording credits the giver and debits the receiver; the balances sum to zero")
    func recordMovesBalances() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 90, description: "Gardening")
        #expect(e.giver == .member(f.ann) && e.receiver == .member(f.bob) && e.minutes == 90)
        #expect(e.recordedBy == "alice")
        #expect(e.reverses == nil)
        try f.record(.member(f.bob), .member(f.cat), 30)
        try f.record(.pot, .member(f.cat), 45)
        let ann = try f.store.balance(.member(f.ann))
        #expect((ann.givenMinutes, ann.receivedMinutes, ann.balanceMinutes) == (90, 0, 90))
        let bob = try f.store.balance(.member(f.bob))
        #expect((bob.givenMinutes, bob.receivedMinutes, bob.balanceMinutes) == (30, 90, -60))
        #expect(try f.balance(.member(f.cat)) == -75)
        #expect(try f.balance(.pot) == 45)
        let all = try f.store.balances()
        #expect(all.first?.account == .pot)
        #expect(all.first?.name == Store.potName)
        #expect(all.map(\.balanceMinutes).reduce(0, +) == 0)
        #expect(all.map(\.givenMinutes).reduce(0, +) == all.map(\.receivedMinutes).reduce(0, +))
        #expect(try f.store.exchange(id: e.id) == e)
        #expect(try f.store.check() == [])
    }

    @Test("The same id twice records once and returns the first exchange")
    func idempotent() throws {
        let f = try Fixture()
        let id = UUID()
        let request = ExchangeRequest(id: id, date: day(Fixture.lastYear, 5, 5), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60)
        let first = try f.store.record(request, by: f.admin)
        guard case .recorded(let e) = first else { Issue.record("first submission should record"); return }
        let before = try f.snapshot()
        let second = try f.store.record(request, by: f.admin)
        #expect(second == .alreadyRecorded(e))
        #expect(try f.snapshot() == before)
        #expect(try f.store.exchangeCount() == 1)
        #expect(try f.balance(.member(f.ann)) == 60)
    }

    @Test("A retry is still recognised after its month is closed")
    func idempotentAfterClosing() throws {
        let f = try Fixture()
        let request = ExchangeRequest(date: day(Fixture.lastYear, 2, 5), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60)
        _ = try f.store.record(request, by: f.admin)
        try f.store.closeMonth("\(Fixture.lastYear)-02", by: f.admin)
        guard case .alreadyRecorded = try f.store.record(request, by: f.admin) else { Issue.record("expected alreadyRecorded"); return }
    }

    @Test("The same id with a different amount, date or accounts is an error and changes nothing")
    func idReusedDifferentCore() throws {
        let f = try Fixture()
        let id = UUID()
        let original = ExchangeRequest(id: id, date: day(Fixture.lastYear, 5, 5), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60)
        _ = try f.store.record(original, by: f.admin)
        let before = try f.snapshot()
        var variants: [ExchangeRequest] = []
        var v = original; v.minutes = 61; variants.append(v)
        v = original; v.date = day(Fixture.lastYear, 5, 6); variants.append(v)
        v = original; v.receiver = .member(f.cat); variants.append(v)
        v = original; v.giver = .pot; variants.append(v)
        for variant in variants {
            #expect(throws: StoreError.ledger(.idReusedForDifferentExchange(id))) { try f.store.record(variant, by: f.admin) }
        }
        #expect(try f.snapshot() == before)
    }

    @Test("The same id with a different description or category is a different submission, and an error")
    func idReusedDifferentText() throws {
        let f = try Fixture()
        let id = UUID()
        let original = ExchangeRequest(id: id, date: day(Fixture.lastYear, 5, 5), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60,
                                       description: "Lifts to the surgery")
        _ = try f.store.record(original, by: f.admin)
        var otherText = original; otherText.description = "Shopping"
        #expect(throws: StoreError.ledger(.idReusedForDifferentExchange(id))) { try f.store.record(otherText, by: f.admin) }
        let code = try #require(try f.store.categories().first?.code)
        var otherCategory = original; otherCategory.categoryCode = code
        #expect(throws: StoreError.ledger(.idReusedForDifferentExchange(id))) { try f.store.record(otherCategory, by: f.admin) }
        #expect(try f.store.exchange(id: id)?.description == "Lifts to the surgery")
    }

    @Test("Domain rules are enforced before anything is written")
    func invalidRequests() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        let d = day(Fixture.lastYear, 5, 5)
        #expect(throws: StoreError.ledger(.durationNotPositive)) {
            try f.store.record(ExchangeRequest(date: d, giver: .member(f.ann), receiver: .member(f.bob), minutes: 0), by: f.admin)
        }
        #expect(throws: StoreError.ledger(.durationTooLong(1441))) {
            try f.store.record(ExchangeRequest(date: d, giver: .member(f.ann), receiver: .member(f.bob), minutes: 1441), by: f.admin)
        }
        #expect(throws: StoreError.ledger(.sameAccount)) {
            try f.store.record(ExchangeRequest(date: d, giver: .member(f.ann), receiver: .member(f.ann), minutes: 60), by: f.admin)
        }
        #expect(throws: StoreError.ledger(.unknownAccount("9999"))) {
            try f.store.record(ExchangeRequest(date: d, giver: .member(9999), receiver: .member(f.ann), minutes: 60), by: f.admin)
        }
        #expect(throws: StoreError.ledger(.unknownCategory("no.such"))) {
            try f.store.record(ExchangeRequest(date: d, giver: .member(f.bob), receiver: .member(f.ann), minutes: 60, categoryCode: "no.such"), by: f.admin)
        }
        #expect(try f.snapshot() == before)
    }

    @Test("A reversal mirrors the original, points at it, and puts every figure back")
    func reversal() throws {
        let f = try Fixture()
        try f.record(.member(f.cat), .member(f.ann), 20)
        let before = try f.store.balances()
        let e = try f.record(.member(f.ann), .member(f.bob), 90)
        let r = try f.store.reverse(e.id, reason: "Recorded the wrong way round", date: Fixture.today, by: f.admin)
        #expect(r.reverses == e.id)
        #expect(r.giver == e.receiver && r.receiver == e.giver && r.minutes == e.minutes)
        #expect(r.date == Fixture.today)
        #expect(r.description.contains("Recorded the wrong way round"))
        #expect(try f.store.balances() == before, "given, received and balance all return to what they were")
        #expect(try f.store.exchange(id: e.id) == e, "the original is untouched")
        #expect(try f.store.exchangeCount() == 3)
        #expect(try f.store.check() == [])
    }

    @Test("An exchange is reversed at most once; the same reversal submitted again is recognised")
    func reverseTwice() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 90)
        let rid = UUID()
        let r = try f.store.reverse(e.id, reason: "wrong", date: Fixture.today, by: f.admin, reversalID: rid)
        let before = try f.snapshot()
        #expect(try f.store.reverse(e.id, reason: "wrong", date: Fixture.today, by: f.admin, reversalID: rid) == r)
        #expect(throws: StoreError.ledger(.alreadyReversed(e.id))) {
            try f.store.reverse(e.id, reason: "wrong again", date: Fixture.today, by: f.admin)
        }
        #expect(try f.snapshot() == before)
    }

    @Test("A reversal cannot itself be reversed")
    func reverseAReversal() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 90)
        let r = try f.store.reverse(e.id, reason: "wrong", date: Fixture.today, by: f.admin)
        let before = try f.snapshot()
        #expect(throws: StoreError.ledger(.reversingAReversal(r.id))) {
            try f.store.reverse(r.id, reason: "undo the undo", date: Fixture.today, by: f.admin)
        }
        #expect(try f.snapshot() == before)
    }

    @Test("A reversal needs a reason and an existing exchange")
    func reversalInputs() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 90)
        let before = try f.snapshot()
        #expect(throws: StoreError.invalid("Give a reason for the reversal.")) { try f.store.reverse(e.id, reason: "  ", date: Fixture.today, by: f.admin) }
        let ghost = UUID()
        #expect(throws: StoreError.ledger(.noSuchExchange(ghost.uuidString.lowercased()))) {
            try f.store.reverse(ghost, reason: "x", date: Fixture.today, by: f.admin)
        }
        #expect(try f.snapshot() == before)
    }

    @Test("A closed month refuses new exchanges and reversals dated in it, naming the open period")
    func closedMonth() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        let e = try f.record(.member(f.ann), .member(f.bob), 60, on: day(y, 3, 10))
        try f.store.closeMonth("\(y)-03", by: f.admin)
        #expect(try f.store.closedMonths() == ["\(y)-03"])
        let before = try f.snapshot()
        let expected = StoreError.ledger(.closedMonth(month: "\(y)-03", openFrom: "\(y)-04-01"))
        #expect(throws: expected) { try f.record(.member(f.ann), .member(f.bob), 60, on: day(y, 3, 31)) }
        #expect(expected.description == "\(y)-03 is closed; record it on or after \(y)-04-01.")
        #expect(throws: expected) { try f.store.reverse(e.id, reason: "late correction", date: day(y, 3, 20), by: f.admin) }
        #expect(try f.snapshot() == before)
        // The months either side stay open.
        try f.record(.member(f.ann), .member(f.bob), 15, on: day(y, 2, 28))
        try f.record(.member(f.ann), .member(f.bob), 15, on: day(y, 4, 1))
    }

    @Test("A late correction of a closed month's exchange is dated in the open period and leaves the closed month's figures alone")
    func reverseClosedMonthExchangeToday() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        let e = try f.record(.member(f.ann), .member(f.bob), 60, on: day(y, 3, 10))
        try f.store.closeMonth("\(y)-03", by: f.admin)
        let march = try f.store.monthTotals(fromMonth: "\(y)-03", toMonth: "\(y)-03")
        let r = try f.store.reverse(e.id, reason: "late correction", date: Fixture.today, by: f.admin)
        #expect(r.date == Fixture.today)
        #expect(try f.balance(.member(f.ann)) == 0)
        #expect(try f.store.monthTotals(fromMonth: "\(y)-03", toMonth: "\(y)-03").map(\.minutes) == march.map(\.minutes))
        #expect(try f.store.check() == [])
    }

    @Test("With several closed months the message points past the latest of them")
    func openPeriodAfterLatestClosed() throws {
        let f = try Fixture()
        let y = Fixture.lastYear
        try f.store.closeMonth("\(y)-01", by: f.admin)
        try f.store.closeMonth("\(y)-02", by: f.admin)
        #expect(throws: StoreError.ledger(.closedMonth(month: "\(y)-01", openFrom: "\(y)-03-01"))) {
            try f.record(.member(f.ann), .member(f.bob), 60, on: day(y, 1, 15))
        }
    }

    @Test("Only an admin closes a month, only a month that has ended, and only once")
    func closingRules() throws {
        let f = try Fixture()
        let broker = try f.store.addBroker(username: "bob", displayName: "Bob", role: .broker, by: f.admin)
        #expect(throws: StoreError.refused(.roleNeeded(.admin, action: "close a month", have: .broker))) { try f.store.closeMonth("\(Fixture.lastYear)-01", by: broker) }
        #expect(throws: StoreError.self) { try f.store.closeMonth(Fixture.today.monthKey, by: f.admin) }
        #expect(throws: StoreError.self) { try f.store.closeMonth("2025-13", by: f.admin) }
        try f.store.closeMonth("\(Fixture.lastYear)-01", by: f.admin)
        #expect(throws: StoreError.invalid("\(Fixture.lastYear)-01 is already closed.")) { try f.store.closeMonth("\(Fixture.lastYear)-01", by: f.admin) }
        #expect(try f.store.closedMonths() == ["\(Fixture.lastYear)-01"])
    }

    @Test("Past the credit limit the store refuses unless the broker accepted the warning")
    func creditLimit() throws {
        let f = try Fixture(creditLimit: 120)
        try f.record(.member(f.ann), .member(f.bob), 120)  // Bob at exactly -2:00: allowed
        let before = try f.snapshot()
        do {
            try f.record(.member(f.ann), .member(f.bob), 1)
            Issue.record("expected a credit-limit warning")
        } catch StoreError.creditLimit(let w) {
            #expect(w.account == .member(f.bob))
            #expect(w.balanceAfter == -121)
            #expect(w.limit == 120)
            #expect(w.name == "Bob Baker")
        }
        #expect(try f.snapshot() == before)
        let warning = try f.store.creditWarning(for: ExchangeRequest(date: day(Fixture.lastYear, 6, 10), giver: .member(f.ann), receiver: .member(f.bob), minutes: 1))
        #expect(warning?.balanceAfter == -121)
        try f.record(.member(f.ann), .member(f.bob), 1, accept: true)
        #expect(try f.balance(.member(f.bob)) == -121)
        // The pot has no limit.
        try f.record(.member(f.cat), .pot, 1440)
        try f.record(.member(f.cat), .pot, 1440)
        #expect(try f.balance(.pot) == -2880)
    }

    @Test("A member who has left cannot give or receive in new exchanges, but their old ones can be reversed")
    func leftMember() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 60)
        var bob = try #require(try f.store.member(f.bob))
        bob.status = .left
        bob.statusReason = "Moved to Leeds"
        _ = try f.store.updateMember(bob, by: f.admin)
        let before = try f.snapshot()
        #expect(throws: StoreError.ledger(.accountNotActive(String(f.bob)))) { try f.record(.member(f.ann), .member(f.bob), 30) }
        #expect(throws: StoreError.ledger(.accountNotActive(String(f.bob)))) { try f.record(.member(f.bob), .pot, 30) }
        #expect(try f.snapshot() == before)
        _ = try f.store.reverse(e.id, reason: "never happened", date: Fixture.today, by: f.admin)
        #expect(try f.balance(.member(f.bob)) == 0)
    }

    @Test("Exchanges are found by a unique id prefix of 8 or more characters")
    func prefix() throws {
        let f = try Fixture()
        let e = try f.record(.member(f.ann), .member(f.bob), 60, id: UUID(uuidString: "12345678-0000-4000-8000-000000000001")!)
        try f.record(.member(f.ann), .member(f.bob), 60, id: UUID(uuidString: "12345679-0000-4000-8000-000000000002")!)
        #expect(try f.store.exchange(idOrPrefix: "12345678") == e)
        #expect(try f.store.exchange(idOrPrefix: "12345678-0000-4000-8000-000000000001") == e)
        #expect(throws: StoreError.self) { try f.store.exchange(idOrPrefix: "1234567") }
        #expect(throws: StoreError.self) { try f.store.exchange(idOrPrefix: "abcdef01") }
    }
}
