import GRDB

/// Safeguarding (issue #13): of the exchanges on needs that asked for a vetted helper, those whose
/// helper's vetting was complete on the day. Each such exchange was a look-up of its helper in
/// `vetting` (about 5,000 in a month's report at 100,000 members, two thirds of its safeguarding
/// count), though helpers' vetting changes a few times a year. Each row of
/// `report_referral_exchange` now also keeps its helper's vetting (`complete`, `completed_on`,
/// `next_review`, named as in `vetting` so `VettingSQL.completeOn` reads either), with an index
/// that holds them, so a period reads its exchanges and their helpers' vetting in one range.
/// The count first reads the period's originals reversed by its end: `report_reversal` gains an
/// index by the original's date, so that is a range too, not a scan of every reversal.
///
/// Kept by triggers whoever writes: a referral exchange added or given another helper, a
/// helper's vetting added, changed or removed. Backfilled here and compared with `vetting` by
/// `timebank check` (`Store.reportHelperVettingProblems`). It touches no foreign key: registered
/// with immediate checks.
extension Schema {
    static func addReportHelperVetting(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_referral_exchange ADD COLUMN complete INTEGER;
            ALTER TABLE report_referral_exchange ADD COLUMN completed_on TEXT;
            ALTER TABLE report_referral_exchange ADD COLUMN next_review TEXT;
            \(keepHelperVetting(where: "1"))
            CREATE INDEX report_referral_exchange_vetting
                ON report_referral_exchange(needs_vetted, date, exchange, complete, completed_on, next_review);
            CREATE INDEX report_referral_exchange_helper ON report_referral_exchange(helper);
            CREATE INDEX report_reversal_original_date ON report_reversal(original_date, reversal_date, original);

            CREATE TRIGGER report_referral_exchange_vetting_insert AFTER INSERT ON report_referral_exchange
            BEGIN \(keepHelperVetting(where: "exchange = NEW.exchange")) END;
            CREATE TRIGGER report_referral_exchange_vetting_helper AFTER UPDATE OF helper ON report_referral_exchange
            BEGIN \(keepHelperVetting(where: "exchange = NEW.exchange")) END;
            CREATE TRIGGER vetting_report_helper_insert AFTER INSERT ON vetting
            BEGIN \(keepHelperVetting(where: "helper = NEW.member")) END;
            CREATE TRIGGER vetting_report_helper_update AFTER UPDATE OF member, complete, completed_on, next_review ON vetting
            BEGIN \(keepHelperVetting(where: "helper IN (OLD.member, NEW.member)")) END;
            CREATE TRIGGER vetting_report_helper_delete AFTER DELETE ON vetting
            BEGIN \(keepHelperVetting(where: "helper = OLD.member")) END;
            """)
    }

    /// The statement copying each helper's vetting as it stands now (none: NULL) into the
    /// referral exchanges `condition` names. Read from `vetting`, not from a trigger's NEW, so
    /// whichever trigger on a vetting change runs last leaves the row as it is.
    static func keepHelperVetting(where condition: String) -> String {
        """
        UPDATE report_referral_exchange SET (complete, completed_on, next_review) =
            (SELECT v.complete, v.completed_on, v.next_review FROM vetting v WHERE v.member = report_referral_exchange.helper)
        WHERE \(condition);
        """
    }
}
