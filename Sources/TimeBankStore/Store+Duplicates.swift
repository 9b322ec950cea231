import Foundation
import GRDB
import TimeBank

extension Store {
    /// An entry still standing (not a reversal, not reversed) with the same giver, receiver,
    /// minutes and date as `request` but another id: the same slip typed twice, most likely.
    public func duplicate(of request: ExchangeRequest) throws -> DuplicateExchange? {
        try read { db in try Store.duplicate(db, request) }
    }

    static func duplicate(_ db: Database, _ r: ExchangeRequest) throws -> DuplicateExchange? {
        guard let giver = try? accountID(db, r.giver), let receiver = try? accountID(db, r.receiver) else { return nil }
        let existing = try Exchange.fetchOne(db, sql: Exchange.select("""
            WHERE e.giver = ? AND e.date = ? AND e.receiver = ? AND e.minutes = ? AND e.id <> ? AND e.reverses IS NULL
              AND NOT EXISTS (SELECT 1 FROM exchange r WHERE r.reverses = e.id)
            ORDER BY e.recorded_at DESC LIMIT 1
            """), arguments: [giver, r.date.iso, receiver, r.minutes, r.id.uuidString.lowercased()])
        guard let existing else { return nil }
        return DuplicateExchange(existing: existing, giverName: try accountName(db, r.giver),
                                 receiverName: try accountName(db, r.receiver))
    }

    /// The service-date rule with this time bank's allowance for days ahead.
    static func requireServiceDate(_ db: Database, _ date: CalendarDate, today: CalendarDate) throws {
        let allowed = try settings(db).futureDaysAllowed
        do { try ServiceDate.check(date, today: today, futureDaysAllowed: allowed) } catch { throw StoreError.ledger(error) }
    }
}
