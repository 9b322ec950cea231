import GRDB

extension Schema {
    /// Erasure: a ledger row's free text is erasable, nothing else of it.
    ///
    /// The ledger and the audit log stay append-only. The one change the new guards let through
    /// is emptying an exchange's description, or an audit entry's details about a member, once
    /// that member is erased (`member.erased = 1`, set in the same transaction): dates, accounts,
    /// minutes, ids, who recorded what and when stay as they were, so every balance and every
    /// report figure is unchanged. Every other UPDATE, and every DELETE, is refused as before.
    static func erasableText(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER exchange_no_update;
            CREATE TRIGGER exchange_no_update BEFORE UPDATE ON exchange
                WHEN NOT (
                    NEW.description = '' AND OLD.description <> ''
                    AND NEW.seq IS OLD.seq AND NEW.id IS OLD.id AND NEW.date IS OLD.date AND NEW.giver IS OLD.giver
                    AND NEW.receiver IS OLD.receiver AND NEW.minutes IS OLD.minutes AND NEW.category IS OLD.category
                    AND NEW.referral IS OLD.referral AND NEW.reverses IS OLD.reverses AND NEW.grp IS OLD.grp
                    AND NEW.recorded_by IS OLD.recorded_by AND NEW.recorded_at IS OLD.recorded_at
                    AND EXISTS (SELECT 1 FROM account a JOIN member m ON m.number = a.member
                                WHERE a.id IN (OLD.giver, OLD.receiver) AND m.erased = 1))
                BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversal instead'); END;
            DROP TRIGGER audit_no_update;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                WHEN NOT (
                    NEW.details = '' AND OLD.entity = 'member'
                    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.broker IS OLD.broker AND NEW.action IS OLD.action
                    AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
                    AND EXISTS (SELECT 1 FROM member m WHERE CAST(m.number AS TEXT) = OLD.entity_id AND m.erased = 1))
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
            """)
    }
}
