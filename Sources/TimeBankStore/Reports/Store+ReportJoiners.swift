import GRDB
import TimeBank

/// New members and their activation: the members who joined in a period, each with their first
/// exchange. A month can have 15,000 joiners at 100,000 members, their numbers spread over the
/// whole range: their first exchanges are read in one range of `report_member_first` by joining
/// day (migration v12l-report-joiner-firsts), not looked up one by one.
extension Store {
    /// Members who joined in the period, with their first original that still stood when their
    /// 90 days ended: the first never reversed (`report_member_first`), or an earlier one
    /// reversed only after those days, so a later correction never changes a closed month.
    /// In member number order.
    static func reportJoiners(_ db: Database, _ period: ReportPeriod, reversals: [ReportReversal]) throws -> [ReportTally.Joiner] {
        let from = period.first.iso, to = period.last.iso
        var joined: [(number: Int, joined: CalendarDate)] = []
        try db.forEachRawRow(sql: "SELECT number, joined FROM member INDEXED BY member_joined WHERE joined BETWEEN ? AND ?",
                             arguments: [from, to]) { row in
            guard let day = row.date(1) else { return }
            joined.append((row.int(0), day))
        }
        guard !joined.isEmpty else { return [] }
        joined.sort { $0.number < $1.number }
        var kept: [Int: CalendarDate] = [:]
        kept.reserveCapacity(joined.count)
        try db.forEachRawRow(sql: """
            SELECT member, first_exchange FROM report_member_first INDEXED BY report_member_first_joined WHERE joined BETWEEN ? AND ?
            """, arguments: [from, to]) { row in
            if let day = row.date(1) { kept[row.int(0)] = day }
        }
        let numbers = Set(joined.map(\.number))
        var reversedOriginals: [Int: [ReportReversal]] = [:]
        for r in reversals {
            if numbers.contains(r.giver) { reversedOriginals[r.giver, default: []].append(r) }
            if numbers.contains(r.receiver) { reversedOriginals[r.receiver, default: []].append(r) }
        }
        return joined.map { j in
            let windowEnd = j.joined.adding(days: ReportFigures.activationDays)
            var first = kept[j.number]
            for r in reversedOriginals[j.number] ?? [] where r.original <= windowEnd && r.reversal > windowEnd {
                first = min(first ?? r.original, r.original)
            }
            return ReportTally.Joiner(number: j.number, joined: j.joined, firstExchange: first)
        }
    }

    /// Each first exchange's joining day (migration v12l-report-joiner-firsts) against its member's.
    static func reportJoinerFirstProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT f.member, f.joined AS kept, m.joined AS member_joined
            FROM report_member_first f LEFT JOIN member m ON m.number = f.member
            WHERE f.joined IS NOT m.joined
            LIMIT 20
            """).map { row in
            "The report's joining day of member \(row["member"] as Int? ?? 0) (kept \(row["kept"] as String? ?? "none")) "
                + "differs from the member's (\(row["member_joined"] as String? ?? "none"))."
        }
    }
}
