import GRDB

extension Store {
    /// Each month's count of new pairs (migration v12i-report-new-pairs) against a recount from
    /// `report_pair_first`.
    static func reportNewPairProblems(_ db: Database) throws -> [String] {
        try monthCountProblems(db, table: "report_month_new_pairs", column: "pairs", recount: Schema.reportMonthNewPairsFromFirsts) {
            "The report's count of new pairs in \($0) (kept \($1)) differs from the pairs' first exchanges (\($2))."
        }
    }

    /// New connections of a period of whole months: pairs whose first standing original is in it.
    static func newPairs(_ db: Database, firstMonth: String, lastMonth: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(sum(pairs), 0) FROM report_month_new_pairs WHERE month BETWEEN ? AND ?",
                         arguments: [firstMonth, lastMonth]) ?? 0
    }
}
