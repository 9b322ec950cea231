import GRDB
import TimeBank

extension Store {
    /// The members list's window: the same members, in the same order, as `members(_:)` (what
    /// `timebank members --search` uses) — the same `MemberSearchIndex` match and filters —
    /// but planned for search-as-you-type over a large time bank. Measured on 100,000 demo
    /// members, `members(_:)` spends most of a keystroke in two places this avoids:
    ///
    /// - counting by joining every match to `member` and `vetting` (60 ms for "a"), where a
    ///   search without filters can count in the full-text index alone;
    /// - sorting every match by name (45–100 ms for a one-letter search matching 80% of the
    ///   members), where walking the name index and checking each member against the index
    ///   stops after one window. That walk is only cheap when matches are plentiful and each
    ///   check is served by FTS5's prefix index (words of three characters or fewer), so a
    ///   narrower or longer search keeps the sort, which is then small.
    public func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate) throws -> (total: Int, rows: [MemberSummary]) {
        guard let match = MemberSearchIndex.matchExpression(q.search), q.sort == .name else {
            return try members(q, offset: offset, limit: limit, today: today)
        }
        let filtered = q.status != nil || q.area != nil || q.kind != nil || q.vetting != .any || q.hasOpenNeeds
        let total: Int
        if filtered {
            total = try members(q, offset: 0, limit: 0, today: today).total
        } else {
            total = try read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM member_search WHERE member_search MATCH ?", arguments: [match]) ?? 0
            }
        }
        let shortWords = SearchText.words(q.search).allSatisfy { $0.count <= 3 }
        guard !filtered, shortWords, offset < total, try total * 4 >= memberCount() else {
            return (total, try members(q, offset: offset, limit: limit, today: today).rows)
        }
        return (total, try walkByName(match: match, offset: offset, limit: limit, total: total, today: today))
    }

    /// Members in name order, each checked against the search index, from whichever end of the
    /// name index is nearer the window (End on a long list should not walk the whole index).
    func walkByName(match: String, offset: Int, limit: Int, total: Int, today: CalendarDate) throws -> [MemberSummary] {
        let fromEnd = offset > total / 2
        let skip = fromEnd ? max(0, total - offset - limit) : offset
        let take = fromEnd ? total - offset - skip : limit
        guard take > 0 else { return [] }
        let direction = fromEnd ? "DESC" : "ASC"
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                       a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review,
                       (SELECT count(*) FROM need n WHERE n.member = m.number AND n.status = 'open') AS open_needs
                FROM (SELECT number FROM member m INDEXED BY member_name
                      WHERE EXISTS (SELECT 1 FROM member_search s WHERE member_search MATCH :match AND s.rowid = m.number)
                      ORDER BY m.name COLLATE NOCASE \(direction), m.number \(direction) LIMIT :take OFFSET :skip) w
                JOIN member m ON m.number = w.number
                JOIN account a ON a.member = m.number
                LEFT JOIN vetting v ON v.member = m.number
                ORDER BY m.name COLLATE NOCASE \(direction), m.number \(direction)
                """, arguments: ["match": match, "take": take, "skip": skip])
            let summaries = rows.map { Store.summary(from: $0, today: today) }
            return fromEnd ? summaries.reversed() : summaries
        }
    }

    func memberCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM member") ?? 0 }
    }
}
