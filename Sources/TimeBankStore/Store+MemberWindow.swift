import GRDB
import TimeBank

extension Store {
    /// The members list's window: the same members, in the same order, as `members(_:)` (what
    /// `timebank members --search` uses) — the same `MemberSearchIndex` match, the same filters —
    /// with query plans chosen for search-as-you-type over a large time bank. Measured on
    /// 100,000 demo members, SQLite's own choice for `members(_:)` costs 50–350 ms a keystroke:
    /// it counts by joining every member to `vetting`, and for a search it walks the name index
    /// probing the full-text index for every member. Here:
    ///
    /// - the count touches only what the filters need (the full-text index alone for a plain
    ///   search, the member table alone for no search);
    /// - a narrow search starts from the full-text matches and sorts just those;
    /// - a broad search (a quarter of the members or more, every word short enough for FTS5's
    ///   prefix index, today three characters) walks the name index and stops after one window;
    /// - no search walks the name index, from whichever end is nearer the window.
    public func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate) throws -> (total: Int, rows: [MemberSummary]) {
        try read { db in
            let plan = MemberWindowPlan(q, today: today)
            let total = try Int.fetchOne(db, sql: plan.countSQL, arguments: plan.arguments) ?? 0
            guard offset < total, limit > 0 else { return (total, []) }
            var walk = plan.match == nil
            if !walk, plan.longestWord <= (try MemberWindowPlan.longestIndexedPrefix(db)), q.sort == .name {
                walk = try total * 4 >= Int.fetchOne(db, sql: "SELECT count(*) FROM member") ?? 0
            }
            let fromEnd = walk && q.sort == .name && offset > total / 2
            let skip = fromEnd ? max(0, total - offset - limit) : offset
            let take = fromEnd ? total - offset - skip : limit
            var args = plan.arguments
            args += ["take": take, "skip": skip]
            let rows = try Row.fetchAll(db, sql: plan.rowsSQL(walkNameIndex: walk, descending: fromEnd), arguments: args)
            let summaries = rows.map { Store.summary(from: $0, today: today) }
            return (total, fromEnd ? summaries.reversed() : summaries)
        }
    }
}

/// The SQL for one `MemberQuery`, with its conditions written once for count and rows alike.
struct MemberWindowPlan {
    let query: MemberQuery
    let match: String?
    /// Words longer than FTS5's longest prefix index are matched by merging every term that
    /// starts with them: fine once, far too slow once per member of a walk.
    let longestWord: Int
    private(set) var conditions: [String] = []
    private(set) var arguments: StatementArguments = [:]
    private(set) var needsVetting = false

    init(_ q: MemberQuery, today: CalendarDate) {
        query = q
        match = MemberSearchIndex.matchExpression(q.search)
        longestWord = SearchText.words(q.search).map(\.count).max() ?? 0
        var args: [String: (any DatabaseValueConvertible)?] = [:]
        if let match { args["match"] = match }
        if let status = q.status { conditions.append("m.status = :status"); args["status"] = status.rawValue }
        if let area = q.area { conditions.append("m.area = :area"); args["area"] = area }
        if let kind = q.kind { conditions.append("m.kind = :kind"); args["kind"] = kind.rawValue }
        // The same vetting conditions as `members(_:)`, so both doors agree.
        switch q.vetting {
        case .any: break
        case .complete: conditions.append("v.complete = 1 AND (v.next_review IS NULL OR v.next_review >= :today)")
        case .dueSoon: conditions.append("v.complete = 1 AND v.next_review >= :today AND v.next_review <= :soon")
        case .expired: conditions.append("v.complete = 1 AND v.next_review < :today")
        case .missing: conditions.append("coalesce(v.complete, 0) = 0")
        }
        if q.vetting != .any {
            needsVetting = true
            args["today"] = today.iso
            args["soon"] = today.adding(days: 30).iso
        }
        if q.hasOpenNeeds { conditions.append("EXISTS (SELECT 1 FROM need n WHERE n.member = m.number AND n.status = 'open')") }
        arguments = StatementArguments(args)
    }

    /// The longest prefix `member_search` keeps an index for (its `prefix` option), read from
    /// the schema so a wider index, when the schema gets one, is used without a change here.
    static func longestIndexedPrefix(_ db: Database) throws -> Int {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'member_search'") ?? ""
        guard let option = sql.range(of: "prefix") else { return 0 }
        let rest = sql[option.upperBound...]
        guard let open = rest.firstIndex(of: "'"), let close = rest[rest.index(after: open)...].firstIndex(of: "'") else { return 0 }
        return rest[rest.index(after: open)..<close].split(separator: " ").compactMap { Int($0) }.max() ?? 0
    }

    private var vettingJoin: String { needsVetting ? " LEFT JOIN vetting v ON v.member = m.number" : "" }

    private func whereClause(_ extra: [String] = []) -> String {
        let all = extra + conditions
        return all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND ")
    }

    /// CROSS JOIN fixes the join order: start from the full-text matches.
    private var fromMatches: String {
        " FROM member_search s CROSS JOIN member m ON m.number = s.rowid\(vettingJoin)"
    }

    var countSQL: String {
        if match != nil {
            if conditions.isEmpty { return "SELECT count(*) FROM member_search WHERE member_search MATCH :match" }
            return "SELECT count(*)" + fromMatches + whereClause(["member_search MATCH :match"])
        }
        return "SELECT count(*) FROM member m\(vettingJoin)" + whereClause()
    }

    private func order(_ descending: Bool) -> String {
        let d = descending ? " DESC" : ""
        switch query.sort {
        case .name: return "m.name COLLATE NOCASE\(d), m.number\(d)"
        case .number: return "m.number"
        case .balance: return "(a.given_minutes - a.received_minutes) DESC, m.number"
        case .joined: return "m.joined DESC, m.number"
        case .area: return "m.area, m.name COLLATE NOCASE"
        }
    }

    /// The window's member numbers, then their details for those rows only.
    func rowsSQL(walkNameIndex: Bool, descending: Bool) -> String {
        let needsAccount = query.sort == .balance
        let accountJoin = needsAccount ? " JOIN account a ON a.member = m.number" : ""
        let numbers: String
        if walkNameIndex, query.sort == .name {
            // The matches are read once into a temporary index (an uncorrelated IN), not probed per
            // member: on 100,000 members a broad "ma" window takes 6 ms this way against 25 ms.
            let probe = match == nil ? [] : ["m.number IN (SELECT rowid FROM member_search WHERE member_search MATCH :match)"]
            numbers = "SELECT m.number FROM member m INDEXED BY member_name\(vettingJoin)" + whereClause(probe)
                + " ORDER BY \(order(descending)) LIMIT :take OFFSET :skip"
        } else if match != nil {
            numbers = "SELECT m.number" + fromMatches + accountJoin + whereClause(["member_search MATCH :match"])
                + " ORDER BY \(order(false)) LIMIT :take OFFSET :skip"
        } else {
            numbers = "SELECT m.number FROM member m\(vettingJoin)\(accountJoin)" + whereClause() + " ORDER BY \(order(false)) LIMIT :take OFFSET :skip"
        }
        return """
            SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                   a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review,
                   (SELECT count(*) FROM need n WHERE n.member = m.number AND n.status = 'open') AS open_needs
            FROM (\(numbers)) w
            JOIN member m ON m.number = w.number
            JOIN account a ON a.member = m.number
            LEFT JOIN vetting v ON v.member = m.number
            ORDER BY \(order(descending))
            """
    }
}
