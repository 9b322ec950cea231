import Foundation
import Testing
@testable import TimeBank

private let date = CalendarDate(year: 2026, month: 11, day: 2)!

/// SPEC: a single exchange is more than 0 and at most 24 h; every exchange debits one account and credits another.
@Suite("Exchange requests")
struct ExchangeRequestTests {
    @Test("Valid requests pass", arguments: [1, 60, 1440])
    func valid(minutes: Int) throws {
        try ExchangeRequest(date: date, giver: .member(1), receiver: .member(2), minutes: minutes).validate()
        try ExchangeRequest(date: date, giver: .pot, receiver: .member(2), minutes: minutes, description: String(repeating: "x", count: 500)).validate()
    }

    @Test("Durations outside 1 minute to 24 hours are refused")
    func durations() {
        #expect(throws: LedgerError.durationNotPositive) { try ExchangeRequest(date: date, giver: .member(1), receiver: .member(2), minutes: 0).validate() }
        #expect(throws: LedgerError.durationNotPositive) { try ExchangeRequest(date: date, giver: .member(1), receiver: .member(2), minutes: -60).validate() }
        #expect(throws: LedgerError.durationTooLong(1441)) { try ExchangeRequest(date: date, giver: .member(1), receiver: .member(2), minutes: 1441).validate() }
        #expect(LedgerError.durationTooLong(1441).description == "24:01 is more than 24 hours, the longest one exchange can be.")
    }

    @Test("Giver and receiver must differ, the pot included")
    func sameAccount() {
        #expect(throws: LedgerError.sameAccount) { try ExchangeRequest(date: date, giver: .member(1), receiver: .member(1), minutes: 60).validate() }
        #expect(throws: LedgerError.sameAccount) { try ExchangeRequest(date: date, giver: .pot, receiver: .pot, minutes: 60).validate() }
    }

    @Test("Descriptions are limited to 500 characters")
    func description() {
        #expect(throws: LedgerError.descriptionTooLong) {
            try ExchangeRequest(date: date, giver: .member(1), receiver: .member(2), minutes: 60, description: String(repeating: "é", count: 501)).validate()
        }
    }

    @Test("Ledger messages name what to do")
    func messages() {
        #expect(LedgerError.closedMonth(month: "2026-01", openFrom: "2026-02-01").description == "2026-01 is closed; record it on or after 2026-02-01.")
        let id = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        #expect(LedgerError.alreadyReversed(id).description == "Exchange 6f9619ff-8b86-d011-b42d-00c04fc964ff has already been reversed.")
        #expect(LedgerError.accountNotActive("1001").description.contains("1001"))
    }
}
