import GRDB

extension Schema {
    /// Every column that holds a calendar day, with the table it is in.
    static let dateColumns: [(table: String, column: String)] = [
        ("member", "joined"),
        ("vetting", "id_seen"), ("vetting", "induction"), ("vetting", "dbs_issued"), ("vetting", "dbs_review"),
        ("vetting", "review"), ("vetting", "next_review"),
        ("vetting_reference", "received"),
        ("offer", "created"), ("offer", "review"),
        ("need", "created"), ("need", "review"),
        ("exchange", "date"),
    ]

    /// The SQL truth that a stored day is a real one: it reads back unchanged through `date()`,
    /// so `2026-02-30` and `2026-19-39` (which pass the old GLOB) are not days. The `+0 days`
    /// makes SQLite normalise the day (bare `date('2026-02-30')` returns it as written). Year 0 is not one
    /// either, as the program counts from year 1.
    static func isDay(_ expression: String) -> String {
        "(date(\(expression), '+0 days') IS \(expression) AND \(expression) >= '0001-01-01')"
    }

    /// The SQL truth that a stored timestamp is one `Store.timestamp` writes, of a real moment
    /// (the rule `Store.storedTimestamp` applies in Swift).
    static func isTimestamp(_ expression: String) -> String {
        "(strftime('%Y-%m-%dT%H:%M:%fZ', \(expression), '+0 days') IS \(expression))"
    }

    /// Impossible dates are refused on every date column, whoever writes (the program, sqlite3, a
    /// script). Triggers rather than CHECKs, so no table is rebuilt; rows already stored are left
    /// for `timebank check` to name.
    static func refuseImpossibleDates(_ db: Database) throws {
        for (table, column) in dateColumns {
            let message = "\(table).\(column) must be a real day written YYYY-MM-DD"
            let when = "NEW.\(column) IS NOT NULL AND NOT \(isDay("NEW.\(column)"))"
            try db.execute(sql: """
                CREATE TRIGGER \(table)_\(column)_is_a_day_insert BEFORE INSERT ON \(table)
                    WHEN \(when) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
                CREATE TRIGGER \(table)_\(column)_is_a_day_update BEFORE UPDATE OF \(column) ON \(table)
                    WHEN \(when) BEGIN SELECT RAISE(ABORT, '\(message)'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER closed_month_is_a_month BEFORE INSERT ON closed_month
                WHEN NOT \(isDay("NEW.month || '-01'"))
                BEGIN SELECT RAISE(ABORT, 'closed_month.month must be a real month written YYYY-MM'); END;
            """)
    }
}
