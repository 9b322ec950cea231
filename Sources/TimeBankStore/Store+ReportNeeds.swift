import GRDB
import TimeBank

extension Store {
    /// The needs and referrals figures of a period: `ReportNeedFigures(needs:period:…)` over every
    /// need opened by the period's end, read through the indexes of migration
    /// v12c-report-need-indexes so that only the period's rows are visited.
    ///
    /// Referral and step moments are timestamps and a figure counts them by their day, so "its day
    /// is in the period" is read as the range `from ≤ moment < next` (the day after the period):
    /// the same rows as `substr(moment, 1, 10) BETWEEN from AND to`, but an index range.
    static func reportNeedFigures(_ db: Database, _ period: ReportPeriod) throws -> ReportNeedFigures {
        let from = period.first.iso, to = period.last.iso, next = period.last.adding(days: 1).iso
        let arguments: StatementArguments = ["from": from, "to": to, "next": next]
        var figures = ReportNeedFigures()

        figures.opened = try Int.fetchOne(db, sql: "SELECT count(*) FROM need WHERE created BETWEEN ? AND ?",
                                          arguments: [from, to]) ?? 0

        // A need's first referral is in the period when one of its referrals was made in it and
        // none before it.
        figures.daysToFirstReferral = try daysSinceOpened(db, sql: """
            SELECT n.created, substr(min(f.created_at), 1, 10)
            FROM referral f INDEXED BY referral_made CROSS JOIN need n ON n.id = f.need
            WHERE f.created_at >= :from AND f.created_at < :next AND n.created <= :to
              AND NOT EXISTS (SELECT 1 FROM referral g WHERE g.need = f.need AND g.created_at < :from)
            GROUP BY f.need
            """, arguments: arguments)

        // A need is met on its first done day: of its done referrals, the earliest day of a 'done'
        // step, or of the referral's last change when it has none. Only needs with a done step or
        // a done referral changed in the period can be met in it; their done day is read whole.
        figures.daysToDone = try daysSinceOpened(db, sql: """
            WITH candidate(need) AS (
                SELECT f.need FROM referral_step s INDEXED BY referral_step_done_at CROSS JOIN referral f ON f.id = s.referral
                WHERE s.status = 'done' AND s.at >= :from AND s.at < :next AND f.status = 'done'
                UNION
                SELECT need FROM referral WHERE status = 'done' AND updated_at >= :from AND updated_at < :next),
            met(opened, done) AS (
                SELECT n.created,
                       (SELECT substr(min(\(doneMoment)), 1, 10) FROM referral f WHERE f.need = n.id AND f.status = 'done')
                FROM candidate c CROSS JOIN need n ON n.id = c.need
                WHERE n.created <= :to)
            SELECT opened, done FROM met WHERE done BETWEEN :from AND :to
            """, arguments: arguments)
        figures.met = figures.daysToDone.count

        // Needs not closed (open or matched) opened more than 30 days before the end, less those
        // of them met by the end.
        let waitingSince = period.last.adding(days: -ReportFigures.needWaitingDays).iso
        let waiting = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM need WHERE status IN ('open', 'matched') AND created < ?
            """, arguments: [waitingSince]) ?? 0
        let waitingButMet = try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT f.need) FROM referral f CROSS JOIN need n ON n.id = f.need
            WHERE f.status = 'done' AND n.status IN ('open', 'matched') AND n.created < :since
              AND \(doneMoment) < :next
            """, arguments: ["since": waitingSince, "next": next]) ?? 0
        figures.openOver30Days = waiting - waitingButMet

        let ended = "SELECT count(*) FROM referral WHERE status = ? AND updated_at >= ? AND updated_at < ?"
        figures.referralsDeclined = try Int.fetchOne(db, sql: ended, arguments: ["declined", from, next]) ?? 0
        figures.referralsCancelled = try Int.fetchOne(db, sql: ended, arguments: ["cancelled", from, next]) ?? 0
        return figures
    }

    /// The moment a done referral `f` was done: its first 'done' step, or its last change when it has none.
    private static let doneMoment = """
        coalesce((SELECT min(s.at) FROM referral_step s WHERE s.referral = f.id AND s.status = 'done'), f.updated_at)
        """

    /// Days from the first column (the day a need was opened) to the second, for each row.
    private static func daysSinceOpened(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Int] {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var days: [Int] = []
        while let row = try rows.next() {
            guard let opened = CalendarDate(iso: row[0] as String), let day = (row[1] as String?).flatMap(CalendarDate.init(iso:)) else { continue }
            days.append(day.days(since: opened))
        }
        return days
    }

    /// Needs opened by the period's end that a figure may count: opened in the period, not closed,
    /// or with a referral moved since it began; each with the first day of a referral and of one done.
    /// The report's facts still read them (`reportFacts`); the needs figures read `reportNeedFigures`.
    static func reportNeeds(_ db: Database, from: String, to: String) throws -> [ReportNeed] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.created, n.status,
                   (SELECT min(substr(f.created_at, 1, 10)) FROM referral f WHERE f.need = n.id) AS first_referral,
                   (SELECT min(coalesce((SELECT min(substr(s.at, 1, 10)) FROM referral_step s
                                         WHERE s.referral = f.id AND s.status = 'done'), substr(f.updated_at, 1, 10)))
                    FROM referral f WHERE f.need = n.id AND f.status = 'done') AS done
            FROM need n
            WHERE n.created <= :to
              AND (n.created >= :from OR n.status <> 'closed'
                   OR EXISTS (SELECT 1 FROM referral f WHERE f.need = n.id AND f.updated_at >= :from))
            """, arguments: ["from": from, "to": to])
        var out: [ReportNeed] = []
        while let row = try rows.next() {
            guard let opened = CalendarDate(iso: String((row["created"] as String).prefix(10))) else { continue }
            out.append(ReportNeed(opened: opened, firstReferral: (row["first_referral"] as String?).flatMap(CalendarDate.init(iso:)),
                                  done: (row["done"] as String?).flatMap(CalendarDate.init(iso:)), closed: (row["status"] as String) == "closed"))
        }
        return out
    }
}
