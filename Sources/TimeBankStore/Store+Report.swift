import Foundation
import GRDB
import TimeBank

/// Report figures read from the ledger in one state of the file: the store counts each period into a
/// `ReportTally` and the domain (`ReportFigures`) computes every figure from it. Whole months are
/// counted from monthly aggregates, any other range of days from its exchanges. Every count is
/// a function of entries dated on or before the period's end, so a closed month's report never changes.
extension Store {
    /// The first month of the financial year (setting `financial_year_start_month`, April by default).
    public func financialYearStartMonth() throws -> Int {
        try read { db in try Store.financialYearStartMonth(db) }
    }

    static func financialYearStartMonth(_ db: Database) throws -> Int {
        try Store.settings(db).financialYearStartMonth
    }

    /// The period's report beside the previous period of the same length and the year before,
    /// its periods counted at once on the two reader connections (`Store.ReportRun`).
    public func report(_ period: ReportPeriod, today: CalendarDate = .today()) throws -> Report {
        let people = try read { db in try cachedReportPeople(db) }
        if let report = try ReportRun(store: self, period: period, today: today, people: people).parallel() { return report }
        // Someone wrote between the two connections' first reads: count on one connection.
        return try read { db in
            try Store.withReportCache(db) {
                try Store.report(db, period, today: today, people: try cachedReportPeople(db).people)
            }
        }
    }

    /// A report reads most pages of its aggregates once: a smaller page cache on each connection
    /// (`reportCacheSize`) serves it as well, and shrinking frees the pages the connection kept
    /// beyond it, so the two connections counting at once hold no more than one reader does.
    static func withReportCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = \(Store.reportCacheSize)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(Store.readerCacheSize)") }
        return try body()
    }

    /// The members' report attributes, read again only when a member changed since the last report.
    func cachedReportPeople(_ db: Database) throws -> (version: Int, people: ReportPeople) {
        let version = try Int.fetchOne(db, sql: "SELECT version FROM report_people_version") ?? 0
        if let kept = reportPeopleCache.withLock({ $0 }), kept.version == version { return kept }
        let people = try Store.reportPeople(db)
        reportPeopleCache.withLock { $0 = (version, people) }
        return (version, people)
    }

    /// The report counted on one connection, one period after another.
    static func report(_ db: Database, _ period: ReportPeriod, today: CalendarDate, people: ReportPeople) throws -> Report {
        let plan = ReportPlan(period)
        let reversals = try reportReversals(db)
        let categories = try reportCategories(db)
        func fill(_ tally: inout ReportTally) throws { try fillReportTally(db, &tally, people: people, reversals: reversals) }
        // The previous period first: its active members are the current period's retention base.
        let previous = try plan.previous.map {
            try comparisonFigures(db, $0, people: people, reversals: reversals, categories: categories, today: today, fill: fill)
        }
        let yearBefore = try plan.yearBefore.map {
            try comparisonFigures(db, $0, people: people, reversals: reversals, categories: categories, today: today, fill: fill)
        }
        let current = try currentCount(db, period, people: people, reversals: reversals, categories: categories, today: today, fill: fill)
        return plan.report(timeBankName: try Store.settings(db).timeBankName, current: current, previous: previous, yearBefore: yearBefore,
                           people: people, categories: categories)
    }

    /// A period compared with the current one: its figures, and who was active in it. `fill`
    /// adds what is not counted from exchanges between members (`fillReportTally`).
    static func comparisonFigures(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                                  categories: [String: ReportCategory], today: CalendarDate,
                                  fill: (inout ReportTally) throws -> Void) throws -> (figures: ReportFigures, active: [Bool]) {
        var tally = try exchangeTally(db, p, people: people, reversals: reversals, today: today)
        try fill(&tally)
        return (ReportFigures.compute(tally, people: people, names: nil, categories: categories), tally.members.active)
    }

    /// The current period counted: its figures when its retention is known (a single month), else
    /// its tally with the names of the members who passed a milestone and may be named (only the
    /// current period's are named), whose figures wait for the previous period's actives.
    static func currentCount(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                             categories: [String: ReportCategory], today: CalendarDate,
                             fill: (inout ReportTally) throws -> Void) throws -> ReportPlan.Current {
        var tally = try exchangeTally(db, p, people: people, reversals: reversals, today: today, retentionFromPrevious: false)
        try fill(&tally)
        let named = Set(ReportFigures.milestonesPassed(tally).filter { people.mayBeNamed[$0.slot] }.map { people.numbers[$0.slot] })
        let names = try memberNames(db, Array(named))
        guard tally.retention != nil else { return .waiting(tally, names: names) }
        return .figures(ReportFigures.compute(tally, people: people, names: names, categories: categories))
    }

    /// Category code → (group, name), for the breakdown by category group.
    static func reportCategories(_ db: Database) throws -> [String: ReportCategory] {
        var out: [String: ReportCategory] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, grp, name FROM category") {
            out[row["code"]] = ReportCategory(group: row["grp"], name: row["name"])
        }
        return out
    }

    /// One period counted: from the monthly aggregates for whole months, else from its exchanges.
    static func reportTally(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                            today: CalendarDate, fromExchanges: Bool = false) throws -> ReportTally {
        var tally = try exchangeTally(db, p, people: people, reversals: reversals, today: today, fromExchanges: fromExchanges)
        try fillReportTally(db, &tally, people: people, reversals: reversals)
        return tally
    }

    /// What a period's tally counts from exchanges between members, and its retention: a single
    /// month's from the month aggregates; any other period's, with `retentionFromPrevious`, from
    /// who was active in the period before.
    static func exchangeTally(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                              today: CalendarDate, fromExchanges: Bool = false, retentionFromPrevious: Bool = true) throws -> ReportTally {
        var tally: ReportTally
        if isWholeMonths(p) && !fromExchanges {
            tally = try monthlyTally(db, p, people: people, reversals: reversals, today: today)
        } else {
            tally = ReportTally(facts: try reportFacts(db, p), people: people, today: today)
        }
        if tally.retention == nil, retentionFromPrevious, let previous = p.previous {
            let before = try activeMembers(db, previous, people: people, reversals: reversals)
            tally.retention = ReportRetention(activeBefore: before, activeNow: tally.members.active)
        }
        return tally
    }

    /// Who was active in a period, by slot.
    static func activeMembers(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal]) throws -> [Bool] {
        if isWholeMonths(p) { return try monthlyActive(db, p, people: people, reversals: reversals) }
        var active = [Bool](repeating: false, count: people.count)
        for n in try activeMembers(db, p) {
            if let s = people.slot(of: n) { active[s] = true }
        }
        return active
    }

    /// The exchanges of a period of days, with what came before it.
    static func reportFacts(_ db: Database, _ period: ReportPeriod) throws -> ReportFacts {
        let from = period.first.iso, to = period.last.iso
        var facts = ReportFacts(period: period)
        facts.exchanges = try exchangesBetweenMembers(db, from: from, to: to)
        var pairs = Set<MemberPair>()
        var givers = Set<Int>()
        for e in facts.exchanges {
            givers.insert(e.giver)
            if ReportTally.stands(e, at: period.last) { pairs.insert(MemberPair(e.giver, e.receiver)) }
        }
        facts.pairsBefore = try pairsExchangedBefore(db, pairs, from: from, to: to)
        facts.givenBefore = try givenBefore(db, members: Array(givers), before: period.first)
        return facts
    }

    /// Copies into `tally` what `fillReportTally` filled into `filled`, a tally of the same period.
    static func takeFill(from filled: ReportTally, into tally: inout ReportTally) {
        tally.potGrantedMinutes = filled.potGrantedMinutes
        tally.potDonatedMinutes = filled.potDonatedMinutes
        tally.leftMembers = filled.leftMembers
        tally.needs = filled.needs
        tally.vettingOverdue = filled.vettingOverdue
        tally.joiners = filled.joiners
    }

    /// What does not come from exchanges between members: the pot, members who joined or left,
    /// needs and referrals, vetting reviews (copied by `takeFill`).
    static func fillReportTally(_ db: Database, _ tally: inout ReportTally, people: ReportPeople, reversals: [ReportReversal]) throws {
        let period = tally.period
        let from = period.first.iso, to = period.last.iso
        (tally.potGrantedMinutes, tally.potDonatedMinutes) = try potMinutes(db, period)

        // A member's leaving is known from the audit log of the edit that set the status.
        tally.leftMembers = try Int.fetchOne(db.cachedStatement(sql: leftMembersSQL), arguments: [from, period.last.adding(days: 1).iso]) ?? 0
        tally.needs = try reportNeedFigures(db, period)
        // Reviews due before the period's end of members active or on hold.
        var overdue = 0
        try db.forEachRawRow(sql: """
            SELECT member FROM vetting INDEXED BY vetting_report_overdue WHERE complete = 1 AND next_review < ?
            """, arguments: [to]) { row in
            if let s = people.slot(of: row.int(0)), people.isCurrent[s] { overdue += 1 }
        }
        tally.vettingOverdue = overdue
        tally.joiners = try reportJoiners(db, period, reversals: reversals)
    }

    /// Members whose status an edit set to left on the period's days (a timestamp from the first
    /// day up to, not including, the day after the last), through `audit_member_update_at`
    /// (migration v12f-report-left-members), not a scan of the whole audit log.
    static let leftMembersSQL = """
        SELECT count(DISTINCT entity_id) FROM audit INDEXED BY audit_member_update_at
        WHERE entity = 'member' AND action = 'update' AND at >= ? AND at < ?
          AND instr(details || char(10), char(10) || 'Status' || char(9)) > 0
          AND instr(details || char(10), char(9) || 'left' || char(10)) > 0
        """

    /// Exchanges between two members dated in the period; a reversal in the original's direction, negative.
    /// One pass over `exchange_report_period` (migration v9h-report-period-index) in date order: the
    /// accounts are looked up in memory and the few reversed originals read apart, so no row of the
    /// wide exchange table is visited except for exchanges made on a referral.
    static func exchangesBetweenMembers(_ db: Database, from: String, to: String) throws -> [ReportExchange] {
        let members = try memberOfAccount(db)
        let reversedOn = try reversalDates(db, from: from, to: to)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.seq, e.date, e.giver, e.receiver, e.minutes, coalesce(e.category, ''), e.reverses IS NOT NULL,
                   CASE WHEN e.reverses IS NULL AND e.referral IS NOT NULL THEN
                       (SELECT n.needs_vetted_helper FROM referral f JOIN need n ON n.id = f.need WHERE f.id = e.referral) END,
                   CASE WHEN e.reverses IS NULL AND e.referral IS NOT NULL THEN
                       (SELECT \(VettingSQL.completeOn(day: "e.date"))
                        FROM account g JOIN vetting v ON v.member = g.member WHERE g.id = e.giver) END
            FROM exchange e INDEXED BY exchange_report_period
            WHERE e.date BETWEEN ? AND ?
            """, arguments: [from, to])
        var dates = DateCache()
        var out: [ReportExchange] = []
        while let row = try rows.next() {
            guard let gm = members.member(row[2]), let rm = members.member(row[3]), let date = dates.date(row[1]) else { continue }
            let seq: Int64 = row[0]
            let reversal: Bool = row[6]
            let minutes: Int = row[4]
            out.append(ReportExchange(
                date: date, giver: reversal ? rm : gm, receiver: reversal ? gm : rm,
                minutes: reversal ? -minutes : minutes, category: row[5], isReversal: reversal,
                reversedOn: reversal ? nil : reversedOn[seq],
                vettedNeed: (row[7] as Bool?) ?? false, helperVetted: (row[8] as Bool?) ?? false))
        }
        return out
    }

    /// Members active in a period (the domain's rule, `ReportFigures.activeMembers`):
    /// giver or receiver of an original between members not reversed by the period's end.
    static func activeMembers(_ db: Database, _ period: ReportPeriod) throws -> Set<Int> {
        let from = period.first.iso, to = period.last.iso
        let members = try memberOfAccount(db)
        let reversedOn = try reversalDates(db, from: from, to: to)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.seq, e.giver, e.receiver FROM exchange e INDEXED BY exchange_report_period
            WHERE e.date BETWEEN ? AND ? AND e.reverses IS NULL
            """, arguments: [from, to])
        var out = Set<Int>()
        while let row = try rows.next() {
            guard let gm = members.member(row[1]), let rm = members.member(row[2]) else { continue }
            if let reversed = reversedOn[row[0] as Int64], reversed.iso <= to { continue }
            out.insert(gm)
            out.insert(rm)
        }
        return out
    }

    /// The member of each member account (pot and opening balances have none), read once per
    /// period instead of joining the account table for every exchange.
    struct MemberAccounts {
        var byAccount: [Int?]
        func member(_ account: Int) -> Int? { byAccount.indices.contains(account) ? byAccount[account] : nil }
    }

    static func memberOfAccount(_ db: Database) throws -> MemberAccounts {
        let maxID = try Int.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM account") ?? 0
        var byAccount = [Int?](repeating: nil, count: maxID + 1)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, member FROM account WHERE kind = 'member'")
        while let row = try rows.next() {
            let id: Int = row[0]
            if byAccount.indices.contains(id) { byAccount[id] = row[1] }
        }
        return MemberAccounts(byAccount: byAccount)
    }

    /// For each original dated in the period that was reversed (whenever), the reversal's date,
    /// by the original's `seq`. Reversals are few and all in `exchange_report_reversal`.
    static func reversalDates(_ db: Database, from: String, to: String) throws -> [Int64: CalendarDate] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT o.seq, r.date FROM exchange r INDEXED BY exchange_report_reversal
            CROSS JOIN exchange o ON o.id = r.reverses
            WHERE r.reverses IS NOT NULL AND o.date BETWEEN ? AND ?
            """, arguments: [from, to])
        var out: [Int64: CalendarDate] = [:]
        while let row = try rows.next() {
            if let date = CalendarDate(iso: row[1]) { out[row[0]] = date }
        }
        return out
    }

    /// Dates of service repeat on every row of a period: each distinct text is parsed once.
    struct DateCache {
        var parsed: [String: CalendarDate] = [:]
        mutating func date(_ iso: String) -> CalendarDate? {
            if let d = parsed[iso] { return d }
            let d = CalendarDate(iso: iso)
            if let d { parsed[iso] = d }
            return d
        }
    }

    /// Of the given pairs, those with an original before the period that was not reversed by its end:
    /// the pairs whose first never-reversed original (`report_pair_first`, migration v11a-report-aggregates)
    /// is before it, and the pairs of the few originals before it whose reversal came after its end.
    /// Two exact ways to read the first: one look-up per pair when the period's pairs are few beside
    /// the earlier pairs (a month), one pass over the earlier pairs in date order when they are many (a year).
    static func pairsExchangedBefore(_ db: Database, _ pairs: Set<MemberPair>, from: String, to: String) throws -> Set<MemberPair> {
        guard !pairs.isEmpty else { return [] }
        var out = Set<MemberPair>()
        // A look-up costs about as much as reading sixteen index rows in order.
        let passLimit = pairs.count * 16
        let earlier = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM report_pair_first INDEXED BY report_pair_first_date WHERE first_exchange < ? LIMIT ?)
            """, arguments: [from, passLimit]) ?? 0
        if earlier >= passLimit {
            let json = "[" + pairs.map { "[\($0.a),\($0.b)]" }.joined(separator: ",") + "]"
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.a, f.b FROM json_each(?) p
                CROSS JOIN report_pair_first f ON f.a = json_extract(p.value, '$[0]') AND f.b = json_extract(p.value, '$[1]')
                WHERE f.first_exchange < ?
                """, arguments: [json, from])
            while let row = try rows.next() { out.insert(MemberPair(row[0], row[1])) }
        } else {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a, b FROM report_pair_first INDEXED BY report_pair_first_date WHERE first_exchange < ?
                """, arguments: [from])
            while let row = try rows.next() {
                let pair = MemberPair(row[0], row[1])
                if pairs.contains(pair) { out.insert(pair) }
            }
        }
        let undoneLater = try Row.fetchCursor(db, sql: """
            SELECT g.member, r.member FROM exchange x INDEXED BY exchange_report_reversal
            CROSS JOIN exchange o ON o.id = x.reverses
            CROSS JOIN account g ON g.id = o.giver CROSS JOIN account r ON r.id = o.receiver
            WHERE x.reverses IS NOT NULL AND x.date > ? AND o.date < ? AND g.kind = 'member' AND r.kind = 'member'
            """, arguments: [to, from])
        while let row = try undoneLater.next() {
            let pair = MemberPair(row[0], row[1])
            if pairs.contains(pair) { out.insert(pair) }
        }
        return out
    }

    /// Minutes each member gave other members before `day`: originals less the reversals of them,
    /// each counted by its own date. Whole months come from `report_member_month` (migration
    /// v11a-report-aggregates); the days of `day`'s month before it, if any, from the ledger.
    static func givenBefore(_ db: Database, members: [Int], before day: CalendarDate) throws -> [Int: Minutes] {
        guard !members.isEmpty else { return [:] }
        let json = "[" + members.map(String.init).joined(separator: ",") + "]"
        var out: [Int: Minutes] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT g.member, sum(g.given_minutes) FROM json_each(?) p
            CROSS JOIN report_member_month g ON g.member = p.value AND g.month < ?
            GROUP BY g.member
            """, arguments: [json, day.monthKey])
        while let row = try rows.next() { out[row[0]] = row[1] }
        if day.day > 1 {
            let wanted = Set(members)
            let partial = try Row.fetchCursor(db, sql: """
                SELECT CASE WHEN e.reverses IS NULL THEN g.member ELSE r.member END,
                       sum(CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END)
                FROM exchange e INDEXED BY exchange_report_period
                CROSS JOIN account g ON g.id = e.giver CROSS JOIN account r ON r.id = e.receiver
                WHERE e.date >= ? AND e.date < ? AND g.kind = 'member' AND r.kind = 'member'
                GROUP BY 1
                """, arguments: [day.startOfMonth.iso, day.iso])
            while let row = try partial.next() {
                let member: Int = row[0]
                if wanted.contains(member) { out[member, default: 0] += row[1] as Int }
            }
        }
        return out
    }
}
