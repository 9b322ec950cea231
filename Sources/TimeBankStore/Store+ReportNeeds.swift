import GRDB
import TimeBank

extension Store {
    /// The needs and referrals figures of a period: `ReportNeedFigures(needs:period:…)` over every
    /// need opened by the period's end, each figure one index range of `report_need` (migration
    /// v12c-report-need-facts, where the days of a need's first referral and of its meeting are kept).
    static func reportNeedFigures(_ db: Database, _ period: ReportPeriod) throws -> ReportNeedFigures {
        let from = period.first.iso, to = period.last.iso
        var figures = ReportNeedFigures()
        figures.opened = try Int.fetchOne(db, sql: "SELECT count(*) FROM need WHERE created BETWEEN ? AND ?",
                                          arguments: [from, to]) ?? 0
        figures.daysToFirstReferral = try daysFromOpening(db, to: "first_referral", in: period)
        figures.daysToDone = try daysFromOpening(db, to: "done", in: period)
        figures.met = figures.daysToDone.count
        figures.openOver30Days = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM report_need WHERE closed = 0 AND opened < ? AND (done IS NULL OR done > ?)
            """, arguments: [period.last.adding(days: -ReportFigures.needWaitingDays).iso, to]) ?? 0

        // A referral's last change is a timestamp: its day is in the period when the timestamp is
        // from the period's first day up to (not including) the next day's, an index range.
        let ended = "SELECT count(*) FROM referral WHERE status = ? AND updated_at >= ? AND updated_at < ?"
        let next = period.last.adding(days: 1).iso
        figures.referralsDeclined = try Int.fetchOne(db, sql: ended, arguments: ["declined", from, next]) ?? 0
        figures.referralsCancelled = try Int.fetchOne(db, sql: ended, arguments: ["cancelled", from, next]) ?? 0
        return figures
    }

    /// For each need opened by the period's end whose day in `column` (first referral, done) is
    /// in the period, the days from its opening to that day.
    private static func daysFromOpening(_ db: Database, to column: String, in period: ReportPeriod) throws -> [Int] {
        var days: [Int] = []
        try db.forEachRawRow(sql: """
            SELECT opened, \(column) FROM report_need
            WHERE \(column) BETWEEN ? AND ? AND opened <= ?
            """, arguments: [period.first.iso, period.last.iso, period.last.iso]) { row in
            if let opened = row.date(0), let reached = row.date(1) { days.append(reached.days(since: opened)) }
        }
        return days
    }
}
