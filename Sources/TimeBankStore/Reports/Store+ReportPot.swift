import GRDB
import TimeBank

extension Store {
    /// Minutes granted from the pot and donated to it in the period, originals less their
    /// reversals, each by its own date. A period of whole months reads the monthly sums kept at
    /// write time (`report_month_pot`, migration v12k-report-month-pot); any other range of days
    /// sums its entries to and from the pot through the report indexes.
    static func potMinutes(_ db: Database, _ period: ReportPeriod) throws -> (granted: Minutes, donated: Minutes) {
        if isWholeMonths(period) {
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT coalesce(sum(granted), 0), coalesce(sum(donated), 0) FROM report_month_pot WHERE month BETWEEN ? AND ?
                """), arguments: [period.first.monthKey, period.last.monthKey])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
        // Originals to and from the pot through the report indexes, and the few reversals.
        let row = try Row.fetchOne(db, sql: """
            WITH pot(id) AS (SELECT id FROM account WHERE kind = 'pot')
            SELECT (SELECT coalesce(sum(e.minutes), 0) FROM exchange e INDEXED BY exchange_report_received
                    WHERE e.receiver = pot.id AND e.reverses IS NULL AND e.date BETWEEN :from AND :to)
                 - (SELECT coalesce(sum(e.minutes), 0) FROM exchange e INDEXED BY exchange_report_reversal
                    WHERE e.reverses IS NOT NULL AND e.giver = pot.id AND e.date BETWEEN :from AND :to) AS granted,
                   (SELECT coalesce(sum(e.minutes), 0) FROM exchange e INDEXED BY exchange_given_recently
                    WHERE e.giver = pot.id AND e.reverses IS NULL AND e.date BETWEEN :from AND :to)
                 - (SELECT coalesce(sum(e.minutes), 0) FROM exchange e INDEXED BY exchange_report_reversal
                    WHERE e.reverses IS NOT NULL AND e.receiver = pot.id AND e.date BETWEEN :from AND :to) AS donated
            FROM pot
            """, arguments: ["from": period.first.iso, "to": period.last.iso])
        return (row?["granted"] ?? 0, row?["donated"] ?? 0)
    }

    /// Each month's pot sums (migration v12k-report-month-pot) against a recount from the ledger.
    static func reportMonthPotProblems(_ db: Database) throws -> [String] {
        try monthCountProblems(db, table: "report_month_pot", column: "granted", recount: Schema.reportMonthPotFromLedger) {
            "The report's minutes granted from the pot in \($0) (kept \($1)) differ from the ledger (\($2))."
        } + monthCountProblems(db, table: "report_month_pot", column: "donated", recount: Schema.reportMonthPotFromLedger) {
            "The report's minutes donated to the pot in \($0) (kept \($1)) differ from the ledger (\($2))."
        }
    }
}
