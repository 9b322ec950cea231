import Foundation
import GRDB
import TimeBank

/// Dates the ledger cannot hold: before the time bank's first day (the earliest day a member
/// joined; a mistyped year such as 2006 for 2026), and a reversal dated before the exchange it
/// corrects. (Dates after today are the future-date rule's.)
extension Store {
    static func firstDay(_ db: Database) throws -> CalendarDate? {
        try String.fetchOne(db, sql: "SELECT min(joined) FROM member").flatMap(CalendarDate.init(iso:))
    }

    static func requireWithinTimeBank(_ db: Database, _ date: CalendarDate) throws {
        guard let first = try firstDay(db), date < first else { return }
        throw StoreError.ledger(.refused("\(date.iso) is before the time bank's first day, \(first.iso); check the year."))
    }

    static func requireAfterOriginal(_ date: CalendarDate, original: Exchange) throws {
        guard date < original.date else { return }
        throw StoreError.ledger(.refused(
            "A reversal cannot be dated \(date.iso), before the exchange it corrects (\(original.date.iso)); date it on or after that day."))
    }

    /// How a reversal's reason is written in the ledger.
    static func reversalDescription(_ reason: String) -> String { "Reversal: \(reason)" }
}
