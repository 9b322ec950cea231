import GRDB

extension Schema {
    /// Two costs every commit paid at 100,000 members and a million exchanges (timebank-bench,
    /// "one durable exchange commit": 52 ms median and 74 ms p99 before, 3.9 ms and 6.7 ms after).
    ///
    /// - Every record checks that its date is not before the time bank's first day, the earliest
    ///   date a member joined (`Store.firstDay`): without an index a read of every member row.
    /// - The ledger's word index (`exchange_text`) merged its segments every 4 of a level, so
    ///   one commit in a hundred waited 30–400 ms for a merge. At 16 the merges are smaller
    ///   pieces of work spread over more commits; a search reads a few more segments.
    static func speedUpCommits(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS member_joined ON member(joined);
            INSERT INTO exchange_text(exchange_text, rank) VALUES ('automerge', 16);
            INSERT INTO exchange_text(exchange_text, rank) VALUES ('usermerge', 16);
            """)
    }
}
