import GRDB
import TimeBank

extension Store {
    /// Accounts for the Record hours pickers: members whose name or number (or contact details)
    /// match what was typed. Unlike the Members search it ignores offers and skills, so typing
    /// "ma" finds Mary and Marsh, not everyone who offers maths; members who left come last.
    public func accountMatches(_ text: String, limit: Int = 6, today: CalendarDate = .today()) throws -> [MemberSummary] {
        guard let match = MemberSearchIndex.matchExpression(text) else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                       a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review, 0 AS open_needs
                FROM member_search s
                JOIN member m ON m.number = s.rowid
                JOIN account a ON a.member = m.number
                LEFT JOIN vetting v ON v.member = m.number
                WHERE member_search MATCH :match
                ORDER BY m.status = 'left', m.name COLLATE NOCASE, m.number
                LIMIT :limit
                """, arguments: ["match": "{names contact} : (\(match))", "limit": limit])
                .map { Store.summary(from: $0, today: today) }
        }
    }
}
