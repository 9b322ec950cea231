import Foundation
import GRDB
import TimeBank

/// Report figures read from the ledger: the store reads the facts of a period in one snapshot
/// and the domain (`ReportFigures`) computes every figure from them. Every fact is a function
/// of entries dated on or before the period's end, so a closed month's report never changes.
extension Store {
    /// The first month of the financial year (setting `financial_year_start_month`, April by default).
    public func financialYearStartMonth() throws -> Int {
        try read { db in try Store.financialYearStartMonth(db) }
    }

    static func financialYearStartMonth(_ db: Database) throws -> Int {
        try Store.settings(db).financialYearStartMonth
    }

    /// The period's report beside the previous period of the same length and the year before.
    public func report(_ period: ReportPeriod, today: CalendarDate = .today()) throws -> Report {
        try read { db in
            let name = try Store.settings(db).timeBankName
            func figures(_ p: ReportPeriod?, activeBefore: Set<Int>?) throws -> (ReportFigures, Set<Int>)? {
                guard let p else { return nil }
                var facts = try Store.reportFacts(db, p, today: today)
                facts.activeBefore = try activeBefore ?? p.previous.map { try Store.activeMembers(db, $0) }
                return (ReportFigures.compute(facts), ReportFigures.activeMembers(facts.exchanges, periodEnd: p.last))
            }
            let previous = try figures(period.previous, activeBefore: nil)
            guard let current = try figures(period, activeBefore: previous?.1 ?? []) else {
                throw StoreError.invalid("The period has no dates.")
            }
            // For a year (calendar, financial or twelve months) the previous period is the year
            // before: its figures are the same, so they are computed once.
            let yearBefore = period.yearBefore == period.previous ? previous : try figures(period.yearBefore, activeBefore: nil)
            return Report(timeBankName: name, current: current.0, previous: previous?.0, yearBefore: yearBefore?.0)
        }
    }

    /// The facts of one period, read in one snapshot.
    public func reportFacts(_ period: ReportPeriod, today: CalendarDate = .today()) throws -> ReportFacts {
        try read { db in try Store.reportFacts(db, period, today: today) }
    }

    static func reportFacts(_ db: Database, _ period: ReportPeriod, today: CalendarDate) throws -> ReportFacts {
        let from = period.first.iso, to = period.last.iso
        var facts = ReportFacts(period: period, today: today)
        facts.exchanges = try exchangesBetweenMembers(db, from: from, to: to)

        let standing = facts.exchanges.filter { !$0.isReversal && !($0.reversedOn.map { $0 <= period.last } ?? false) }
        var pairs = Set<MemberPair>()
        for e in standing { pairs.insert(MemberPair(e.giver, e.receiver)) }
        facts.pairsBefore = try pairsExchangedBefore(db, pairs, from: from, to: to)

        var givenInPeriod: [Int: Minutes] = [:]
        var participants = Set<Int>()
        for e in facts.exchanges {
            givenInPeriod[e.giver, default: 0] += e.minutes
            participants.insert(e.giver)
            participants.insert(e.receiver)
        }
        facts.members = try reportMembers(db, numbers: participants, joinedFrom: from, to: to)
        let joined = facts.members.values.filter { period.contains($0.joined) }.map(\.number)
        for (n, first) in try firstExchanges(db, members: joined) { facts.members[n]?.firstExchange = first }
        for (n, before) in try givenBefore(db, members: givenInPeriod.filter { $0.value > 0 }.map(\.key), before: period.first) {
            facts.members[n]?.givenBefore = before
        }

        // Read from `exchange_report_period` alone: the one pot account is known by its id, so no
        // exchange or account row is visited for each of the period's entries.
        let pot = try Row.fetchOne(db, sql: """
            WITH pot(id) AS (SELECT id FROM account WHERE kind = 'pot')
            SELECT coalesce(sum(CASE WHEN e.reverses IS NULL AND e.receiver = pot.id THEN e.minutes
                                     WHEN e.reverses IS NOT NULL AND e.giver = pot.id THEN -e.minutes END), 0) AS granted,
                   coalesce(sum(CASE WHEN e.reverses IS NULL AND e.giver = pot.id THEN e.minutes
                                     WHEN e.reverses IS NOT NULL AND e.receiver = pot.id THEN -e.minutes END), 0) AS donated
            FROM pot CROSS JOIN exchange e INDEXED BY exchange_report_period
            WHERE e.date BETWEEN ? AND ? AND (e.giver = pot.id OR e.receiver = pot.id)
            """, arguments: [from, to])
        facts.potGrantedMinutes = pot?["granted"] ?? 0
        facts.potDonatedMinutes = pot?["donated"] ?? 0

        // A member's leaving is known from the audit log of the edit that set the status.
        facts.leftMembers = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT entity_id) FROM audit
            WHERE entity = 'member' AND action = 'update' AND substr(at, 1, 10) BETWEEN ? AND ?
              AND instr(details || char(10), char(10) || 'Status' || char(9)) > 0
              AND instr(details || char(10), char(9) || 'left' || char(10)) > 0
            """, arguments: [from, to]) ?? 0

        facts.needs = try reportNeeds(db, from: from, to: to)
        facts.referralsDeclined = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referral WHERE status = 'declined' AND substr(updated_at, 1, 10) BETWEEN ? AND ?
            """, arguments: [from, to]) ?? 0
        facts.referralsCancelled = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referral WHERE status = 'cancelled' AND substr(updated_at, 1, 10) BETWEEN ? AND ?
            """, arguments: [from, to]) ?? 0
        facts.vettingOverdue = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM vetting v CROSS JOIN member m ON m.number = v.member
            WHERE m.status IN ('active', 'on-hold') AND v.complete = 1 AND v.next_review < ?
            """, arguments: [to]) ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT code, grp, name FROM category") {
            facts.categories[row["code"]] = ReportCategory(group: row["grp"], name: row["name"])
        }
        return facts
    }

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
                       (SELECT v.complete = 1 AND (v.next_review IS NULL OR v.next_review >= e.date)
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

    static func reportMembers(_ db: Database, numbers: Set<Int>, joinedFrom from: String, to: String) throws -> [Int: ReportMember] {
        let json = "[" + numbers.map(String.init).joined(separator: ",") + "]"
        let rows = try Row.fetchCursor(db, sql: """
            SELECT number, name, kind, joined, area, age_band, gender, ethnicity, disability, came_through, consent_share
            FROM member WHERE number IN (SELECT value FROM json_each(:numbers)) OR joined BETWEEN :from AND :to
            """, arguments: ["numbers": json, "from": from, "to": to])
        var out: [Int: ReportMember] = [:]
        while let row = try rows.next() {
            guard let joined = CalendarDate(iso: row["joined"]) else { continue }
            let n: Int = row["number"]
            out[n] = ReportMember(
                number: n, name: row["name"], kind: try row.storedCase("kind", of: "member"), joined: joined, area: row["area"],
                demographics: Demographics(ageBand: row["age_band"], gender: row["gender"], ethnicity: row["ethnicity"],
                                           disability: row["disability"], cameThrough: CameThrough(rawValue: row["came_through"])),
                mayBeNamed: row["consent_share"])
        }
        return out
    }

    /// Each member's first original exchange with another member that was never reversed
    /// (`report_member_first`, migration v11a-report-aggregates).
    static func firstExchanges(_ db: Database, members: [Int]) throws -> [Int: CalendarDate] {
        guard !members.isEmpty else { return [:] }
        let json = "[" + members.map(String.init).joined(separator: ",") + "]"
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.member, f.first_exchange FROM json_each(?) p CROSS JOIN report_member_first f ON f.member = p.value
            """, arguments: [json])
        var out: [Int: CalendarDate] = [:]
        while let row = try rows.next() {
            if let first = CalendarDate(iso: row[1]) { out[row[0]] = first }
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
