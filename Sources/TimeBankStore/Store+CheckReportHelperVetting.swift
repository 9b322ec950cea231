import GRDB

extension Store {
    /// Each referral exchange whose kept helper's vetting (migration v12n-report-helper-vetting)
    /// differs from the helper's vetting, named (at most 20).
    static func reportHelperVettingProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT e.exchange, e.helper FROM report_referral_exchange e LEFT JOIN vetting v ON v.member = e.helper
            WHERE e.complete IS NOT v.complete OR e.completed_on IS NOT v.completed_on OR e.next_review IS NOT v.next_review
            ORDER BY e.exchange LIMIT 20
            """).map { row in
            "The report's copy of the vetting of member \(row["helper"] as Int? ?? 0), helper on referral exchange "
                + "\(row["exchange"] as Int? ?? 0), differs from the member's vetting."
        }
    }
}
