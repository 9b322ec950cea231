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
    /// In joining day order, then member number: the order of both indexes, so each first
    /// exchange is matched to its member by walking the two ranges side by side (a kept joining
    /// day that differs from its member's is damage `timebank check` names), with no look-up,
    /// set or sort for each of a busy month's 15,000 joiners. Only reversals made after the
    /// 90 days of someone who joined in the period, of an original made before they ended, can
    /// change a first: those few are looked up by member, often none at all.
    static func reportJoiners(_ db: Database, _ period: ReportPeriod, reversals: [ReportReversal]) throws -> [ReportTally.Joiner] {
        let from = period.first.iso, to = period.last.iso
        var joiners: [ReportTally.Joiner] = []
        var days = RawRowDays()
        try db.forEachRawRow(sql: """
            SELECT number, joined FROM member INDEXED BY member_joined WHERE joined BETWEEN ? AND ? ORDER BY joined, number
            """, arguments: [from, to]) { row in
            guard let day = days.date(row, 1) else { return }
            joiners.append(ReportTally.Joiner(number: row.int(0), joined: day, firstExchange: nil))
        }
        guard !joiners.isEmpty else { return [] }
        var next = 0
        try db.forEachRawRow(sql: """
            SELECT member, joined, first_exchange FROM report_member_first INDEXED BY report_member_first_joined
            WHERE joined BETWEEN ? AND ? ORDER BY joined, member
            """, arguments: [from, to]) { row in
            guard let day = days.date(row, 1) else { return }
            let number = row.int(0)
            while next < joiners.count && (joiners[next].joined, joiners[next].number) < (day, number) { next += 1 }
            guard next < joiners.count, joiners[next].joined == day, joiners[next].number == number else { return }
            joiners[next].firstExchange = row.date(2)
        }
        let days90 = ReportFigures.activationDays
        let firstEnd = period.first.adding(days: days90), lastEnd = period.last.adding(days: days90)
        var late: [Int: [ReportReversal]] = [:]
        for r in reversals where r.original <= lastEnd && r.reversal > firstEnd {
            late[r.giver, default: []].append(r)
            late[r.receiver, default: []].append(r)
        }
        guard !late.isEmpty else { return joiners }
        for k in joiners.indices {
            guard let candidates = late[joiners[k].number] else { continue }
            let windowEnd = joiners[k].joined.adding(days: days90)
            for r in candidates where r.original <= windowEnd && r.reversal > windowEnd {
                joiners[k].firstExchange = min(joiners[k].firstExchange ?? r.original, r.original)
            }
        }
        return joiners
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
