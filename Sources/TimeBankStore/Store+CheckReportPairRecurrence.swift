import GRDB

extension Store {
    /// The pairs' previous months (`report_pair_month.prev_month`, migration
    /// v12h-report-pair-recurrence) against the same months recomputed from the table itself:
    /// each row that differs, named (at most 20). The rows themselves are checked against the
    /// ledger by `reportAggregateProblems`.
    static func reportPairRecurrenceProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT month, a, b, kept_prev_month, prev_month FROM (\(Schema.reportPairPrevMonthDiffering))
            ORDER BY a, b, month
            LIMIT 20
            """).map { row in
            "The report's previous month of exchanges between members \(row["a"] as Int? ?? 0) and \(row["b"] as Int? ?? 0) "
                + "before \(row["month"] as String? ?? "?") (kept \(row["kept_prev_month"] as String? ?? "none")) "
                + "differs from their months (\(row["prev_month"] as String? ?? "none"))."
        }
    }
}
