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

    static func reportReversals(_ db: Database) throws -> [ReportReversal] {
        var out: [ReportReversal] = []
        try db.forEachRawRow(sql: """
            SELECT original_date, reversal_date, giver, receiver, minutes FROM report_reversal
            """) { row in
            guard let o = row.date(0), let r = row.date(1) else { return }
            out.append(ReportReversal(original: o, reversal: r, giver: row.int(2), receiver: row.int(3), minutes: row.int(4)))
        }
        return out
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
        var tally = ReportTally(period: p, today: today, memberCount: people.count)
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

        // Members, month by month: a member's first row in the period says what they had given
        // before it (given_through less that month's own).
        // Taken out of the tally while counted, so its arrays are written in place, not copied.
        var m = tally.members
        tally.members = MemberTallies(count: 0)
        // Partners are summed over the months' rows; `PairCounts` takes off a partner met in two
        // months of the period. A single month's rows also say who was active the month before,
        // for its retention.
        // Only the minutes kept (never reversed) are read: each column read costs about a third of
        // a row's step, and a member's net minutes differ from those kept only by the reversals, and
        // originals reversed, dated in the period, which the report holds (`addReversals`).
        let months = p.monthKeys
        let singleMonth = months.count == 1
        var organisationsGave: [Int] = []
        var activeBefore = [Bool](repeating: false, count: singleMonth ? people.count : 0)
        var firstMonth = [Int32](repeating: 0, count: singleMonth ? 0 : people.count)
        for (monthIndex, month) in months.enumerated() {
            try db.forEachRawRow(sql: """
                SELECT member, kept_given_minutes, kept_received_minutes, given_through, partners\(singleMonth ? ", active_before" : "")
                FROM report_member_month WHERE month = ?
                """, arguments: [month]) { row in
                guard let s = people.slot(of: row.int(0)) else { return }
                if singleMonth && row.int(5) != 0 { activeBefore[s] = true }
                let given = row.int(1), received = row.int(2)
                var t = m.slots[s]
                if !t.touched {
                    t.touched = true
                    t.givenBefore = row.int(3) - given
                    if !singleMonth { firstMonth[s] = Int32(truncatingIfNeeded: monthIndex) }
                }
                if given > 0 && people.isOrganisation[s] { organisationsGave.append(people.numbers[s]) }
                t.givenNet += given
                t.receivedNet += received
                t.givenStanding += given
                t.receivedStanding += received
                t.partners += Int32(truncatingIfNeeded: row.int(4))
                m.slots[s] = t
            }
        }
        addReversals(reversals, p, to: &m, firstMonth: firstMonth, people: people)

        // Originals dated in the period and reversed after it stood at its end.
        let late = lateReversals(reversals, p)
        for c in late where p.contains(c.original) {
            guard let g = people.slot(of: c.giver), let r = people.slot(of: c.receiver) else { continue }
            m.slots[g].givenStanding += c.minutes
            m.slots[r].receivedStanding += c.minutes
            if people.isOrganisation[g] { organisationsGave.append(c.giver) }
        }

        if singleMonth {
            tally.retention = try monthRetention(db, p, members: m, activeBefore: activeBefore, people: people, reversals: reversals)
        }
        var pairs = try PairCounts(db, p, late: late, people: people)
        try pairs.correct(db, p, late: late, people: people)
        for (s, change) in pairs.partners.enumerated() where change != 0 { m.slots[s].partners += change }
        tally.connections = pairs.connections
        tally.newConnections = pairs.newConnections
        tally.repeatPairs = pairs.repeats
        tally.members = m
        tally.peopleHelpedByOrganisations = try peopleHelpedByOrganisations(db, p, givers: organisationsGave, people: people)
        (tally.vettedNeedExchanges, tally.vettedNeedHelperVetted) = try vettedNeedExchanges(db, p)
        return tally
    }

    /// Adds to the minutes kept what makes them net: each original dated in the period that was
    /// reversed (on any date), positive, and each reversal dated in it, negative, in the month of
    /// its own date. `given_through` of a member's first month in the period counted those of that
    /// month too, so they come off what the member had given before the period. `firstMonth` is
    /// each member's first month in the period (its index), empty for a single month.
    static func addReversals(_ reversals: [ReportReversal], _ p: ReportPeriod, to m: inout MemberTallies, firstMonth: [Int32],
                             people: ReportPeople) {
        let periodStart = monthNumber(p.first)
        func add(_ minutes: Minutes, giver: Int, receiver: Int, on day: CalendarDate) {
            guard let g = people.slot(of: giver), let r = people.slot(of: receiver) else { return }
            m.slots[g].givenNet += minutes
            m.slots[r].receivedNet += minutes
            let month = monthNumber(day) - periodStart
            if (firstMonth.indices.contains(g) ? Int(firstMonth[g]) : 0) == month { m.slots[g].givenBefore -= minutes }
        }
        for r in reversals {
            if p.contains(r.original) { add(r.minutes, giver: r.giver, receiver: r.receiver, on: r.original) }
            if p.contains(r.reversal) { add(-r.minutes, giver: r.giver, receiver: r.receiver, on: r.reversal) }
        }
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
