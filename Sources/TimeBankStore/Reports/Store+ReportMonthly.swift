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

        // Members: only the minutes kept (never reversed) are read, each column read costing
        // about a third of a row's step; what the rows do not say (reversals and originals
        // reversed dated in the period, originals standing at its end and reversed later, partners
        // met in two months) comes from the report's reversals and pairs (`memberCorrections`).
        var organisationsGave: [Int] = []
        for c in late where p.contains(c.original) {
            if let g = people.slot(of: c.giver), people.slot(of: c.receiver) != nil, people.isOrganisation[g] {
                organisationsGave.append(c.giver)
            }
        }
        if from == to {
            var activeBefore = [Bool](repeating: false, count: people.count)
            tally.members = try monthMembers(db, p, people: people, activeBefore: &activeBefore, organisationsGave: &organisationsGave,
                                             corrections: memberCorrections(reversals, p, late: late, partners: pairs.partners,
                                                                            firstMonth: [], people: people))
            tally.retention = try monthRetention(db, p, activeNow: tally.members.active, activeBefore: activeBefore, people: people,
                                                 reversals: reversals)
        } else {
            tally.members = try monthsMembers(db, p, people: people, reversals: reversals, late: late, partners: pairs.partners,
                                              organisationsGave: &organisationsGave)
        }
        tally.peopleHelpedByOrganisations = try peopleHelpedByOrganisations(db, p, givers: organisationsGave, people: people)
        (tally.vettedNeedExchanges, tally.vettedNeedHelperVetted) = try vettedNeedExchanges(db, p)
        return tally
    }

    static func memberRowSQL(activeBefore: Bool) -> String {
        """
        SELECT member, kept_given_minutes, kept_received_minutes, given_through, partners\(activeBefore ? ", active_before" : "")
        FROM report_member_month WHERE month = ?
        """
    }

    /// A single month's members, counted as their rows are read (one row each, in slot order),
    /// with each correction merged in at its member: no record per member is kept.
    static func monthMembers(_ db: Database, _ p: ReportPeriod, people: ReportPeople, activeBefore: inout [Bool],
                             organisationsGave: inout [Int], corrections: [(slot: Int, change: MemberTally)]) throws -> MemberFigures {
        var figures = MemberFigures(people: people)
        var next = corrections.startIndex
        try db.forEachRawRow(sql: memberRowSQL(activeBefore: true), arguments: [p.first.monthKey]) { row in
            guard let s = people.slot(of: row.int(0)) else { return }
            // A correction for a member with no row (aggregates `timebank check` would name) keeps its place.
            while next < corrections.endIndex && corrections[next].slot < s {
                figures.add(corrections[next].slot, corrections[next].change, people: people)
                next += 1
            }
            let given = row.int(1), received = row.int(2)
            var t = MemberTally()
            t.touched = true
            t.givenBefore = row.int(3) - given
            t.givenNet = given
            t.receivedNet = received
            t.givenStanding = given
            t.receivedStanding = received
            t.partners = Int32(truncatingIfNeeded: row.int(4))
            if next < corrections.endIndex && corrections[next].slot == s {
                t.add(corrections[next].change)
                next += 1
            }
            if row.int(5) != 0 { activeBefore[s] = true }
            if given > 0 && people.isOrganisation[s] { organisationsGave.append(people.numbers[s]) }
            figures.add(s, t, people: people)
        }
        for c in corrections[next...] { figures.add(c.slot, c.change, people: people) }
        return figures
    }

    /// The members of a period of several months: a record per member summed over the months'
    /// rows (a member's first row says what they had given before the period), then corrected.
    static func monthsMembers(_ db: Database, _ p: ReportPeriod, people: ReportPeople, reversals: [ReportReversal],
                              late: [ReportReversal], partners: [Int32], organisationsGave: inout [Int]) throws -> MemberFigures {
        var m = MemberTallies(count: people.count)
        var firstMonth = [Int32](repeating: 0, count: people.count)
        for (monthIndex, month) in p.monthKeys.enumerated() {
            try db.forEachRawRow(sql: memberRowSQL(activeBefore: false), arguments: [month]) { row in
                guard let s = people.slot(of: row.int(0)) else { return }
                let given = row.int(1), received = row.int(2)
                var t = m.slots[s]
                if !t.touched {
                    t.touched = true
                    t.givenBefore = row.int(3) - given
                    firstMonth[s] = Int32(truncatingIfNeeded: monthIndex)
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
        for c in memberCorrections(reversals, p, late: late, partners: partners, firstMonth: firstMonth, people: people) {
            m.slots[c.slot].add(c.change)
        }
        return MemberFigures(people: people, tallies: m)
    }

    /// What the member rows of a period of whole months do not say, by slot in order, as changes
    /// to add: net minutes are the minutes kept plus each original dated in the period that was
    /// reversed (on any date) and less each reversal dated in it, in the month of its own date
    /// (`given_through` of a member's first month in the period counted that month's, so they
    /// come off what the member had given before it); originals dated in the period and reversed
    /// after it stood at its end; and `PairCounts`' partners. `firstMonth` is each member's first
    /// month in the period (its index), empty for a single month.
    static func memberCorrections(_ reversals: [ReportReversal], _ p: ReportPeriod, late: [ReportReversal], partners: [Int32],
                                  firstMonth: [Int32], people: ReportPeople) -> [(slot: Int, change: MemberTally)] {
        var changes: [Int: MemberTally] = [:]
        let periodStart = monthNumber(p.first)
        func net(_ minutes: Minutes, giver: Int, receiver: Int, on day: CalendarDate) {
            guard let g = people.slot(of: giver), let r = people.slot(of: receiver) else { return }
            changes[g, default: MemberTally()].givenNet += minutes
            changes[r, default: MemberTally()].receivedNet += minutes
            let month = monthNumber(day) - periodStart
            if (firstMonth.indices.contains(g) ? Int(firstMonth[g]) : 0) == month { changes[g, default: MemberTally()].givenBefore -= minutes }
        }
        for r in reversals {
            if p.contains(r.original) { net(r.minutes, giver: r.giver, receiver: r.receiver, on: r.original) }
            if p.contains(r.reversal) { net(-r.minutes, giver: r.giver, receiver: r.receiver, on: r.reversal) }
        }
        for c in late where p.contains(c.original) {
            guard let g = people.slot(of: c.giver), let r = people.slot(of: c.receiver) else { continue }
            changes[g, default: MemberTally()].givenStanding += c.minutes
            changes[r, default: MemberTally()].receivedStanding += c.minutes
        }
        for (s, change) in partners.enumerated() where change != 0 { changes[s, default: MemberTally()].partners += change }
        return changes.sorted { $0.key < $1.key }.map { (slot: $0.key, change: $0.value) }
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
