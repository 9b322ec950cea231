import GRDB

extension Store {
    /// Each month's count of new pairs (migration v12i-report-new-pairs) against a recount from
    /// `report_pair_first`; a month counted as 0 and absent from the recount agrees.
    static func reportNewPairProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(k.month, r.month) AS month, coalesce(k.pairs, 0) AS kept, coalesce(r.pairs, 0) AS recounted
            FROM report_month_new_pairs k FULL OUTER JOIN (\(Schema.reportMonthNewPairsFromFirsts)) r ON r.month = k.month
            WHERE coalesce(k.pairs, 0) <> coalesce(r.pairs, 0)
            ORDER BY 1
            LIMIT 20
            """).map { row in
            "The report's count of new pairs in \(row["month"] as String? ?? "?") (kept \(row["kept"] as Int? ?? 0)) "
                + "differs from the pairs' first exchanges (\(row["recounted"] as Int? ?? 0))."
        }
    }

    /// New connections of a period of whole months: pairs whose first standing original is in it.
    static func newPairs(_ db: Database, firstMonth: String, lastMonth: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(sum(pairs), 0) FROM report_month_new_pairs WHERE month BETWEEN ? AND ?",
                         arguments: [firstMonth, lastMonth]) ?? 0
    }
}
