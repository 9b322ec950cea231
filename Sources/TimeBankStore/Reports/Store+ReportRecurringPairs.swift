import GRDB

extension Store {
    /// The pair-months of a period of whole months whose pair had an earlier month in the period:
    /// month ≤ `lastMonth` and previous month ≥ `firstMonth` (so both fall in the period), read
    /// through the partial index of rows with a previous month (migration v12h-report-pair-recurrence).
    /// A pair that exchanged in one month only of the period has no row here. Months are `YYYY-MM`.
    /// Ordered by previous month, month, then pair, as the index holds them.
    static func recurringPairRows(_ db: Database, firstMonth: String, lastMonth: String) throws
        -> [(month: String, a: Int, b: Int, kept: Int, prevMonth: String)] {
        var rows: [(month: String, a: Int, b: Int, kept: Int, prevMonth: String)] = []
        let cursor = try Row.fetchCursor(db, sql: recurringPairRowsSQL, arguments: [firstMonth, lastMonth, lastMonth])
        while let row = try cursor.next() {
            rows.append((month: try row.decode(String.self, atIndex: 0), a: try row.decode(Int.self, atIndex: 1),
                         b: try row.decode(Int.self, atIndex: 2), kept: try row.decode(Int.self, atIndex: 3),
                         prevMonth: try row.decode(String.self, atIndex: 4)))
        }
        return rows
    }

    static let recurringPairRowsSQL = """
        SELECT month, a, b, kept, prev_month FROM report_pair_month INDEXED BY report_pair_month_recurring
        WHERE prev_month BETWEEN ? AND ? AND month <= ?
        ORDER BY prev_month, month, a, b
        """
}
