import GRDB
import TimeBank

/// Retention of a single month from the month aggregates (migration v12j-report-month-active),
/// without reading the month before: how many members were active in it (`report_month_active`),
/// and, on this month's own rows, whether each was (`active_before`). Both count originals never
/// reversed; originals of the month before that were reversed only after its end still stood at
/// its end, so their members are added back exactly.
extension Store {
    /// `activeBefore` is, by slot, the `active_before` of this month's rows; `activeNow` who is active in the month.
    static func monthRetention(_ db: Database, _ p: ReportPeriod, activeNow: [Bool], activeBefore: [Bool], people: ReportPeople,
                               reversals: [ReportReversal]) throws -> ReportRetention? {
        guard let previous = p.previous else { return nil }
        let month = previous.first.monthKey
        var before = try Int.fetchOne(db.cachedStatement(sql: "SELECT members FROM report_month_active WHERE month = ?"),
                                      arguments: [month]) ?? 0
        // Members of originals of the month before that stood at its end but were reversed later.
        var standing = Set<Int>()
        for r in reversals where previous.contains(r.original) && r.reversal > previous.last {
            standing.insert(r.giver)
            standing.insert(r.receiver)
        }
        var standingSlots = Set<Int>()
        // A member whose row this month says they were active the month before is counted in
        // `before` already; only the others are looked up, with one statement prepared once.
        let keptBefore = try db.cachedStatement(sql: """
            SELECT kept_given + kept_received > 0 FROM report_member_month WHERE month = ? AND member = ?
            """)
        for number in standing {
            guard let s = people.slot(of: number) else { continue }
            standingSlots.insert(s)
            if s < activeBefore.count && activeBefore[s] { continue }
            let counted = try Bool.fetchOne(keptBefore, arguments: [month, number]) ?? false
            if !counted { before += 1 }
        }
        var retained = 0
        for s in activeNow.indices where activeNow[s] && s < activeBefore.count && activeBefore[s] { retained += 1 }
        for s in standingSlots where s < activeBefore.count && !activeBefore[s] && activeNow.indices.contains(s) && activeNow[s] { retained += 1 }
        return ReportRetention(before: before, retained: retained)
    }
}
