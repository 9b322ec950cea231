import GRDB

extension Store {
    /// The needs' report facts (`report_need`, migration v12c-report-need-facts) against a
    /// recomputation from the needs, referrals and steps, and their monthly counts
    /// (`report_need_month`, v12g-report-need-months) against a recount of `report_need`: each
    /// kept row that differs, is missing or is extra, named (at most 20 of each).
    static func reportNeedFactProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.need, k.need) AS need FROM (\(Schema.reportNeedFacts("n.id IS NOT NULL"))) r
            FULL OUTER JOIN report_need k ON k.need = r.need
            WHERE k.opened IS NOT r.opened OR k.closed IS NOT r.closed
               OR k.first_referral IS NOT r.first_referral OR k.done IS NOT r.done
            LIMIT 20
            """).map { row in
            "The report's days of need \(row["need"] as Int? ?? 0) (opened, first referral, met) differ from its referrals."
        } + reportNeedMonthProblems(db)
    }

    /// Each row of `report_need_month` whose count differs from a recount of `report_need`, or
    /// that is missing or extra, named with both counts.
    static func reportNeedMonthProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.month, k.month) AS month, coalesce(r.kind, k.kind) AS kind, coalesce(r.days, k.days) AS days,
                   k.needs AS kept, r.needs AS counted
            FROM (\(Schema.reportNeedMonthCounts)) r
            FULL OUTER JOIN report_need_month k ON k.month = r.month AND k.kind = r.kind AND k.days = r.days
            WHERE k.needs IS NOT r.needs
            ORDER BY 1, 2, 3 LIMIT 20
            """).map { row in
            let month: String = row["month"] ?? "", kind: String = row["kind"] ?? "", days: Int = row["days"] ?? 0
            let what = switch kind {
            case "opened": "needs opened in \(month)"
            case "first_referral": "needs first referred in \(month) \(days) day\(days == 1 ? "" : "s") after opening"
            case "done": "needs met in \(month) \(days) day\(days == 1 ? "" : "s") after opening"
            default: "needs of kind '\(kind)' in \(month) after \(days) days"
            }
            func count(_ n: Int?) -> String { n.map(String.init) ?? "none" }
            return "The report's count of \(what) (kept \(count(row["kept"]))) differs from the needs (\(count(row["counted"])))."
        }
    }
}
