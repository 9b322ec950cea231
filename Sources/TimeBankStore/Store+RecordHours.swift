import GRDB
import TimeBank

extension Store {
    /// Accounts for the Record hours pickers: members whose name or number (or contact details)
    /// match what was typed. Unlike the Members search it ignores offers and skills, so typing
    /// "ma" finds Mary and Marsh, not everyone who offers maths; members who left come last.
    ///
    /// A keystroke here must stay cheap on a large time bank: a broad match (one letter) walks
    /// the name index testing each member's stored search text and stops at `limit`; a narrow
    /// one sorts just its matches.
    public func accountMatches(_ text: String, limit: Int = 6, today: CalendarDate = .today()) throws -> [MemberSummary] {
        try accountMatches(text, limit: limit, today: today, broadAbove: 2000)
    }

    func accountMatches(_ text: String, limit: Int, today: CalendarDate, broadAbove: Int) throws -> [MemberSummary] {
        guard let expression = MemberSearchIndex.matchExpression(text) else { return [] }
        let match = "{names contact} : (\(expression))"
        guard let test = MemberSearchIndex.wordTest(text, columns: ["s.names", "s.contact"]) else { return [] }
        var arguments: [String: String] = test.arguments
        arguments["match"] = match
        return try read { db in
            let found = try Int.fetchOne(db, sql: "SELECT count(*) FROM member_search WHERE member_search MATCH ?", arguments: [match]) ?? 0
            let broad = found > broadAbove
            func numbers(left: Bool, take: Int) throws -> [Int] {
                let status = left ? "m.status = 'left'" : "m.status <> 'left'"
                let sql = broad
                    ? """
                      SELECT m.number FROM member m INDEXED BY member_name CROSS JOIN member_search s ON s.rowid = m.number
                      WHERE \(status) AND \(test.sql)
                      ORDER BY m.name COLLATE NOCASE, m.number LIMIT :take
                      """
                    : """
                      SELECT m.number FROM member_search s CROSS JOIN member m ON m.number = s.rowid
                      WHERE member_search MATCH :match AND \(status)
                      ORDER BY m.name COLLATE NOCASE, m.number LIMIT :take
                      """
                var values = StatementArguments(arguments)
                values += ["take": take]
                return try Int.fetchAll(db, sql: sql, arguments: values)
            }
            var chosen = try numbers(left: false, take: limit)
            if chosen.count < limit { chosen += try numbers(left: true, take: limit - chosen.count) }
            guard !chosen.isEmpty else { return [] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                       a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review, 0 AS open_needs
                FROM member m JOIN account a ON a.member = m.number LEFT JOIN vetting v ON v.member = m.number
                WHERE m.number IN (\(chosen.map(String.init).joined(separator: ",")))
                """)
            let byNumber = Dictionary(uniqueKeysWithValues: try rows.map { (($0["number"] as Int), try Store.summary(from: $0, today: today)) })
            return chosen.compactMap { byNumber[$0] }
        }
    }
}
