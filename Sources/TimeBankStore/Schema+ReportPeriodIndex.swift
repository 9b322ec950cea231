import GRDB

extension Schema {
    /// A report reads every exchange of its period (three periods for a report beside the previous
    /// one and the year before). Through `exchange_date` each of those rows is a visit to the table,
    /// whose rows are wide and in recording order: hundreds of thousands of scattered page reads for
    /// a year. This index holds every column the period's read needs, in date order, so the read is
    /// one sequential pass over a narrow index. `reverses` is NULL for all but the few reversals.
    static func addReportPeriodIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS exchange_report_period
                ON exchange(date, giver, receiver, minutes, category, referral, reverses);
            """)
    }
}
