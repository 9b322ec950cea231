import GRDB
import TimeBank
import Foundation
func TRACE(_ label: String, _ start: inout UInt64) { let now = DispatchTime.now().uptimeNanoseconds; if ProcessInfo.processInfo.environment["REPORT_TRACE"] != nil { FileHandle.standardError.write("\(label) \(Double(now - start) / 1e6)\n".data(using: .utf8)!) }; start = now }

/// A period of whole months read from the monthly aggregates (migrations v12a-report-month-aggregates
/// and v12b-report-engine) instead of from every exchange: one row per member and month, one per
/// pair and month. The aggregates count originals never reversed ("kept"); an original reversed
/// after a period's end still stood at that end, so the few such originals (`report_reversal`)
/// are added back exactly for each period.
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
        var t0 = DispatchTime.now().uptimeNanoseconds

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

        TRACE("categories", &t0)
        // Members: rows come in month order, so a member's first row in the period says what they
        // had given before it (given_through less that month's own).
        var m = tally.members
        var organisationsGave: [Int] = []
        try db.forEachRawRow(sql: """
            SELECT member, given_minutes, received_minutes, kept_given, kept_given_minutes, kept_received,
                   kept_received_minutes, given_through
            FROM report_member_month WHERE month BETWEEN ? AND ?
            """, arguments: [from, to]) { row in
            guard let s = people.slot(of: row.int(0)) else { return }
            let given = row.int(1)
            if !m.touched[s] {
                m.touched[s] = true
                m.givenBefore[s] = row.int(7) - given
            }
            if people.isOrganisation[s] && row.int(3) > 0 { organisationsGave.append(people.numbers[s]) }
            m.givenNet[s] += given
            m.receivedNet[s] += row.int(2)
            m.givenCount[s] += Int32(truncatingIfNeeded: row.int(3))
            m.givenStanding[s] += row.int(4)
            m.receivedCount[s] += Int32(truncatingIfNeeded: row.int(5))
            m.receivedStanding[s] += row.int(6)
        }

        TRACE("members", &t0)
        // Originals dated in the period and reversed after it stood at its end.
        let late = reversals.filter { $0.original <= p.last && $0.reversal > p.last }
        for c in late where p.contains(c.original) {
            guard let g = people.slot(of: c.giver), let r = people.slot(of: c.receiver) else { continue }
            m.givenCount[g] += 1
            m.givenStanding[g] += c.minutes
            m.receivedCount[r] += 1
            m.receivedStanding[r] += c.minutes
            if people.isOrganisation[g] { organisationsGave.append(c.giver) }
        }

        try monthlyPairs(db, p, people: people, late: late, tally: &tally, partners: &m.partners)
        TRACE("pairs", &t0)
        tally.members = m
        tally.peopleHelpedByOrganisations = try peopleHelpedByOrganisations(db, p, givers: organisationsGave, people: people)
        TRACE("orgs", &t0)
        (tally.vettedNeedExchanges, tally.vettedNeedHelperVetted) = try vettedNeedExchanges(db, p)
        TRACE("vetted", &t0)
        return tally
    }

    /// Connections, new connections, repeat pairs and each member's partners. The kept pairs come
    /// from `report_pair_month`; a pair with an original reversed after the period's end is
    /// counted again from those originals, and the difference applied.
    static func monthlyPairs(_ db: Database, _ p: ReportPeriod, people: ReportPeople, late: [ReportReversal],
                             tally: inout ReportTally, partners: inout [Int32]) throws {
        // The pairs whose count changes, in the order rows come (smaller number, then larger).
        let lateByPair = Dictionary(grouping: late, by: \.pair)
        let affected = lateByPair.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        var keptInAffected = [Int](repeating: 0, count: affected.count)
        var next = 0
        var connections = 0, repeats = 0

        func pair(_ a: Int, _ b: Int, kept: Int) {
            connections += 1
            if kept >= 2 { repeats += 1 }
            if let sa = people.slot(of: a) { partners[sa] += 1 }
            if let sb = people.slot(of: b) { partners[sb] += 1 }
            while next < affected.count, (affected[next].a, affected[next].b) < (a, b) { next += 1 }
            if next < affected.count, affected[next].a == a, affected[next].b == b { keptInAffected[next] = kept }
        }

        if p.first.monthKey == p.last.monthKey {
            try db.forEachRawRow(sql: "SELECT a, b, kept FROM report_pair_month WHERE month = ?", arguments: [p.first.monthKey]) { row in
                pair(row.int(0), row.int(1), kept: row.int(2))
            }
        } else {
            // Months of one pair are next to each other in pair order: summed without a table of pairs.
            let first = monthNumber(p.first), last = monthNumber(p.last)
            var current: (a: Int, b: Int)? = nil
            var kept = 0
            try db.forEachRawRow(sql: "SELECT a, b, month, kept FROM report_pair_month INDEXED BY report_pair_month_pair") { row in
                guard let month = row.monthIndex(2), month >= first, month <= last else { return }
                let a = row.int(0), b = row.int(1)
                if let c = current, c.a == a, c.b == b {
                    kept += row.int(3)
                    return
                }
                if let c = current { pair(c.a, c.b, kept: kept) }
                current = (a, b)
                kept = row.int(3)
            }
            if let c = current { pair(c.a, c.b, kept: kept) }
        }

        // New: the pair's first original never reversed is in the period (`report_pair_first`).
        var newPairs = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM report_pair_first INDEXED BY report_pair_first_date WHERE first_exchange BETWEEN ? AND ?
            """, arguments: [p.first.iso, p.last.iso]) ?? 0

        for (i, pairKey) in affected.enumerated() {
            let originals = lateByPair[pairKey] ?? []
            let keptIn = keptInAffected[i]
            let standIn = keptIn + originals.filter { p.contains($0.original) }.count
            guard standIn > 0 else { continue }
            let firstKept = try String.fetchOne(db, sql: "SELECT first_exchange FROM report_pair_first WHERE a = ? AND b = ?",
                                                arguments: [pairKey.a, pairKey.b])
            let keptBefore = firstKept.map { $0 < p.first.iso } ?? false
            let standBefore = keptBefore || originals.contains { $0.original < p.first }
            let counted = keptIn > 0 ? 1 : 0
            connections += 1 - counted
            repeats += (standIn >= 2 ? 1 : 0) - (keptIn >= 2 ? 1 : 0)
            newPairs += (standBefore ? 0 : 1) - (keptIn > 0 && !keptBefore ? 1 : 0)
            if counted == 0 {
                if let sa = people.slot(of: pairKey.a) { partners[sa] += 1 }
                if let sb = people.slot(of: pairKey.b) { partners[sb] += 1 }
            }
        }
        tally.connections = connections
        tally.newConnections = newPairs
        tally.repeatPairs = repeats
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

    /// Originals standing at the period's end made on referrals for needs that asked for a vetted
    /// helper, and of those, the ones whose helper's vetting was complete and in date that day.
    static func vettedNeedExchanges(_ db: Database, _ p: ReportPeriod) throws -> (Int, Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*), coalesce(sum(\(VettingSQL.completeOn(day: "e.date"))), 0)
            FROM report_referral_exchange e INDEXED BY report_referral_exchange_vetted
            LEFT JOIN vetting v INDEXED BY vetting_state ON v.member = e.helper
            WHERE e.needs_vetted = 1 AND e.date BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM report_reversal x WHERE x.original = e.exchange AND x.reversal_date <= ?)
            """, arguments: [p.first.iso, p.last.iso, p.last.iso])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }
}
