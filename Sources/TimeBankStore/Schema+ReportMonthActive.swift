import GRDB

/// Retention of a month (issue #13): of the members active in the month before, the share active in
/// this one. Counting it read every member-month row of the month before as well (53,000 in a busy
/// month at 100,000 members) for each month a report compares. Here each member-month row knows
/// whether the member was active in the calendar month before (`active_before`), and each month
/// how many members were active in it (`report_month_active`), both kept by triggers on
/// `report_member_month` whoever writes. "Active" is the aggregates' own: an original given or
/// received in the month that no reversal undid (`kept_given + kept_received > 0`); the report
/// adds back originals reversed after a period's end. Recounted by `timebank check`.
extension Schema {
    static func addReportMonthActive(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_member_month ADD COLUMN active_before INTEGER NOT NULL DEFAULT 0;
            UPDATE report_member_month SET active_before = 1 WHERE EXISTS (
                SELECT 1 FROM report_member_month p
                WHERE p.month = \(monthBefore("report_member_month.month")) AND p.member = report_member_month.member
                  AND \(isActive("p")));
            CREATE TABLE report_month_active (
                month TEXT PRIMARY KEY,
                members INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO report_month_active (month, members) \(reportMonthActiveFromMembers);

            CREATE TRIGGER report_month_active_insert AFTER INSERT ON report_member_month BEGIN
                UPDATE report_member_month SET active_before = 1
                    WHERE month = NEW.month AND member = NEW.member AND EXISTS (
                        SELECT 1 FROM report_member_month p
                        WHERE p.month = \(monthBefore("NEW.month")) AND p.member = NEW.member AND \(isActive("p")));
                \(addToMonthCount("report_month_active", "members", month: "NEW.month", by: "1", when: isActive("NEW")))
                UPDATE report_member_month SET active_before = 1
                    WHERE \(isActive("NEW")) AND month = \(monthAfter("NEW.month")) AND member = NEW.member;
            END;
            CREATE TRIGGER report_month_active_update AFTER UPDATE OF kept_given, kept_received ON report_member_month
                WHEN \(isActive("OLD")) <> \(isActive("NEW"))
            BEGIN
                \(addToMonthCount("report_month_active", "members", month: "NEW.month", by: "CASE WHEN \(isActive("NEW")) THEN 1 ELSE -1 END"))
                UPDATE report_member_month SET active_before = \(isActive("NEW"))
                    WHERE month = \(monthAfter("NEW.month")) AND member = NEW.member;
            END;
            """)
    }

    private static func isActive(_ row: String) -> String { "(\(row).kept_given + \(row).kept_received > 0)" }
    private static func monthBefore(_ month: String) -> String { "strftime('%Y-%m', \(month) || '-01', '-1 month')" }
    private static func monthAfter(_ month: String) -> String { "strftime('%Y-%m', \(month) || '-01', '+1 month')" }

    /// Every member-month row with whether the member was active in the month before (the backfill and check).
    static let reportMemberMonthActiveBefore = """
        SELECT m.month, m.member, EXISTS (
            SELECT 1 FROM report_member_month p
            WHERE p.month = strftime('%Y-%m', m.month || '-01', '-1 month') AND p.member = m.member
              AND p.kept_given + p.kept_received > 0) AS active_before
        FROM report_member_month m
        """

    /// Each month's active members, counted from the member-month rows (the backfill and check).
    static let reportMonthActiveFromMembers = """
        SELECT month, count(*) AS members FROM report_member_month WHERE kept_given + kept_received > 0 GROUP BY month
        """
}
