import GRDB

extension Schema {
    /// Reports ask, for every pair of members who exchanged in a period, whether they had
    /// exchanged before, and for every giver what they had given before: without these, each
    /// question visits every earlier ledger row of the member (tens of seconds for a year at
    /// 100,000 members). Originals by giver and receiver, and the few reversals by the member
    /// whose gift they undo, answer from the index alone. `reverses` is a column of both, not
    /// only their condition: SQLite reads a partial index's condition from the table row.
    static func addReportIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS exchange_report_pair ON exchange(giver, receiver, date, reverses, id, minutes);
            CREATE INDEX IF NOT EXISTS exchange_report_reversal ON exchange(receiver, date, giver, minutes, reverses) WHERE reverses IS NOT NULL;
            """)
    }
}
