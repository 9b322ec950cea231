import GRDB

/// The needs and referrals figures of a period (issue #13) read `report_need`: one row per need
/// with the days a figure counts it by. Reading them from the referrals and their steps costs a
/// look-up per need the period names (20,000 first referrals in a busy month at 100,000 members,
/// over 50 ms); here each figure is one range of an index. Kept by triggers in the same
/// transaction as every write to a need, a referral or a referral step, whoever writes,
/// backfilled here, and recomputed by `timebank check` (`Store.reportNeedFactProblems`). It touches no foreign key, so it is registered with immediate foreign key
/// checks: GRDB's deferred check reads every table of the file after it (4 of the 6 seconds the
/// upgrade took at 100,000 members).
///
/// - `opened`: the day the need was opened; `closed`: its status is closed.
/// - `first_referral`: the day of its first referral.
/// - `done`: the day it was met: of its done referrals, the earliest day of a 'done' step, or
///   of the referral's last change when it has none.
extension Schema {
    static func addReportNeedFacts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_need (
                need INTEGER PRIMARY KEY,
                opened TEXT NOT NULL,
                closed INTEGER NOT NULL,
                first_referral TEXT,
                done TEXT
            );
            INSERT INTO report_need (need, opened, closed, first_referral, done) \(reportNeedFacts("n.id IS NOT NULL"));
            CREATE INDEX report_need_first ON report_need(first_referral, opened);
            CREATE INDEX report_need_done ON report_need(done, opened);
            CREATE INDEX report_need_waiting ON report_need(closed, opened, done);
            CREATE INDEX IF NOT EXISTS need_opened ON need(created);

            CREATE TRIGGER report_need_insert AFTER INSERT ON need BEGIN \(refreshReportNeed("NEW.id")) END;
            CREATE TRIGGER report_need_update AFTER UPDATE OF id, created, status ON need BEGIN
                \(refreshReportNeed("OLD.id")) \(refreshReportNeed("NEW.id"))
            END;
            CREATE TRIGGER report_need_delete AFTER DELETE ON need BEGIN DELETE FROM report_need WHERE need = OLD.id; END;

            CREATE TRIGGER report_need_referral_insert AFTER INSERT ON referral BEGIN \(refreshReportNeed("NEW.need")) END;
            CREATE TRIGGER report_need_referral_update AFTER UPDATE OF need, status, created_at, updated_at ON referral BEGIN
                \(refreshReportNeed("OLD.need")) \(refreshReportNeed("NEW.need"))
            END;
            CREATE TRIGGER report_need_referral_delete AFTER DELETE ON referral BEGIN \(refreshReportNeed("OLD.need")) END;

            CREATE TRIGGER report_need_step_insert AFTER INSERT ON referral_step BEGIN
                \(refreshReportNeed("(SELECT need FROM referral WHERE id = NEW.referral)"))
            END;
            CREATE TRIGGER report_need_step_update AFTER UPDATE OF referral, status, at ON referral_step BEGIN
                \(refreshReportNeed("(SELECT need FROM referral WHERE id = OLD.referral)"))
                \(refreshReportNeed("(SELECT need FROM referral WHERE id = NEW.referral)"))
            END;
            CREATE TRIGGER report_need_step_delete AFTER DELETE ON referral_step BEGIN
                \(refreshReportNeed("(SELECT need FROM referral WHERE id = OLD.referral)"))
            END;
            """)
    }

    /// The `report_need` rows of the needs `n` that meet `condition`, read from the needs, their
    /// referrals and their steps: the one statement of when a need had its first referral and
    /// when it was met.
    static func reportNeedFacts(_ condition: String) -> String {
        """
        SELECT n.id AS need, n.created AS opened, n.status = 'closed' AS closed,
               (SELECT min(substr(f.created_at, 1, 10)) FROM referral f WHERE f.need = n.id) AS first_referral,
               (SELECT min(coalesce((SELECT min(substr(s.at, 1, 10)) FROM referral_step s WHERE s.referral = f.id AND s.status = 'done'),
                                    substr(f.updated_at, 1, 10)))
                FROM referral f WHERE f.need = n.id AND f.status = 'done') AS done
        FROM need n WHERE \(condition)
        """
    }

    /// Statements (for a trigger) that reread the `report_need` row of the need `id`, or drop it
    /// when that need is gone.
    static func refreshReportNeed(_ id: String) -> String {
        """
        DELETE FROM report_need WHERE need = \(id);
        INSERT INTO report_need (need, opened, closed, first_referral, done) \(reportNeedFacts("n.id = \(id)"));
        """
    }
}
