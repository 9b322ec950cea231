import GRDB
import TimeBank

/// The day each member's vetting was completed (issue #13, safeguarding): a report counts an
/// exchange's helper as vetted only when the vetting was complete on the date of service, not
/// merely complete now. The store keeps `completed_on` with `complete` (`Vetting.completedOn`);
/// here it is worked out once from the stored steps, by the same rule: the latest of the
/// `referencesRequired`-th reference received, the ID seen, the induction and, where a DBS check is
/// required, its certificate's issue. `vetting_state` is rebuilt to cover it, so the report
/// reads no vetting row.
extension Schema {
    static func addVettingCompletedOn(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE vetting ADD COLUMN completed_on TEXT;
            UPDATE vetting SET completed_on = max(
                    (SELECT r.received FROM vetting_reference r WHERE r.member = vetting.member
                     ORDER BY r.received LIMIT 1 OFFSET \(Vetting.referencesRequired - 1)),
                    id_seen, induction, CASE WHEN dbs_required = 1 THEN dbs_issued ELSE induction END)
                WHERE complete = 1;
            DROP INDEX IF EXISTS vetting_state;
            CREATE INDEX vetting_state ON vetting(member, complete, next_review, completed_on);
            """)
    }
}
