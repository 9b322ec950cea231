import GRDB

extension Store {
    /// The needs' report facts (`report_need`, migration v12c-report-need-facts) against a
    /// recomputation from the needs, referrals and steps: each kept row that differs, is missing
    /// or is extra, named (at most 20).
    static func reportNeedFactProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.need, k.need) AS need FROM (\(Schema.reportNeedFacts("n.id IS NOT NULL"))) r
            FULL OUTER JOIN report_need k ON k.need = r.need
            WHERE k.opened IS NOT r.opened OR k.closed IS NOT r.closed
               OR k.first_referral IS NOT r.first_referral OR k.done IS NOT r.done
            LIMIT 20
            """).map { row in
            "The report's days of need \(row["need"] as Int? ?? 0) (opened, first referral, met) differ from its referrals."
        }
    }
}
