import GRDB

/// New connections of a period of whole months (issue #13): the pairs of members whose first
/// standing original (`report_pair_first`) is dated in it. Counting them from `report_pair_first`
/// steps through every pair of the period (76,000 in a busy month, 500,000 in a year at 100,000
/// members); here they are counted per month at write time, by triggers on `report_pair_first`
/// whoever writes, so a period reads one row per month. Recounted by `timebank check`.
extension Schema {
    static func addReportNewPairs(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_month_new_pairs (
                month TEXT PRIMARY KEY,
                pairs INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO report_month_new_pairs (month, pairs) \(reportMonthNewPairsFromFirsts);

            CREATE TRIGGER report_month_new_pairs_insert AFTER INSERT ON report_pair_first BEGIN
                \(addToMonthCount("report_month_new_pairs", "pairs", month: "substr(NEW.first_exchange, 1, 7)", by: "1"))
            END;
            CREATE TRIGGER report_month_new_pairs_update AFTER UPDATE OF first_exchange ON report_pair_first BEGIN
                \(addToMonthCount("report_month_new_pairs", "pairs", month: "substr(OLD.first_exchange, 1, 7)", by: "-1"))
                \(addToMonthCount("report_month_new_pairs", "pairs", month: "substr(NEW.first_exchange, 1, 7)", by: "1"))
            END;
            CREATE TRIGGER report_month_new_pairs_delete AFTER DELETE ON report_pair_first BEGIN
                \(addToMonthCount("report_month_new_pairs", "pairs", month: "substr(OLD.first_exchange, 1, 7)", by: "-1"))
            END;
            """)
    }

    /// Each month's new pairs, counted from `report_pair_first` (the backfill and `timebank check`).
    static let reportMonthNewPairsFromFirsts = """
        SELECT substr(first_exchange, 1, 7) AS month, count(*) AS pairs FROM report_pair_first GROUP BY 1
        """
}
