import GRDB
import TimeBank

/// A period of whole months read from the monthly aggregates (migrations v12a-report-month-aggregates
/// and v12b-report-engine) instead of from every exchange: one row per member and month, and the
/// months' counts of pairs (`PairCounts`). The aggregates count originals never reversed ("kept");
/// an original reversed after a period's end still stood at that end, so the few such originals
/// (`report_reversal`) are added back exactly for each period.
extension Store {
    /// Whether the period is made of whole months, so the monthly aggregates hold it exactly.
    static func isWholeMonths(_ p: ReportPeriod) -> Bool {
        p.first.day == 1 && p.last.day == CalendarDate.daysIn(month: p.last.month, year: p.last.year)
    }

    static func monthNumber(_ d: CalendarDate) -> Int { d.year * 12 + d.month - 1 }

    /// An original between members and the date of its reversal.
    struct ReportReversal {
        var original: CalendarDate
        var reversal: CalendarDate
        var giver: Int
        var receiver: Int
        var minutes: Minutes
        var pair: MemberPair { MemberPair(giver, receiver) }
    }

    /// Every reversal between members, in the order they were recorded.
    static func reportReversals(_ db: Database) throws -> [ReportReversal] {
        try reportReversals(db, after: 0)
    }

    /// The reversals recorded after the reversal `after` (an exchange's `seq`), in order.
    static func reportReversals(_ db: Database, after: Int) throws -> [ReportReversal] {
        var out: [ReportReversal] = []
        try db.forEachRawRow(sql: """
            SELECT original_date, reversal_date, giver, receiver, minutes FROM report_reversal WHERE reversal > ? ORDER BY reversal
            """, arguments: [after]) { row in
            guard let o = row.date(0), let r = row.date(1) else { return }
            out.append(ReportReversal(original: o, reversal: r, giver: row.int(2), receiver: row.int(3), minutes: row.int(4)))
        }
        return out
    }

    /// The reversals as `reportReversals` reads them, kept between reports: `report_reversal`
    /// only ever gains rows (each the reversal's `seq`, which only grows), so the kept ones stay
    /// true and only those recorded since are read. The kept count and last `seq` are checked
    /// against the file first, and anything else (a file put back from a backup) reads them all.
    func cachedReportReversals(_ db: Database) throws -> [ReportReversal] {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT count(*), coalesce(max(reversal), 0) FROM report_reversal"))
        let count: Int = row?[0] ?? 0, last: Int = row?[1] ?? 0
        var kept = reportReversalCache.withLock { $0 } ?? (last: 0, reversals: [])
        if kept.last > last || kept.reversals.count > count { kept = (0, []) }
        if kept.last < last { kept.reversals += try Store.reportReversals(db, after: kept.last) }
        if kept.reversals.count != count { kept.reversals = try Store.reportReversals(db) }
        kept.last = last
        reportReversalCache.withLock { $0 = kept }
        return kept.reversals
    }

    /// Who was active in a period of whole months, by slot.
    static func monthlyActive(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal]) throws -> [Bool] {
        var active = [Bool](repeating: false, count: people.count)
        try db.forEachRawRow(sql: """
            SELECT member FROM report_member_month WHERE month BETWEEN ? AND ? AND kept_given + kept_received > 0
            """, arguments: [p.first.monthKey, p.last.monthKey]) { row in
            if let s = people.slot(of: row.int(0)) { active[s] = true }
        }
        for c in reversals where p.contains(c.original) && c.reversal > p.last {
            if let g = people.slot(of: c.giver) { active[g] = true }
            if let r = people.slot(of: c.receiver) { active[r] = true }
        }
        return active
    }

    /// The exchange-made part of a period's tally of whole months: hours by month and category,
    /// members, pairs, organisations' help and safeguarding. The rest is `fillReportTally`.
    static func monthlyTally(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                             today: CalendarDate) throws -> ReportTally {
        var tally = ReportTally(period: p, today: today)
        let from = p.first.monthKey, to = p.last.monthKey

        try db.forEachRawRow(sql: """
            SELECT month, category, minutes, exchanges FROM report_month_category WHERE month BETWEEN ? AND ?
            """, arguments: [from, to]) { row in
            let month = String(decoding: row.bytes(0), as: UTF8.self), category = String(decoding: row.bytes(1), as: UTF8.self)
            let minutes = row.int(2), n = row.int(3)
            tally.byMonth[month, default: ReportAmount()].minutes += minutes
            tally.byMonth[month, default: ReportAmount()].exchanges += n
            tally.byCategory[category, default: ReportAmount()].minutes += minutes
            tally.byCategory[category, default: ReportAmount()].exchanges += n
        }

        // Pairs first: what they change in members' partners does not depend on the member rows.
        let late = lateReversals(reversals, p)
        var pairs = try PairCounts(db, p, late: late, people: people)
        try pairs.correct(db, p, late: late, people: people)
        tally.connections = pairs.connections
        tally.newConnections = pairs.newConnections
        tally.repeatPairs = pairs.repeats

        // Members, counted as their month rows are read (`periodMembers`).
        var organisationsGave: [Int] = []
        for c in late where p.contains(c.original) {
            if let g = people.slot(of: c.giver), people.slot(of: c.receiver) != nil, people.isOrganisation[g] {
                organisationsGave.append(c.giver)
            }
        }
        let singleMonth = from == to
        var activeBefore = [Bool](repeating: false, count: singleMonth ? people.count : 0)
        tally.members = try periodMembers(db, p, people: people, activeBefore: &activeBefore, organisationsGave: &organisationsGave,
                                          corrections: memberCorrections(reversals, p, late: late, partners: pairs.partners, people: people))
        if singleMonth {
            tally.retention = try monthRetention(db, p, activeNow: tally.members.active, activeBefore: activeBefore, people: people,
                                                 reversals: reversals)
        }
        tally.peopleHelpedByOrganisations = try peopleHelpedByOrganisations(db, p, givers: organisationsGave, people: people)
        (tally.vettedNeedExchanges, tally.vettedNeedHelperVetted) = try vettedNeedExchanges(db, p)
        return tally
    }

    /// Members (not organisations) who received an original standing at the period's end from an
    /// organisation, read only for the organisations that gave in the period.
    static func peopleHelpedByOrganisations(_ db: Database, _ p: ReportPeriod, givers: [Int], people: ReportPeople) throws -> Int {
        guard !givers.isEmpty else { return 0 }
        let json = "[" + Set(givers).map(String.init).joined(separator: ",") + "]"
        var helped = Set<Int>()
        try db.forEachRawRow(sql: """
            SELECT r.member FROM json_each(?) j
            CROSS JOIN account g ON g.member = j.value
            CROSS JOIN exchange e INDEXED BY exchange_giver ON e.giver = g.id AND e.date BETWEEN ? AND ?
            CROSS JOIN account r ON r.id = e.receiver
            WHERE e.reverses IS NULL AND r.kind = 'member'
              AND NOT EXISTS (SELECT 1 FROM exchange x WHERE x.reverses = e.id AND x.date <= ?)
            """, arguments: [json, p.first.iso, p.last.iso, p.last.iso]) { row in
            let r = row.int(0)
            if let s = people.slot(of: r), !people.isOrganisation[s] { helped.insert(r) }
        }
        return helped.count
    }
}
