import GRDB
import TimeBank

extension Store {
    /// The needs and referrals figures of a period: `ReportNeedFigures(needs:period:…)` over every
    /// need opened by the period's end. A period of whole months reads how many needs were opened,
    /// referred and met after how many days from the monthly counts (`report_need_month`,
    /// migration v12g-report-need-months), a few hundred rows a month; any other range, or
    /// `fromDays`, reads each need's days in the period from `report_need` (migration
    /// v12c-report-need-facts), one index range per figure.
    static func reportNeedFigures(_ db: Database, _ period: ReportPeriod, fromDays: Bool = false) throws -> ReportNeedFigures {
        let from = period.first.iso, to = period.last.iso
        var figures = ReportNeedFigures()
        if isWholeMonths(period) && !fromDays {
            try readNeedMonths(db, period, into: &figures)
        } else {
            figures.opened = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM need WHERE created BETWEEN ? AND ?"),
                                              arguments: [from, to]) ?? 0
            figures.daysToFirstReferral = try daysFromOpening(db, to: "first_referral", in: period)
            figures.daysToDone = try daysFromOpening(db, to: "done", in: period)
        }
        figures.met = figures.daysToDone.count
        // The needs waiting at the period's end: the runs of waiting days begun by its last day
        // less those ended by it, summed over the days (`report_need_waiting_day`, migration
        // v12n-report-need-waiting), not counted need by need.
        figures.openOver30Days = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(change), 0) FROM report_need_waiting_day WHERE day <= ?
            """), arguments: [to]) ?? 0

        // A referral's last change is a timestamp: its day is in the period when the timestamp is
        // from the period's first day up to (not including) the next day's, an index range.
        let ended = try db.cachedStatement(sql: "SELECT count(*) FROM referral WHERE status = ? AND updated_at >= ? AND updated_at < ?")
        let next = period.last.adding(days: 1).iso
        figures.referralsDeclined = try Int.fetchOne(ended, arguments: ["declined", from, next]) ?? 0
        figures.referralsCancelled = try Int.fetchOne(ended, arguments: ["cancelled", from, next]) ?? 0
        return figures
    }

    /// Needs opened, and days to first referral and to done, of a period of whole months from the
    /// monthly counts, each count of needs expanded into that many days; then the needs referred
    /// or met in the period before their opening day (not in the counts), read apart.
    private static func readNeedMonths(_ db: Database, _ period: ReportPeriod, into figures: inout ReportNeedFigures) throws {
        try db.forEachRawRow(sql: """
            SELECT CASE kind WHEN 'opened' THEN 0 WHEN 'first_referral' THEN 1 WHEN 'done' THEN 2 ELSE 3 END, days, needs
            FROM report_need_month WHERE month BETWEEN ? AND ?
            """, arguments: [period.first.monthKey, period.last.monthKey]) { row in
            let days = row.int(1), needs = row.int(2)
            switch row.int(0) {
            case 0: figures.opened += needs
            case 1: figures.daysToFirstReferral.append(contentsOf: repeatElement(days, count: max(needs, 0)))
            case 2: figures.daysToDone.append(contentsOf: repeatElement(days, count: max(needs, 0)))
            default: break
            }
        }
        figures.daysToFirstReferral += try daysFromOpening(db, to: "first_referral", in: period, beforeOpening: true)
        figures.daysToDone += try daysFromOpening(db, to: "done", in: period, beforeOpening: true)
    }

    /// For each need opened by the period's end whose day in `column` (first referral, done) is
    /// in the period, the days from its opening to that day; `beforeOpening`, only of the needs
    /// whose day is before their opening (through the partial index of those).
    private static func daysFromOpening(_ db: Database, to column: String, in period: ReportPeriod,
                                        beforeOpening: Bool = false) throws -> [Int] {
        var days: [Int] = []
        try db.forEachRawRow(sql: """
            SELECT \(Schema.needDays("r", column)) FROM report_need r
            WHERE \(beforeOpening ? "\(column) < opened AND" : "") \(column) BETWEEN ? AND ? AND opened <= ?
            """, arguments: [period.first.iso, period.last.iso, period.last.iso]) { row in
            if !row.isNull(0) { days.append(row.int(0)) }
        }
        return days
    }
}
