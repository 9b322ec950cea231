import GRDB

/// The pot figures of a period of whole months (issue #13, `pot_granted_minutes` and
/// `pot_donated_minutes`): minutes the community pot took in and gave out, originals less their
/// reversals, each counted in the month of its own date. Summing them from the ledger looked up
/// each of a month's 13,000 pot entries in the wide exchange table (the partial indexes on
/// originals do not cover a query that names `reverses`); here each month's two sums are kept at
/// write time by a trigger on `exchange`, whoever writes, so a period reads one row per month.
/// Opening balances are not the pot and are not in them. Recounted by `timebank check`.
extension Schema {
    static func addReportMonthPot(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_month_pot (
                month TEXT PRIMARY KEY,
                granted INTEGER NOT NULL DEFAULT 0,
                donated INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            INSERT INTO report_month_pot (month, granted, donated) \(reportMonthPotFromLedger);

            CREATE TRIGGER report_month_pot_entry AFTER INSERT ON exchange
                WHEN NEW.giver = (SELECT id FROM account WHERE kind = 'pot') OR NEW.receiver = (SELECT id FROM account WHERE kind = 'pot')
            BEGIN
                INSERT INTO report_month_pot (month, granted, donated)
                SELECT substr(NEW.date, 1, 7), \(potSums("NEW", pot: "p.id", sum: false)) FROM account p WHERE p.kind = 'pot'
                ON CONFLICT (month) DO UPDATE SET granted = granted + excluded.granted, donated = donated + excluded.donated;
            END;
            """)
    }

    /// An entry's minutes added to the pot's granted and donated sums (`e` an exchange, `pot` the
    /// pot's account id): an original to the pot is granted, one from it donated, and a reversal
    /// takes its original's minutes back out. With `sum`, the sums over the rows `e`.
    static func potSums(_ e: String, pot: String, sum: Bool) -> String {
        let granted = """
            CASE WHEN \(e).reverses IS NULL AND \(e).receiver = \(pot) THEN \(e).minutes
                 WHEN \(e).reverses IS NOT NULL AND \(e).giver = \(pot) THEN -\(e).minutes ELSE 0 END
            """
        let donated = """
            CASE WHEN \(e).reverses IS NULL AND \(e).giver = \(pot) THEN \(e).minutes
                 WHEN \(e).reverses IS NOT NULL AND \(e).receiver = \(pot) THEN -\(e).minutes ELSE 0 END
            """
        return sum ? "sum(\(granted)) AS granted, sum(\(donated)) AS donated" : "\(granted), \(donated)"
    }

    /// Each month's pot sums from the ledger (the backfill and `timebank check`).
    static let reportMonthPotFromLedger = """
        SELECT substr(e.date, 1, 7) AS month, \(potSums("e", pot: "p.id", sum: true))
        FROM account p CROSS JOIN exchange e
        WHERE p.kind = 'pot' AND (e.giver = p.id OR e.receiver = p.id)
        GROUP BY 1
        """
}
