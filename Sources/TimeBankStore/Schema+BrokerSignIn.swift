import GRDB

extension Schema {
    /// Brokers sign in with a PIN kept only as a salted slow hash, whose algorithm and
    /// parameters sit beside it so they can be raised later; wrong PINs are counted per broker
    /// for the lockout; a broker may be linked to the member account they hold themselves; and
    /// admins name the Unix logins shared by several brokers.
    static func brokerSignIn(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE broker ADD COLUMN pin_algorithm TEXT;
            ALTER TABLE broker ADD COLUMN pin_iterations INTEGER;
            ALTER TABLE broker ADD COLUMN pin_salt BLOB;
            ALTER TABLE broker ADD COLUMN pin_must_change INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE broker ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE broker ADD COLUMN locked_until TEXT;
            ALTER TABLE broker ADD COLUMN last_sign_in TEXT;
            ALTER TABLE broker ADD COLUMN member INTEGER REFERENCES member(number);
            CREATE TABLE shared_login (
                unix_name TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            );
            """)
    }
}
