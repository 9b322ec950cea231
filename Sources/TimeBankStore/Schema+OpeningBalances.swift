import GRDB

extension Schema {
    /// An "opening balances" account: the other side of the balances a time bank brings from
    /// the system it leaves, so every balance still sums to zero while those hours are neither
    /// the community pot's nor exchanged, and reports can leave them out.
    ///
    /// The account table's checks allowed only members and the pot, and SQLite cannot alter a
    /// check, so the table is rebuilt (SQLite's documented twelve steps) from its own stored
    /// definition with only the two checks widened: columns, indexes and triggers other
    /// migrations gave it come along as they are.
    static func openingBalancesAccount(_ db: Database) throws {
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'account'") else { return }
        let widened = definition
            .replacingOccurrences(of: "CHECK (kind IN ('member', 'pot'))", with: "CHECK (kind IN ('member', 'pot', 'opening'))")
            .replacingOccurrences(of: "CHECK ((kind = 'pot') = (member IS NULL))", with: "CHECK ((kind = 'member') = (member IS NOT NULL))")
        guard widened != definition, let nameEnd = widened.range(of: "account") else {
            throw DatabaseError(message: "the account table is not the one this migration knows")
        }
        let rebuilt = widened.replacingCharacters(in: nameEnd, with: "account_v9e")
        let companions = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'account' AND type IN ('index', 'trigger') AND sql IS NOT NULL
            """)
        // Triggers on other tables name `account`; legacy renaming leaves them as they are
        // rather than failing over the moment the old table is gone.
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: rebuilt)
        try db.execute(sql: "INSERT INTO account_v9e SELECT * FROM account")
        try db.execute(sql: "DROP TABLE account")
        try db.execute(sql: "ALTER TABLE account_v9e RENAME TO account")
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        for sql in companions { try db.execute(sql: sql) }
        try db.execute(sql: """
            CREATE UNIQUE INDEX account_one_opening ON account(kind) WHERE kind = 'opening';
            INSERT INTO account (kind) VALUES ('opening');
            """)
    }
}
