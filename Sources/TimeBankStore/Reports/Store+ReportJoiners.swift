import GRDB
import TimeBank

/// New members and their activation: the members who joined in a period, each with their first
/// exchange. A month can have 15,000 joiners at 100,000 members; their first exchanges are read
/// in number order, in one pass when their numbers are close together.
extension Store {
    /// Members who joined in the period, with their first original that still stood when their
    /// 90 days ended: the first never reversed (`report_member_first`), or an earlier one
    /// reversed only after those days, so a later correction never changes a closed month.
    /// In member number order.
    static func reportJoiners(_ db: Database, _ period: ReportPeriod, reversals: [ReportReversal]) throws -> [ReportTally.Joiner] {
        var joined: [(number: Int, joined: CalendarDate)] = []
        try db.forEachRawRow(sql: "SELECT number, joined FROM member INDEXED BY member_joined WHERE joined BETWEEN ? AND ?",
                             arguments: [period.first.iso, period.last.iso]) { row in
            guard let day = row.date(1) else { return }
            joined.append((row.int(0), day))
        }
        guard !joined.isEmpty else { return [] }
        joined.sort { $0.number < $1.number }
        let kept = try firstKeptExchanges(db, ofAscending: joined.map(\.number))
        let numbers = Set(joined.map(\.number))
        var reversedOriginals: [Int: [ReportReversal]] = [:]
        for r in reversals {
            if numbers.contains(r.giver) { reversedOriginals[r.giver, default: []].append(r) }
            if numbers.contains(r.receiver) { reversedOriginals[r.receiver, default: []].append(r) }
        }
        return zip(joined, kept).map { j, kept in
            let windowEnd = j.joined.adding(days: ReportFigures.activationDays)
            var first = kept
            for r in reversedOriginals[j.number] ?? [] where r.original <= windowEnd && r.reversal > windowEnd {
                first = min(first ?? r.original, r.original)
            }
            return ReportTally.Joiner(number: j.number, joined: j.joined, firstExchange: first)
        }
    }

    /// Members whose numbers are on average fewer than this many apart are read in one pass over
    /// the range of their numbers; farther apart, each is looked up. Measured at 100,000 members,
    /// a look-up costs about as much as reading three to five rows of the range in order.
    static let firstExchangeRangeSpread = 4

    /// Whether the first exchanges of `members` (ascending) are read in one pass over the range
    /// of their numbers rather than looked up one by one.
    static func readsFirstExchangesInOnePass(_ members: [Int]) -> Bool {
        guard let low = members.first, let high = members.last else { return false }
        return high - low < members.count * firstExchangeRangeSpread
    }

    /// Each member's first original never reversed (`report_member_first`), nil for none, in the
    /// order of `members` (ascending, no repeats). Members who joined in the same month usually
    /// have consecutive numbers: one pass over the range of their numbers reads them. Numbers far
    /// apart (members brought in by an import, or a month with few joiners) are looked up one by
    /// one instead, in number order, so that each page of the table is read once.
    static func firstKeptExchanges(_ db: Database, ofAscending members: [Int]) throws -> [CalendarDate?] {
        var out = [CalendarDate?](repeating: nil, count: members.count)
        guard let low = members.first, let high = members.last else { return out }
        var i = 0
        // Rows come in member order, as `members` is: one merge.
        func take(_ row: RawRow) {
            let member = row.int(0)
            while i < members.count && members[i] < member { i += 1 }
            if i < members.count && members[i] == member { out[i] = row.date(1) }
        }
        if readsFirstExchangesInOnePass(members) {
            try db.forEachRawRow(sql: "SELECT member, first_exchange FROM report_member_first WHERE member BETWEEN ? AND ?",
                                 arguments: [low, high], take)
        } else {
            let json = "[" + members.map(String.init).joined(separator: ",") + "]"
            try db.forEachRawRow(sql: """
                SELECT f.member, f.first_exchange FROM json_each(?) j CROSS JOIN report_member_first f ON f.member = j.value
                """, arguments: [json], take)
        }
        return out
    }
}
