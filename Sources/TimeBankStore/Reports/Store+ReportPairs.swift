import GRDB
import TimeBank

/// Connections, new connections, repeat pairs and each member's partners of periods of whole
/// months. The kept pairs of a single month are counted at write time (`report_month_pairs`, and
/// `partners` on the member rows, migration v12e-report-month-partners); those of longer periods
/// are read from `report_pair_month`. Either way a pair with an original reversed after a
/// period's end (`late`) is counted again from those originals, and the difference applied.
extension Store {
    struct PairScan {
        var period: ReportPeriod
        /// The pairs whose count changes, in the order rows come (smaller number, then larger),
        /// with their originals reversed after the period's end.
        var affected: [MemberPair]
        var lateByPair: [MemberPair: [ReportReversal]]
        var keptInAffected: [Int]
        var next = 0
        var connections = 0
        var repeats = 0
        var newConnections = 0
        var partners: [Int32]

        init(_ p: ReportPeriod, late: [ReportReversal], memberCount: Int) {
            period = p
            lateByPair = Dictionary(grouping: late, by: \.pair)
            affected = lateByPair.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            keptInAffected = [Int](repeating: 0, count: affected.count)
            partners = [Int32](repeating: 0, count: memberCount)
        }

        /// The kept pairs of a single month, from its counts: none of its pair rows is read but
        /// those of the pairs a late reversal affects. Each member's partners are on their month
        /// row, so `partners` holds only what `correct` adds.
        init(month p: ReportPeriod, _ db: Database, late: [ReportReversal], memberCount: Int) throws {
            self.init(p, late: late, memberCount: memberCount)
            let month = p.first.monthKey
            if let row = try Row.fetchOne(db, sql: "SELECT connections, repeats FROM report_month_pairs WHERE month = ?",
                                          arguments: [month]) {
                connections = row[0]
                repeats = row[1]
            }
            let kept = try db.cachedStatement(sql: "SELECT kept FROM report_pair_month WHERE month = ? AND a = ? AND b = ?")
            for (i, pair) in affected.enumerated() {
                keptInAffected[i] = try Int.fetchOne(kept, arguments: [month, pair.a, pair.b]) ?? 0
            }
        }

        /// A pair with `kept` originals never reversed dated in the period.
        mutating func add(_ a: Int, _ b: Int, kept: Int, people: ReportPeople) {
            connections += 1
            if kept >= 2 { repeats += 1 }
            if let sa = people.slot(of: a) { partners[sa] += 1 }
            if let sb = people.slot(of: b) { partners[sb] += 1 }
            while next < affected.count, (affected[next].a, affected[next].b) < (a, b) { next += 1 }
            if next < affected.count, affected[next].a == a, affected[next].b == b { keptInAffected[next] = kept }
        }

        /// New pairs (first original never reversed in the period, counted by month in
        /// `report_month_new_pairs`), then the
        /// pairs of originals reversed after the period's end counted as they stood at its end.
        mutating func correct(_ db: Database, _ p: ReportPeriod, late: [ReportReversal], people: ReportPeople) throws {
            newConnections = try newPairs(db, firstMonth: p.first.monthKey, lastMonth: p.last.monthKey)
            for (i, pair) in affected.enumerated() {
                let originals = lateByPair[pair] ?? []
                let keptIn = keptInAffected[i]
                let standIn = keptIn + originals.filter { p.contains($0.original) }.count
                guard standIn > 0 else { continue }
                let firstKept = try String.fetchOne(db, sql: "SELECT first_exchange FROM report_pair_first WHERE a = ? AND b = ?",
                                                    arguments: [pair.a, pair.b])
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

    /// The kept pairs of periods of several months, in one pass over the pairs in pair order,
    /// where the months of one pair are next to each other and are summed without a table of pairs.
    static func scanPairs(_ db: Database, _ periods: [ReportPeriod], people: ReportPeople, reversals: [ReportReversal]) throws -> [PairScan] {
        var scans = periods.map { p in
            PairScan(p, late: lateReversals(reversals, p), memberCount: people.count)
        }
        guard let low = periods.map(\.first).min(), let high = periods.map(\.last).max() else { return scans }
        let ranges = periods.map { (monthNumber($0.first), monthNumber($0.last)) }
        var current: (a: Int, b: Int)? = nil
        var kept = [Int](repeating: 0, count: periods.count)
        func flush() {
            guard let c = current else { return }
            for i in kept.indices where kept[i] > 0 {
                scans[i].add(c.a, c.b, kept: kept[i], people: people)
                kept[i] = 0
            }
        }
        try db.forEachRawRow(sql: """
            SELECT a, b, month, kept FROM report_pair_month INDEXED BY report_pair_month_pair WHERE month BETWEEN ? AND ?
            """, arguments: [low.monthKey, high.monthKey]) { row in
            guard let month = row.monthIndex(2) else { return }
            let a = row.int(0), b = row.int(1)
            if current?.a != a || current?.b != b {
                flush()
                current = (a, b)
            }
            for i in ranges.indices where ranges[i].0 <= month && month <= ranges[i].1 { kept[i] += row.int(3) }
        }
        flush()
        return scans
    }

    /// Originals dated on or before the period's end and reversed after it: they stood at its end.
    static func lateReversals(_ reversals: [ReportReversal], _ p: ReportPeriod) -> [ReportReversal] {
        reversals.filter { $0.original <= p.last && $0.reversal > p.last }
    }
}
