import GRDB

/// Members who left in a period are found in the audit log, among the edits of members on the
/// period's days. The audit log holds an entry for every ledger entry too, so a report must not
/// read all of it: this partial index holds only the edits of members, by time.
extension Schema {
    static func addReportLeftMembersIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX audit_member_update_at ON audit(at, entity_id) WHERE entity = 'member' AND action = 'update'
            """)
    }
}
