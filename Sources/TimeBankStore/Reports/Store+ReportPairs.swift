import GRDB
import TimeBank

/// Connections, new connections, repeat pairs and each member's partners of periods of whole
/// months, from counts kept at write time: each month's connections and repeat pairs
/// (`report_month_pairs`) and each member's partners on their month rows (migration
/// v12e-report-month-partners). A pair that exchanged in several months of a longer period is
/// counted once: its later months note the pair's previous month (v12h-report-pair-recurrence),
/// so only those rows are read, a few hundred in a year, not the 600,000 pair-months of a year at
/// 100,000 members. A pair with an original reversed after the period's end (`late`) is counted
/// again from those originals, and the difference applied.
extension Store {
    struct PairCounts {
        var period: ReportPeriod
        /// The pairs whose count changes, with their originals reversed after the period's end.
        var affected: [MemberPair]
        var lateByPair: [MemberPair: [ReportReversal]]
        /// Each affected pair's originals never reversed dated in the period.
        var keptInAffected: [Int]
        var connections = 0
        var repeats = 0
        var newConnections = 0
        /// What to add, by slot, to the partners summed over the members' month rows.
        var partners: [Int32]

        init(_ db: Database, _ p: ReportPeriod, late: [ReportReversal], people: ReportPeople) throws {
            period = p
            lateByPair = Dictionary(grouping: late, by: \.pair)
            affected = lateByPair.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            partners = [Int32](repeating: 0, count: people.count)
            let first = p.first.monthKey, last = p.last.monthKey
            if let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT coalesce(sum(connections), 0), coalesce(sum(repeats), 0) FROM report_month_pairs WHERE month BETWEEN ? AND ?
                """), arguments: [first, last]) {
                connections = row[0]
                repeats = row[1]
            }
            // A later month of a pair already met in the period: one connection, and one partner
            // for each of the two, counted twice. The pair is one repeat pair, whichever of its
            // months had two originals.
            var recurring: [MemberPair: (firstMonth: String, repeatMonths: Int)] = [:]
            for r in try recurringPairRows(db, firstMonth: first, lastMonth: last) {
                connections -= 1
                if let sa = people.slot(of: r.a) { partners[sa] -= 1 }
                if let sb = people.slot(of: r.b) { partners[sb] -= 1 }
                let pair = MemberPair(r.a, r.b)
                let seen = recurring[pair] ?? (r.prevMonth, 0)
                recurring[pair] = (min(seen.firstMonth, r.prevMonth), seen.repeatMonths + (r.kept >= 2 ? 1 : 0))
            }
            let keptInMonth = try db.cachedStatement(sql: "SELECT kept FROM report_pair_month WHERE month = ? AND a = ? AND b = ?")
            for (pair, seen) in recurring {
                let firstKept = try Int.fetchOne(keptInMonth, arguments: [seen.firstMonth, pair.a, pair.b]) ?? 0
                repeats += 1 - seen.repeatMonths - (firstKept >= 2 ? 1 : 0)
            }
            let keptInPeriod = try db.cachedStatement(sql: """
                SELECT coalesce(sum(kept), 0) FROM report_pair_month INDEXED BY report_pair_month_pair
                WHERE a = ? AND b = ? AND month BETWEEN ? AND ?
                """)
            keptInAffected = try affected.map { pair in
                try Int.fetchOne(keptInPeriod, arguments: [pair.a, pair.b, first, last]) ?? 0
            }
        }

        /// New pairs (first original never reversed in the period, counted by month in
        /// `report_month_new_pairs`), then the
        /// pairs of originals reversed after the period's end counted as they stood at its end.
        mutating func correct(_ db: Database, _ p: ReportPeriod, late: [ReportReversal], people: ReportPeople) throws {
            newConnections = try newPairs(db, firstMonth: p.first.monthKey, lastMonth: p.last.monthKey)
            let pairFirst = try db.cachedStatement(sql: "SELECT first_exchange FROM report_pair_first WHERE a = ? AND b = ?")
            for (i, pair) in affected.enumerated() {
                let originals = lateByPair[pair] ?? []
                let keptIn = keptInAffected[i]
                let standIn = keptIn + originals.filter { p.contains($0.original) }.count
                guard standIn > 0 else { continue }
                let firstKept = try String.fetchOne(pairFirst, arguments: [pair.a, pair.b])
                let keptBefore = firstKept.map { $0 < p.first.iso } ?? false
                let standBefore = keptBefore || originals.contains { $0.original < p.first }
                let counted = keptIn > 0 ? 1 : 0
                connections += 1 - counted
                repeats += (standIn >= 2 ? 1 : 0) - (keptIn >= 2 ? 1 : 0)
                newConnections += (standBefore ? 0 : 1) - (keptIn > 0 && !keptBefore ? 1 : 0)
                if counted == 0 {
                    if let sa = people.slot(of: pair.a) { partners[sa] += 1 }
                    if let sb = people.slot(of: pair.b) { partners[sb] += 1 }
                }
            }
        }
    }

    /// Originals dated on or before the period's end and reversed after it: they stood at its end.
    static func lateReversals(_ reversals: [ReportReversal], _ p: ReportPeriod) -> [ReportReversal] {
        reversals.filter { $0.original <= p.last && $0.reversal > p.last }
    }
}
