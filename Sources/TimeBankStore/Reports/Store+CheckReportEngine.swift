import GRDB

extension Store {
    /// The report engine's kept tables (migration v12b-report-engine) against the ledger: each
    /// row that differs, is missing or is extra, named (at most 20 of each table).
    static func reportEngineProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT coalesce(l.reversal, k.reversal) FROM (\(Schema.reportReversalFromLedger)) AS l
            FULL OUTER JOIN report_reversal k ON k.reversal = l.reversal
            WHERE k.original IS NOT l.original OR k.original_date IS NOT l.original_date OR k.reversal_date IS NOT l.reversal_date
               OR k.giver IS NOT l.giver OR k.receiver IS NOT l.receiver OR k.minutes IS NOT l.minutes
            LIMIT 20
            """) {
            problems.append("The report's copy of reversal \(row[0] as Int? ?? 0) differs from the ledger.")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT coalesce(l.exchange, k.exchange) FROM (\(Schema.reportReferralExchangeFromLedger)) AS l
            FULL OUTER JOIN report_referral_exchange k ON k.exchange = l.exchange
            WHERE k.date IS NOT l.date OR k.need IS NOT l.need OR k.helper IS NOT l.helper OR k.needs_vetted IS NOT l.needs_vetted
            LIMIT 20
            """) {
            problems.append("The report's copy of referral exchange \(row[0] as Int? ?? 0) differs from the ledger.")
        }
        return problems
    }
}
