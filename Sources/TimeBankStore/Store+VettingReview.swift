import GRDB
import TimeBank

/// The years between a vetting record's completion and its review, kept as the setting
/// `vetting_review_years` beside the others (default `Vetting.defaultReviewYears`).
extension Store {
    static let vettingReviewYearsKey = "vetting_review_years"

    public func vettingReviewYears() throws -> Int {
        try read { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Store.vettingReviewYearsKey])
            return stored.flatMap(Int.init).flatMap { (1...10).contains($0) ? $0 : nil } ?? Vetting.defaultReviewYears
        }
    }

    /// Admins only; 1 to 10 years.
    public func setVettingReviewYears(_ years: Int, by broker: Broker) throws {
        try authorize(.changeSettings, by: broker)
        guard (1...10).contains(years) else { throw StoreError.invalid("The vetting review period must be 1 to 10 years.") }
        try write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [Store.vettingReviewYearsKey, String(years)])
            try Store.audit(db, broker: broker.username, action: "update", entity: "settings", id: "", details: "vetting_review_years=\(years)")
        }
    }
}
