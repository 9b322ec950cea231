import GRDB
import TimeBank

extension Store {
    /// Originals standing at the period's end made on referrals for needs that asked for a vetted
    /// helper, and of those, the ones whose helper's vetting was complete and in date that day.
    static func vettedNeedExchanges(_ db: Database, _ p: ReportPeriod) throws -> (Int, Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(\(VettingSQL.completeOn(day: "e.date"))), 0)
            FROM report_referral_exchange e INDEXED BY report_referral_exchange_vetted
            LEFT JOIN vetting v INDEXED BY vetting_state ON v.member = e.helper
            WHERE e.needs_vetted = 1 AND e.date BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM report_reversal x WHERE x.original = e.exchange AND x.reversal_date <= ?)
            """, arguments: [p.first.iso, p.last.iso, p.last.iso])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }
}
