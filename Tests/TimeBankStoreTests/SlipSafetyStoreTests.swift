import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue 12: hours dated after today and the same slip recorded twice are refused by the store,
/// whoever asks (console or command line); a retry under the same id stays silent.
@Suite("Future dates and duplicate slips")
struct SlipSafetyStoreTests {
    static let today = day(Fixture.lastYear, 6, 10)

    func request(_ f: Fixture, on date: CalendarDate, minutes: Minutes = 90, id: UUID = UUID()) -> ExchangeRequest {
        ExchangeRequest(id: id, date: date, giver: .member(f.ann), receiver: .member(f.bob), minutes: minutes)
    }

    @Test("A date after today is refused in one sentence and nothing is written")
    func futureRefused() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        #expect(throws: StoreError.ledger(.futureDate(Self.today.adding(days: 1), allowedDays: 0))) {
            try f.store.record(request(f, on: Self.today.adding(days: 1)), by: f.admin, today: Self.today)
        }
        #expect(try f.snapshot() == before)
        let tomorrow = Self.today.adding(days: 1).british
        #expect(LedgerError.futureDate(Self.today.adding(days: 1), allowedDays: 0).description
            == "\(tomorrow) is in the future: hours are recorded after they happen.")
        _ = try f.store.record(request(f, on: Self.today), by: f.admin, today: Self.today)
        #expect(try f.store.exchangeCount() == 1)
    }

    @Test("The setting allows a few days ahead for planned group events, and no more")
    func settingAllowsDaysAhead() throws {
        let f = try Fixture()
        var settings = try f.store.settings()
        settings.futureDaysAllowed = 3
        try f.store.updateSettings(settings, by: f.admin)
        #expect(try f.store.settings().futureDaysAllowed == 3)
        _ = try f.store.record(request(f, on: Self.today.adding(days: 3)), by: f.admin, today: Self.today)
        #expect(throws: StoreError.ledger(.futureDate(Self.today.adding(days: 4), allowedDays: 3))) {
            try f.store.record(request(f, on: Self.today.adding(days: 4)), by: f.admin, today: Self.today)
        }
        let group = [request(f, on: Self.today.adding(days: 4))]
        #expect(throws: StoreError.ledger(.futureDate(Self.today.adding(days: 4), allowedDays: 3))) {
            try f.store.recordGroup(group, by: f.admin, today: Self.today)
        }
    }

    @Test("The same giver, receiver, minutes and date again is refused unless allowed; the same id is a silent retry")
    func duplicateRefused() throws {
        let f = try Fixture()
        let first = try f.store.record(request(f, on: Self.today), by: f.admin, allowDuplicate: false, today: Self.today).exchange
        let twin = request(f, on: Self.today)
        do {
            _ = try f.store.record(twin, by: f.admin, allowDuplicate: false, today: Self.today)
            Issue.record("a duplicate was recorded")
        } catch StoreError.duplicate(let d) {
            #expect(d.existing.id == first.id)
            #expect(d.sentence(timeZone: TimeZone(identifier: "UTC")!).hasPrefix(
                "Ann Archer gave Bob Baker 1:30 on 10/06 already, recorded by alice at "))
        }
        #expect(try f.store.exchangeCount() == 1)
        // A retry of the first submission is not a duplicate of itself.
        let retry = try f.store.record(request(f, on: Self.today, id: first.id), by: f.admin, allowDuplicate: false, today: Self.today)
        #expect(retry == .alreadyRecorded(first))
        // Other minutes or another day are not duplicates; asked for, the twin is recorded.
        _ = try f.store.record(request(f, on: Self.today, minutes: 60), by: f.admin, allowDuplicate: false, today: Self.today)
        _ = try f.store.record(request(f, on: Self.today.adding(days: -1)), by: f.admin, allowDuplicate: false, today: Self.today)
        _ = try f.store.record(twin, by: f.admin, allowDuplicate: true, today: Self.today)
        #expect(try f.store.exchangeCount() == 4)
    }

    @Test("A reversed entry is no longer in the way of recording the slip again")
    func reversedIsNotADuplicate() throws {
        let f = try Fixture()
        let first = try f.store.record(request(f, on: Self.today), by: f.admin, today: Self.today).exchange
        _ = try f.store.reverse(first.id, reason: "Wrong member", date: Self.today, by: f.admin)
        #expect(try f.store.duplicate(of: request(f, on: Self.today)) == nil)
    }
}
