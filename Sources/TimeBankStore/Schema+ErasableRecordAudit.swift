import GRDB

extension Schema {
    /// Erasure reaches the audit entries of a member's own records, not only those filed under
    /// the member: the versioned saves of their vetting (which name referees), of their offers
    /// and needs (titles and descriptions, before and after), and of referrals they are part of
    /// (notes). Once the member is erased (`member.erased = 1`, set in the same transaction) the
    /// details of those entries may be emptied; who did what, when, to which record stays, and
    /// every other change to the audit log is refused as before.
    static func erasableRecordAudit(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER audit_no_update;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                WHEN NOT (
                    NEW.details = ''
                    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.broker IS OLD.broker AND NEW.action IS OLD.action
                    AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
                    AND (
                        (OLD.entity IN ('member', 'vetting')
                         AND EXISTS (SELECT 1 FROM member m WHERE CAST(m.number AS TEXT) = OLD.entity_id AND m.erased = 1))
                        OR (OLD.entity = 'offer'
                         AND EXISTS (SELECT 1 FROM offer l JOIN member m ON m.number = l.member
                                     WHERE CAST(l.id AS TEXT) = OLD.entity_id AND m.erased = 1))
                        OR (OLD.entity = 'need'
                         AND EXISTS (SELECT 1 FROM need l JOIN member m ON m.number = l.member
                                     WHERE CAST(l.id AS TEXT) = OLD.entity_id AND m.erased = 1))
                        OR (OLD.entity = 'referral'
                         AND EXISTS (SELECT 1 FROM referral r JOIN need l ON l.id = r.need JOIN member m ON m.number IN (r.helper, l.member)
                                     WHERE CAST(r.id AS TEXT) = OLD.entity_id AND m.erased = 1))))
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
            """)
    }
}
