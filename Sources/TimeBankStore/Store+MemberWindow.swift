import GRDB
import TimeBank

extension Store {
    /// The members list's window: the same members, in the same order, as `members(_:)` (what
    /// `timebank members --search` uses) — the same `MemberSearchIndex` match, the same filters —
    /// with query plans chosen for search-as-you-type over a large time bank. Measured on
    /// 100,000 demo members, SQLite's own choice for `members(_:)` costs 50–350 ms a keystroke:
    /// it counts by joining every member to `vetting`, and for a search it walks the name index
    /// probing the full-text index for every member. Here the count touches only what the
    /// filters need (the full-text index alone for a plain search, the kept counts for none),
    /// and the rows come by the cheapest of three routes (`MemberWindowPlan.Route`).
    public func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate) throws -> (total: Int, rows: [MemberSummary]) {
        try memberWindow(q, offset: offset, limit: limit, today: today, route: nil)
    }

    /// `route` forces one route, and `budget` how far a walk may go before it gives up, so
    /// tests can show that every route gives the same rows.
    func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate,
                      route forced: MemberWindowPlan.Route?, budget forcedBudget: Int = .max) throws -> (total: Int, rows: [MemberSummary]) {
        try read { db in
            let plan = MemberWindowPlan(q, today: today)
            let total = try Int.fetchOne(db, sql: plan.countSQL, arguments: plan.arguments) ?? 0
            guard offset < total, limit > 0 else { return (total, []) }
            let (route, budget) = try forced.map { ($0, forcedBudget) } ?? plan.cheapestRoute(db, total: total, offset: offset, limit: limit)
            func summaries(_ numbers: String, _ arguments: StatementArguments, descending: Bool) throws -> [MemberSummary] {
                let rows = try Row.fetchAll(db, sql: plan.rowsSQL(numbers: numbers, descending: descending), arguments: arguments)
                let found = rows.map { Store.summary(from: $0, today: today) }
                return descending ? found.reversed() : found
            }
            if route != .sortMatches, q.sort == .name {
                // From the nearer end; a window in the second half is read backwards.
                let fromEnd = offset > total / 2
                let skip = fromEnd ? max(0, total - offset - limit) : offset
                let take = fromEnd ? total - offset - skip : limit
                if plan.match == nil {
                    var args = plan.arguments
                    args += ["take": take, "skip": skip]
                    return (total, try summaries(plan.plainWalkSQL(descending: fromEnd), args, descending: fromEnd))
                }
                if let numbers = try plan.walk(db, route, descending: fromEnd, skip: skip, take: take, budget: budget) {
                    let list = numbers.isEmpty ? "NULL" : numbers.map(String.init).joined(separator: ",")
                    return (total, try summaries("SELECT number FROM member WHERE number IN (\(list))", [], descending: fromEnd))
                }
            }
            var args = plan.arguments
            args += ["take": limit, "skip": offset]
            return (total, try summaries(plan.sortedSQL, args, descending: false))
        }
    }
}

/// The SQL for one `MemberQuery`, with its conditions written once for count and rows alike.
struct MemberWindowPlan {
    /// How the window's rows are found. Every route gives the same rows in the same order.
    enum Route: CaseIterable, Sendable {
        /// Read everything that meets the search and filters, sort it, keep the window: cheap
        /// when few members match, whatever the window.
        case sortMatches
        /// Walk the name index from the nearer end, reading the search's matches once into a
        /// temporary index to test each member against: for a middling search ("GL1 2", one
        /// member in eleven: 2 ms against 13 ms sorting), or a window deep in a broad one.
        case walkNamesReadingMatches
        /// Walk the name index from the nearer end, testing each member's stored search text
        /// (`MemberSearchIndex.wordTest`): for a broad search near either end of the list,
        /// which is every keystroke in the search line. On 100,000 members the first window of
        /// "a" (four members in five match) costs 1 ms this way, against 16 ms reading the
        /// 81,000 matches once.
        case walkNamesTestingText
    }

    /// What each route costs, in microseconds, measured on 100,000 demo members in a release
    /// build: reading one match into the temporary index, sorting one match by name (a member
    /// lookup each), stepping past one member of the name index, and testing one member's
    /// stored text (a lookup in the search table's content, in name order so seldom cached).
    enum Cost {
        static let readMatch = 0.2
        static let sortMatch = 1.5
        static let walkMember = 0.3
        static let testMember = 13.0
    }

    let query: MemberQuery
    let match: String?
    let wordTest: (sql: String, arguments: [String: String])?
    private(set) var conditions: [String] = []
    private(set) var arguments: StatementArguments = [:]
    private(set) var needsVetting = false

    init(_ q: MemberQuery, today: CalendarDate) {
        query = q
        match = MemberSearchIndex.matchExpression(q.search)
        wordTest = MemberSearchIndex.wordTest(q.search, columns: ["s.names", "s.contact", "s.offers"])
        var args: [String: (any DatabaseValueConvertible)?] = [:]
        if let match { args["match"] = match }
        for (name, value) in wordTest?.arguments ?? [:] { args[name] = value }
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

    /// The cheapest route for one window, by the measured costs, and for a walk how many
    /// members it may pass before giving up: a walk in name order when the members it must
    /// pass are few (the matches are dense, or the window near an end), otherwise through the
    /// matches. The estimate takes matches to be spread evenly through the alphabet; names
    /// in a script that sorts after Latin letters are not, hence the budget.
    func cheapestRoute(_ db: Database, total: Int, offset: Int, limit: Int) throws -> (Route, budget: Int) {
        guard query.sort == .name else { return (.sortMatches, 0) }
        // With nothing to test, a walk is the name index read from the nearer end.
        guard match != nil else { return (.walkNamesTestingText, .max) }
        let members = try Int.fetchOne(db, sql: "SELECT sum(members) FROM member_count") ?? total
        // A walk from the nearer end passes this many members to collect the window.
        let walked = Double(min(offset, max(0, total - offset - limit)) + limit) * Double(max(members, total)) / Double(total)
        let matches = Double(total)
        let costs: [(Route, Double)] = [
            (.sortMatches, matches * Cost.sortMatch),
            (.walkNamesReadingMatches, matches * Cost.readMatch + walked * Cost.walkMember),
            (.walkNamesTestingText, walked * Cost.testMember),
        ]
        let route = costs.min { $0.1 < $1.1 }!.0
        return (route, Int(walked * 3) + 300)
    }

    /// Walks the name index from one end, testing each member, and returns the numbers of the
    /// passing members `skip ..< skip + take`; nil when it passed `budget` members without
    /// filling the window, so the caller sorts the matches instead.
    func walk(_ db: Database, _ route: Route, descending: Bool, skip: Int, take: Int, budget: Int) throws -> [Int]? {
        let test: String
        var join = ""
        switch route {
        case .walkNamesTestingText:
            guard let wordTest else { return nil }
            test = wordTest.sql
            join = " CROSS JOIN member_search s ON s.rowid = m.number"
        case .walkNamesReadingMatches, .sortMatches:
            // An uncorrelated IN: SQLite reads the matches once into a temporary index.
            test = "m.number IN (SELECT rowid FROM member_search WHERE member_search MATCH :match)"
        }
        let passes = ([test] + conditions).joined(separator: " AND ")
        // One column, zero for a member who does not pass: the cheapest row to step over.
        let cursor = try Int.fetchCursor(db, sql: """
            SELECT CASE WHEN \(passes) THEN m.number ELSE 0 END
            FROM member m INDEXED BY member_name\(join)\(vettingJoin) ORDER BY \(order(descending))
            """, arguments: arguments)
        var passed = 0, found = 0
        var numbers: [Int] = []
        while let number = try cursor.next() {
            passed += 1
            if number != 0 {
                if found >= skip { numbers.append(number) }
                found += 1
                if numbers.count == take { return numbers }
            }
            if passed >= budget { return nil }
        }
        return numbers
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
        // The kept counts answer the commonest lists (everyone, or one status) at once.
        if conditions.isEmpty { return "SELECT coalesce(sum(members), 0) FROM member_count" }
        if conditions == ["m.status = :status"] { return "SELECT coalesce(sum(members), 0) FROM member_count WHERE status = :status" }
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

    /// Every member meeting the search and filters, sorted, for one window.
    var sortedSQL: String {
        let accountJoin = query.sort == .balance ? " JOIN account a ON a.member = m.number" : ""
        if match != nil {
            return "SELECT m.number" + fromMatches + accountJoin + whereClause(["member_search MATCH :match"])
                + " ORDER BY \(order(false)) LIMIT :take OFFSET :skip"
        }
        return "SELECT m.number FROM member m\(vettingJoin)\(accountJoin)" + whereClause() + " ORDER BY \(order(false)) LIMIT :take OFFSET :skip"
    }

    /// With no search, the name index walked from one end, for one window.
    func plainWalkSQL(descending: Bool) -> String {
        "SELECT m.number FROM member m INDEXED BY member_name\(vettingJoin)" + whereClause() + " ORDER BY \(order(descending)) LIMIT :take OFFSET :skip"
    }

    /// The details of the members `numbers` selects, in list order. CROSS JOIN keeps the
    /// window first: with the window's size a bound parameter SQLite cannot tell it is small,
    /// and otherwise may walk every member in name order to avoid sorting 40 rows.
    func rowsSQL(numbers: String, descending: Bool) -> String {
        return """
            SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status,
                   a.given_minutes - a.received_minutes AS balance, v.complete, v.next_review,
                   (SELECT count(*) FROM need n WHERE n.member = m.number AND n.status = 'open') AS open_needs
            FROM (\(numbers)) w
            CROSS JOIN member m ON m.number = w.number
            JOIN account a ON a.member = m.number
            LEFT JOIN vetting v ON v.member = m.number
            ORDER BY \(order(descending))
            """
    }
}
