import GRDB
import TimeBank

extension Store {
    /// Originals standing at the period's end made on referrals for needs that asked for a vetted
    /// helper, and of those, the ones whose helper's vetting was complete and in date that day.
    /// The few originals of the period reversed by its end (`report_reversal`, a few thousand
    /// rows in all, by original's date) are read first and left out as the exchanges are
    /// counted, instead of a look-up for each of the period's thousands of exchanges. Each
    /// exchange keeps its helper's vetting (migration v12n-report-helper-vetting), read in the
    /// same index range: no look-up in `vetting` for each exchange.
    static func vettedNeedExchanges(_ db: Database, _ p: ReportPeriod) throws -> (Int, Int) {
        let from = p.first.iso, to = p.last.iso
        var undone = Set<Int>()
        try db.forEachRawRow(sql: """
            SELECT original FROM report_reversal INDEXED BY report_reversal_original_date
            WHERE original_date BETWEEN ? AND ? AND reversal_date <= ?
            """, arguments: [from, to, to]) { row in undone.insert(row.int(0)) }
        var exchanges = 0, vetted = 0
        try db.forEachRawRow(sql: """
            SELECT e.exchange, \(VettingSQL.completeOn("e", day: "e.date"))
            FROM report_referral_exchange e INDEXED BY report_referral_exchange_vetting
            WHERE e.needs_vetted = 1 AND e.date BETWEEN ? AND ?
            """, arguments: [from, to]) { row in
            guard !undone.contains(row.int(0)) else { return }
            exchanges += 1
            if row.int(1) != 0 { vetted += 1 }
        }
        return (exchanges, vetted)
    }
}
