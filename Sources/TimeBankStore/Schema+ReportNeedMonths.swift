import GRDB

/// The needs figures of whole months (issue #13) read `report_need_month`: for each month, how
/// many needs were opened in it, and how many had their first referral or were met in it after
/// each number of days from their opening. Counting them from `report_need` steps through every
/// need a period names (16,000 opened, 20,000 first referrals and 9,000 met in a busy month at
/// 100,000 members, about 20 ms a report); a month here is a few hundred rows.
///
/// - kind `opened`: the month of `opened`, days 0;
/// - kind `first_referral` / `done`: the month of that day, days from `opened` to it, only when
///   it is not before `opened` (a need referred or met "before" it was opened is read apart,
///   through the partial indexes below: a handful at most).
///
/// Kept by triggers on `report_need` (itself kept by triggers on needs, referrals and steps), so
/// every writer keeps it; a row whose count falls to 0 is deleted. Backfilled here and recounted
/// by `timebank check` (`Store.reportNeedMonthProblems`) from the one statement
/// `reportNeedMonthCounts`. It touches no foreign key: registered with immediate checks.
extension Schema {
    static func addReportNeedMonths(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_need_month (
                month TEXT NOT NULL,
                kind TEXT NOT NULL,
                days INTEGER NOT NULL,
                needs INTEGER NOT NULL,
                PRIMARY KEY (month, kind, days)
            ) WITHOUT ROWID;
            INSERT INTO report_need_month (month, kind, days, needs) \(reportNeedMonthCounts);
            CREATE INDEX report_need_referred_before_opened ON report_need(first_referral) WHERE first_referral < opened;
            CREATE INDEX report_need_done_before_opened ON report_need(done) WHERE done < opened;

            CREATE TRIGGER report_need_month_insert AFTER INSERT ON report_need BEGIN \(addNeedMonths("NEW")) END;
            CREATE TRIGGER report_need_month_delete AFTER DELETE ON report_need BEGIN \(subtractNeedMonths("OLD")) END;
            CREATE TRIGGER report_need_month_update AFTER UPDATE ON report_need BEGIN
                \(subtractNeedMonths("OLD")) \(addNeedMonths("NEW"))
            END;
            """)
    }

    /// The kinds of day a need is counted by in `report_need_month`, each a column of `report_need`.
    static let needMonthDayKinds = ["first_referral", "done"]

    /// The days from a need's opening to its day in `column` (julianday of two calendar days
    /// differs by a whole number).
    static func needDays(_ row: String, _ column: String) -> String {
        "CAST(julianday(\(row).\(column)) - julianday(\(row).opened) AS INTEGER)"
    }

    /// The truth that a need's day in `column` is counted in the months: not before its opening
    /// (the partial indexes `report_need_*_before_opened` hold the others), and a day at all.
    static func inNeedMonths(_ row: String, _ column: String) -> String {
        "\(row).\(column) >= \(row).opened AND \(needDays(row, column)) IS NOT NULL"
    }

    /// The rows of `report_need_month` counted from `report_need`: the backfill, and what check
    /// compares the kept rows with.
    static let reportNeedMonthCounts = """
        SELECT month, kind, days, count(*) AS needs FROM (
            SELECT substr(r.opened, 1, 7) AS month, 'opened' AS kind, 0 AS days FROM report_need r
            \(needMonthDayKinds.map { kind in """
                UNION ALL SELECT substr(r.\(kind), 1, 7), '\(kind)', \(needDays("r", kind))
                FROM report_need r WHERE \(inNeedMonths("r", kind))
                """ }.joined(separator: "\n"))
        ) GROUP BY month, kind, days
        """

    /// Trigger statements counting the need `row` (NEW) in its months.
    static func addNeedMonths(_ row: String) -> String {
        let add = "ON CONFLICT (month, kind, days) DO UPDATE SET needs = needs + 1;"
        return """
            INSERT INTO report_need_month (month, kind, days, needs) VALUES (substr(\(row).opened, 1, 7), 'opened', 0, 1) \(add)
            \(needMonthDayKinds.map { kind in """
                INSERT INTO report_need_month (month, kind, days, needs)
                SELECT substr(\(row).\(kind), 1, 7), '\(kind)', \(needDays(row, kind)), 1 WHERE \(inNeedMonths(row, kind)) \(add)
                """ }.joined(separator: "\n"))
            """
    }

    /// Trigger statements taking the need `row` (OLD) out of its months: a row it was the last
    /// need of is deleted, any other counts one fewer.
    static func subtractNeedMonths(_ row: String) -> String {
        func subtract(_ key: String, when: String) -> String {
            """
            DELETE FROM report_need_month WHERE \(key) AND needs = 1 AND \(when);
            UPDATE report_need_month SET needs = needs - 1 WHERE \(key) AND \(when);
            """
        }
        return subtract("month = substr(\(row).opened, 1, 7) AND kind = 'opened' AND days = 0", when: "1")
            + needMonthDayKinds.map { kind in
                subtract("month = substr(\(row).\(kind), 1, 7) AND kind = '\(kind)' AND days = \(needDays(row, kind))",
                         when: inNeedMonths(row, kind))
            }.joined()
    }
}
