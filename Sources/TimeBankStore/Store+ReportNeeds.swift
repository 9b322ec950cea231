import GRDB
import TimeBank

extension Store {
    /// The needs and referrals figures of a period.
    static func reportNeedFigures(_ db: Database, _ period: ReportPeriod) throws -> ReportNeedFigures {
        let from = period.first.iso, to = period.last.iso
        let declined = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referral WHERE status = 'declined' AND substr(updated_at, 1, 10) BETWEEN ? AND ?
            """, arguments: [from, to]) ?? 0
        let cancelled = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM referral WHERE status = 'cancelled' AND substr(updated_at, 1, 10) BETWEEN ? AND ?
            """, arguments: [from, to]) ?? 0
        return ReportNeedFigures(needs: try reportNeeds(db, from: from, to: to), period: period,
                                 referralsDeclined: declined, referralsCancelled: cancelled)
    }

    /// Needs opened by the period's end that a figure may count: opened in the period, not closed,
    /// or with a referral moved since it began; each with the first day of a referral and of one done.
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
