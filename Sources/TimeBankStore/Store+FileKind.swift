import GRDB

/// What kind of SQLite file is being opened, decided before anything is written to it.
extension Store {
    /// True when the file is a time bank at this program's version; false when migrations are
    /// due (an empty SQLite file, or an earlier version) and the caller may write them. Throws,
    /// leaving the file alone, for another program's database, a newer version's, and for a
    /// read-only caller any file that would need writing.
    static func isCurrent(_ db: Database, path: String, readOnly: Bool) throws -> Bool {
        let migrator = Schema.migrator
        guard try db.tableExists("grdb_migrations") else {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") ?? 0
            if tables > 0 {
                throw StoreError.invalid("\(path) is a database of another program, not a time bank; it was left as it was.")
            }
            if readOnly { throw StoreError.invalid("\(path) is empty: it holds no time bank yet; it was left as it was.") }
            return false
        }
        let applied = try migrator.appliedIdentifiers(db)
        guard let first = migrator.migrations.first, applied.contains(first) else {
            throw StoreError.invalid("\(path) is a database of another program, not a time bank; it was left as it was.")
        }
        if try migrator.hasBeenSuperseded(db) {
            throw StoreError.invalid("\(path) was written by a newer version of timebank; use that version (this one would not understand it).")
        }
        if try migrator.hasCompletedMigrations(db) { return true }
        if readOnly {
            throw StoreError.invalid("\(path) was made by an earlier version of timebank; open the console or run a writing command once to bring it up to date.")
        }
        return false
    }
}
