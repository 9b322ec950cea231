import Foundation
import GRDB
import TimeBank

extension Store {
    public func todayFigures(today: CalendarDate = .today()) throws -> TodayFigures {
        try read { db in
            var byStatus: [MemberStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, members AS n FROM member_count WHERE members > 0") {
                if let s = MemberStatus(rawValue: row["status"]) { byStatus[s] = row["n"] }
            }
            func month(_ key: String) throws -> MonthFigures {
                let row = try Row.fetchOne(db, sql: """
                    SELECT coalesce(sum(CASE WHEN with_pot = 0 THEN exchanges END), 0) AS n,
                           coalesce(sum(CASE WHEN with_pot = 0 THEN minutes END), 0) AS m,
                           coalesce(sum(CASE WHEN with_pot = 1 THEN minutes END), 0) AS p
                    FROM month_total WHERE month = ? AND category <> ?
                    """, arguments: [key, Store.openingCategory]) ?? Row()
                return MonthFigures(month: key, exchanges: row["n"], minutes: row["m"], potMinutes: row["p"])
            }
            let settings = try Store.settings(db)
            let followUpBefore = Store.timestamp(Date().addingTimeInterval(-Double(settings.followUpDays) * 86400))
            let pot = try Row.fetchExisting(db, sql: "SELECT given_minutes - received_minutes AS b FROM account WHERE kind = 'pot'",
                                            arguments: [], missing: "The community pot's account is missing; run 'timebank check'.")
            return TodayFigures(
                membersByStatus: byStatus,
                thisMonth: try month(today.monthKey),
                lastMonth: try month(today.startOfPreviousMonth.monthKey),
                potBalanceMinutes: pot["b"],
                openNeeds: try Int.fetchOne(db, sql: "SELECT count(*) FROM need WHERE status = 'open'") ?? 0,
                followUpsDue: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM referral WHERE status IN ('proposed', 'contacted', 'agreed') AND updated_at < ?
                    """, arguments: [followUpBefore]) ?? 0,
                vettingDueSoon: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM vetting v CROSS JOIN member m ON m.number = v.member
                    WHERE m.status IN ('active', 'on-hold', 'pending') AND \(VettingSQL.complete(today: "?")) AND v.next_review <= ?
                    """, arguments: [today.iso, today.adding(days: 30).iso]) ?? 0,
                vettingExpired: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM vetting v CROSS JOIN member m ON m.number = v.member
                    WHERE m.status IN ('active', 'on-hold') AND \(VettingSQL.expired(today: "?"))
                    """, arguments: [today.iso]) ?? 0)
        }
    }

    /// Hours by month and category from the cached totals (a year's report without touching the ledger).
    /// Opening balances brought from another system were not exchanged here: they are left out.
    public func monthTotals(fromMonth: String, toMonth: String) throws -> [(month: String, category: String, withPot: Bool, minutes: Minutes, exchanges: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT month, category, with_pot, minutes, exchanges FROM month_total
                WHERE month >= ? AND month <= ? AND category <> ? ORDER BY month, category, with_pot
                """, arguments: [fromMonth, toMonth, Store.openingCategory]).map {
                ($0["month"], $0["category"], $0["with_pot"], $0["minutes"], $0["exchanges"])
            }
        }
    }
}
