import GRDB

/// Each pair-month of `report_pair_month` (v12a) knows the pair's previous month (issue #13):
/// `prev_month` is the greatest month of another row of the same pair earlier than the row's own,
/// NULL when there is none. Almost every pair exchanges in one month only, so a period's repeat
/// and recurring pairs are the few rows whose previous month falls inside the period, read
/// through the partial index `report_pair_month_recurring` instead of a pass over every pair-month.
///
/// Backfilled by one window over the pair index, kept by two triggers whoever writes the table,
/// and recomputed by `timebank check` (`Store.reportPairRecurrenceProblems`) through the same window.
/// The triggers only ever set `prev_month`, never `kept`, so triggers that follow `kept` (AFTER
/// UPDATE OF kept) never fire from them. The table is altered in place, never recreated, so that
/// other triggers on it stay.
extension Schema {
    static func addReportPairRecurrence(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_pair_month ADD COLUMN prev_month TEXT;
            -- Only the rows whose previous month is wrong (here: not yet set) are written; most pairs have none.
            UPDATE report_pair_month SET prev_month = w.prev_month FROM (\(reportPairPrevMonthDiffering)) w
                WHERE report_pair_month.month = w.month AND report_pair_month.a = w.a AND report_pair_month.b = w.b;
            CREATE INDEX report_pair_month_recurring ON report_pair_month(prev_month, month, a, b, kept)
                WHERE prev_month IS NOT NULL;

            -- A new row (months can be backdated, so it may land between two months of its pair)
            -- takes the pair's greatest earlier month, and the pair's next row, if any, takes its month.
            -- Both look-ups go through report_pair_month_pair (a, b, month, kept).
            CREATE TRIGGER report_pair_month_prev_on_insert AFTER INSERT ON report_pair_month BEGIN
                UPDATE report_pair_month SET prev_month = (
                        SELECT max(p.month) FROM report_pair_month p WHERE p.a = NEW.a AND p.b = NEW.b AND p.month < NEW.month)
                    WHERE month = NEW.month AND a = NEW.a AND b = NEW.b;
                UPDATE report_pair_month SET prev_month = NEW.month
                    WHERE a = NEW.a AND b = NEW.b AND month = (
                        SELECT min(n.month) FROM report_pair_month n WHERE n.a = NEW.a AND n.b = NEW.b AND n.month > NEW.month);
            END;
            -- A row gone (its last standing exchange reversed): the pair's next row skips it.
            CREATE TRIGGER report_pair_month_prev_on_delete AFTER DELETE ON report_pair_month BEGIN
                UPDATE report_pair_month SET prev_month = OLD.prev_month
                    WHERE a = OLD.a AND b = OLD.b AND month = (
                        SELECT min(n.month) FROM report_pair_month n WHERE n.a = OLD.a AND n.b = OLD.b AND n.month > OLD.month);
            END;
            """)
    }

    /// The rows of `report_pair_month` whose kept previous month (`kept_prev_month`) differs from
    /// the pair's previous month recomputed from the table itself (`prev_month`): the backfill
    /// sets these, and `check` names them.
    static let reportPairPrevMonthDiffering = """
        SELECT month, a, b, kept_prev_month, prev_month FROM (
            SELECT month, a, b, prev_month AS kept_prev_month,
                   lag(month) OVER (PARTITION BY a, b ORDER BY month) AS prev_month
            FROM report_pair_month)
        WHERE kept_prev_month IS NOT prev_month
        """
}
