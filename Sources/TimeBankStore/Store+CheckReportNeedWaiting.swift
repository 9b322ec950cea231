import GRDB

extension Store {
    /// Each day of `report_need_waiting_day` (migration v12n-report-need-waiting) whose kept change
    /// differs from a recount of `report_need`, or that is missing or extra, named with both.
    static func reportNeedWaitingProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.day, k.day) AS day, k.change AS kept, r.change AS counted
            FROM (\(Schema.reportNeedWaitingCounts)) r
            FULL OUTER JOIN report_need_waiting_day k ON k.day = r.day
            WHERE k.change IS NOT r.change
            ORDER BY 1 LIMIT 20
            """).map { row in
            func count(_ n: Int?) -> String { n.map(String.init) ?? "none" }
            return "The report's change on \(row["day"] as String? ?? "no day") in needs waiting over 30 days "
                + "(kept \(count(row["kept"]))) differs from the needs (\(count(row["counted"])))."
        }
    }
}
