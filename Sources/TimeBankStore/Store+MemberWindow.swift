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
        let page = try memberWindow(q, offset: offset, limit: limit, today: today, countingUpTo: nil, route: nil)
        return (page.total, page.rows)
    }

    /// The same window, counting matches only as far as `countingUpTo`: a search as broad as
    /// one letter matches most of the members, and counting them all is most of a keystroke's
    /// cost. Past the limit the page says so (`totalIsExact` false, `total` the limit), and the
    /// rows are still exactly those of the uncounted window. Nil counts every match.
    public func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate, countingUpTo cap: Int?) throws -> MemberWindowPage {
        try memberWindow(q, offset: offset, limit: limit, today: today, countingUpTo: cap, route: nil)
    }

    /// `route` forces one route, and `budget` how far a walk may go before it gives up, so
    /// tests can show that every route gives the same rows.
    func memberWindow(_ q: MemberQuery, offset: Int, limit: Int, today: CalendarDate, countingUpTo cap: Int?,
                      route forced: MemberWindowPlan.Route?, budget forcedBudget: Int = .max) throws -> MemberWindowPage {
        try read { db in
            let plan = MemberWindowPlan(q, today: today)
            let cap = cap.flatMap { $0 < Int.max ? $0 : nil }
            let count = plan.countSQL(upTo: cap.map { $0 + 1 })
            let counted = try Int.fetchOne(db, sql: count.sql, arguments: plan.arguments) ?? 0
            let exact = !count.stops || cap.map { counted <= $0 } ?? true
            let total = exact ? counted : cap ?? counted
            func page(_ rows: [MemberSummary]) -> MemberWindowPage { MemberWindowPage(total: total, totalIsExact: exact, rows: rows) }
            // Past a count cut short there may well be rows: only an exact count says there are none.
            guard limit > 0, !exact || offset < counted else { return page([]) }
            let (route, budget) = try forced.map { ($0, forcedBudget) }
                ?? plan.cheapestRoute(db, total: counted, exact: exact, offset: offset, limit: limit)
            func summaries(_ numbers: String, _ arguments: StatementArguments, descending: Bool) throws -> [MemberSummary] {
                let rows = try Row.fetchAll(db, sql: plan.rowsSQL(numbers: numbers, descending: descending), arguments: arguments)
                let found = try rows.map { try Store.summary(from: $0, today: today) }
                return descending ? found.reversed() : found
            }
            // Member numbers found by a walk are integers read from the file, so they go into the SQL as they are.
            func summaries(of numbers: [Int], descending: Bool) throws -> [MemberSummary] {
                let list = numbers.isEmpty ? "NULL" : numbers.map(String.init).joined(separator: ",")
                return try summaries("SELECT number FROM member WHERE number IN (\(list))", [], descending: descending)
            }
            if route != .sortMatches, q.sort == .name {
                // From the nearer end (when the end is known); a window in the second half is
                // read backwards.
                let fromEnd = exact && offset > counted / 2
                let skip = fromEnd ? max(0, counted - offset - limit) : offset
                let take = fromEnd ? counted - offset - skip : limit
                if plan.match == nil {
                    var args = plan.arguments
                    args += ["take": take, "skip": skip]
                    return page(try summaries(plan.plainWalkSQL(descending: fromEnd), args, descending: fromEnd))
                }
                if let numbers = try plan.walk(db, route, descending: fromEnd, skip: skip, take: take, budget: budget) {
                    return page(try summaries(of: numbers, descending: fromEnd))
                }
                // A broad search whose matches lie elsewhere in the alphabet: reading them once
                // costs far less than sorting tens of thousands.
                if !exact, route != .walkNamesReadingMatches,
                   let numbers = try plan.walk(db, .walkNamesReadingMatches, descending: false, skip: offset, take: limit, budget: .max) {
                    return page(try summaries(of: numbers, descending: false))
                }
            }
            var args = plan.arguments
            args += ["take": limit, "skip": offset]
            return page(try summaries(plan.sortedSQL, args, descending: false))
        }
    }
}

/// One window of the members list and how many members the query matches.
public struct MemberWindowPage: Sendable, Equatable {
    /// The number of matches, or when `totalIsExact` is false the limit counting stopped at.
    public var total: Int
    public var totalIsExact: Bool
    public var rows: [MemberSummary]
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
        case .complete: conditions.append(VettingSQL.complete(today: ":today"))
        case .dueSoon: conditions.append(VettingSQL.complete(today: ":today") + " AND v.next_review <= :soon")
        case .expired: conditions.append(VettingSQL.expired(today: ":today"))
        case .missing: conditions.append(VettingSQL.missing())
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
    func cheapestRoute(_ db: Database, total: Int, exact: Bool, offset: Int, limit: Int) throws -> (Route, budget: Int) {
        guard query.sort == .name else { return (.sortMatches, 0) }
        // With nothing to test, a walk is the name index read from the nearer end.
        guard match != nil else { return (.walkNamesTestingText, .max) }
        let members = try Int.fetchOne(db, sql: "SELECT sum(members) FROM member_count") ?? total
        // A walk from the nearer end passes this many members to collect the window; with the
        // count cut short, at most this many.
        let nearer = exact ? min(offset, max(0, total - offset - limit)) : offset
        let walked = Double(nearer + limit) * Double(max(members, total)) / Double(total)
        // Counting stopped short: the matches are dense, so near the top of the list a walk
        // testing each member is cheapest whatever their number (the estimate above is then
        // the most it can pass); deeper down, reading them all once.
        if !exact {
            return (walked * Cost.testMember < 20_000 ? .walkNamesTestingText : .walkNamesReadingMatches, Int(walked * 3) + 300)
        }
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

    /// The count of matches, stopping at `upTo` when given; `stops` is false when the count
    /// comes whole from the kept counts, at no cost.
    func countSQL(upTo: Int?) -> (sql: String, stops: Bool) {
        let counted: String
        if match != nil {
            counted = conditions.isEmpty ? "SELECT 1 FROM member_search WHERE member_search MATCH :match"
                : "SELECT 1" + fromMatches + whereClause(["member_search MATCH :match"])
        } else {
            // The kept counts answer the commonest lists (everyone, or one status) at once.
            if conditions.isEmpty { return ("SELECT coalesce(sum(members), 0) FROM member_count", false) }
            if conditions == ["m.status = :status"] { return ("SELECT coalesce(sum(members), 0) FROM member_count WHERE status = :status", false) }
            counted = "SELECT 1 FROM member m\(vettingJoin)" + whereClause()
        }
        guard let upTo else { return ("SELECT count(*) FROM (\(counted))", false) }
        return ("SELECT count(*) FROM (\(counted) LIMIT \(upTo))", true)
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
            SELECT m.number, m.kind, m.name, m.preferred_name, m.area, m.postcode, m.phone, m.email, m.joined, m.status, m.came_through,
                   a.given_minutes - a.received_minutes AS balance, a.last_exchange, v.complete, v.next_review,
                   (SELECT count(*) FROM need n WHERE n.member = m.number AND n.status = 'open') AS open_needs
            FROM (\(numbers)) w
            CROSS JOIN member m ON m.number = w.number
            JOIN account a ON a.member = m.number
            LEFT JOIN vetting v ON v.member = m.number
            ORDER BY \(order(descending))
            """
    }
}
