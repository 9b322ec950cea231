import GRDB
import TimeBank

extension Store {
    public func privacySettings() throws -> PrivacySettings {
        try read { db in try Store.privacySettings(db) }
    }

    static func privacySettings(_ db: Database) throws -> PrivacySettings {
        let d = PrivacySettings()
        let years = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [PrivacySettings.retentionKey])
            .flatMap { Int($0) }.flatMap { (1...100).contains($0) ? $0 : nil }
        let names = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [PrivacySettings.namesCounterpartiesKey])
        return PrivacySettings(retentionYears: years ?? d.retentionYears, namesCounterparties: names == "true")
    }

    /// Admins only: the retention period and whether subject-access exports name counterparties.
    public func updatePrivacySettings(_ p: PrivacySettings, by broker: Broker) throws {
        try authorize(.changeSettings, by: broker)
        guard (1...100).contains(p.retentionYears) else { throw StoreError.invalid("The retention period is 1 to 100 years.") }
        try write { db in
            for (key, value) in [(PrivacySettings.retentionKey, String(p.retentionYears)),
                                 (PrivacySettings.namesCounterpartiesKey, p.namesCounterparties ? "true" : "false")] {
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                               arguments: [key, value])
            }
            try Store.audit(db, broker: broker.username, action: "update", entity: "settings", id: "privacy",
                            details: "retention_years=\(p.retentionYears) names_counterparties=\(p.namesCounterparties)")
        }
    }

    /// A member who left, and the day their personal data falls due for erasure.
    public struct ErasureDue: Hashable, Sendable {
        public var number: Int
        public var name: String
        public var left: CalendarDate
        public var due: CalendarDate
    }

    /// Members who left longer ago than the retention period and are not yet erased, oldest first.
    /// When a member left is read as the last change to their record (a member who left is rarely edited).
    public func membersDueForErasure(today: CalendarDate = .today(), limit: Int = 200) throws -> [ErasureDue] {
        try read { db in try Store.membersDueForErasure(db, today: today, limit: limit) }
    }

    static func membersDueForErasure(_ db: Database, today: CalendarDate, limit: Int) throws -> [ErasureDue] {
        let privacy = try Store.privacySettings(db)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT number, name, substr(updated_at, 1, 10) AS left FROM member
            WHERE status = 'left' AND erased = 0
            ORDER BY updated_at, number
            """)
        var out: [ErasureDue] = []
        while let row = try rows.next(), out.count < limit {
            guard let left = CalendarDate(iso: row["left"]) else { continue }
            let due = privacy.erasureDue(leftOn: left)
            // Ordered by when they left: the first not yet due ends the list.
            guard due <= today else { break }
            out.append(ErasureDue(number: row["number"], name: row["name"], left: left, due: due))
        }
        return out
    }
}
