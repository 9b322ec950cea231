import GRDB
import TimeBank

/// Needs waiting at a period's end (issue #13, "needs open longer than 30 days"): counting them
/// from `report_need` stepped through every need still open and opened 30 days before the end,
/// 38,000 at 100,000 members for each period of a report, most of its needs figures' time.
///
/// A need that is not closed waits at the end of a period whose last day `to` is at least 31
/// days after its opening (opened before `to` less 30 days) and before the day it was met, if
/// it was: a run of days from its start, `date(opened, '+31 days')`, up to (not including) its
/// day in `done`. `report_need_waiting_day` keeps, for each day, how many runs start on it less how
/// many end on it, so the needs waiting at `to` are the sum of the days up to `to`: a few hundred
/// rows, one a day. Days are compared as text, as the count compared them, so a need met on or
/// before its start waits on no day and is kept nowhere.
///
/// Kept by triggers on `report_need` (itself kept by triggers on needs, referrals and steps), so
/// every writer keeps it; a day whose sum falls to 0 is deleted. Backfilled here and recounted by
/// `timebank check` (`Store.reportNeedWaitingProblems`) from the one statement
/// `reportNeedWaitingCounts`. It touches no foreign key: registered with immediate checks.
extension Schema {
    static func addReportNeedWaiting(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_need_waiting_day (
                day TEXT PRIMARY KEY,
                change INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO report_need_waiting_day (day, change) \(reportNeedWaitingCounts);

            CREATE TRIGGER report_need_waiting_day_insert AFTER INSERT ON report_need BEGIN \(changeNeedWaiting("NEW", by: 1)) END;
            CREATE TRIGGER report_need_waiting_day_delete AFTER DELETE ON report_need BEGIN \(changeNeedWaiting("OLD", by: -1)) END;
            CREATE TRIGGER report_need_waiting_day_update AFTER UPDATE ON report_need BEGIN
                \(changeNeedWaiting("OLD", by: -1)) \(changeNeedWaiting("NEW", by: 1))
            END;
            """)
    }

    /// The first day the need `row` can wait: the day its 30 days (`ReportFigures.needWaitingDays`) are over.
    static func needWaitingStart(_ row: String) -> String {
        "date(\(row).opened, '+\(ReportFigures.needWaitingDays + 1) days')"
    }

    /// The truth that the need `row` waits on some day: not closed, and not met on or before its start.
    static func needWaits(_ row: String) -> String {
        "(\(row).closed = 0 AND \(needWaitingStart(row)) IS NOT NULL AND (\(row).done IS NULL OR \(row).done > \(needWaitingStart(row))))"
    }

    /// The rows of `report_need_waiting_day` counted from `report_need`: the backfill, and what check
    /// compares the kept rows with.
    static let reportNeedWaitingCounts = """
        SELECT day, sum(change) AS change FROM (
            SELECT \(needWaitingStart("r")) AS day, 1 AS change FROM report_need r WHERE \(needWaits("r"))
            UNION ALL SELECT r.done, -1 FROM report_need r WHERE \(needWaits("r")) AND r.done IS NOT NULL
        ) GROUP BY day HAVING sum(change) <> 0
        """

    /// Trigger statements adding the run of the need `row` (`by` 1, NEW) or taking it away (`by` -1, OLD).
    static func changeNeedWaiting(_ row: String, by sign: Int) -> String {
        let start = needWaitingStart(row)
        return """
            INSERT INTO report_need_waiting_day (day, change) SELECT \(start), \(sign) WHERE \(needWaits(row))
                ON CONFLICT (day) DO UPDATE SET change = change + \(sign);
            INSERT INTO report_need_waiting_day (day, change) SELECT \(row).done, \(-sign) WHERE \(needWaits(row)) AND \(row).done IS NOT NULL
                ON CONFLICT (day) DO UPDATE SET change = change - \(sign);
            DELETE FROM report_need_waiting_day WHERE change = 0 AND day IN (\(start), \(row).done);
            """
    }
}
