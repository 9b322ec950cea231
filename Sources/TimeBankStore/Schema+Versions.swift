import GRDB

extension Schema {
    /// A version on every record two brokers may edit at once (members have one already): a
    /// save names the version it started from and is refused if another broker saved since.
    static func addRecordVersions(_ db: Database) throws {
        for table in ["offer", "need", "vetting", "referral"] {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        }
    }
}
