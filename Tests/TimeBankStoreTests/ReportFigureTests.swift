import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Every report figure against a reference written here in plain SQL over the raw ledger,
/// never calling the report code, on demo time banks of several seeds. Demo data has
/// reversals (some dated in a later month than their original), pot entries, group activities,
/// organisations and members who left.
@Suite("Report figures equal independent computations", .serialized)
struct ReportFigureTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    final class Demo: @unchecked Sendable {
        let temp = TempDatabase()
        let store: Store
        let broker: Broker
        init(seed: UInt64, members: Int = 260) throws {
            store = try Store(path: temp.path)
            broker = try store.signIn(username: "tester", displayName: "Test Broker")
            _ = try store.populateDemo(DemoOptions(members: members, seed: seed, today: ReportFigureTests.today), by: broker)
            // Corrections dated in the month after their original, so periods split an original from its reversal.
            let late = try store.read { db in
                try String.fetchAll(db, sql: """
                    SELECT e.id FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                    WHERE e.reverses IS NULL AND g.kind = 'member' AND r.kind = 'member' AND substr(e.date, 9, 2) >= '25'
                      AND e.date < '2026-10-01' AND NOT EXISTS (SELECT 1 FROM exchange x WHERE x.reverses = e.id)
                    ORDER BY e.seq LIMIT 6
                    """)
            }
            for (i, id) in late.enumerated() {
                guard let uuid = UUID(uuidString: id), let original = try store.exchange(id: uuid) else { continue }
                _ = try store.reverse(uuid, reason: "wrong member", date: original.date.adding(days: 8 + i * 20), by: broker)
            }
        }
    }

    /// The period's originals between members that still stood at its end, as a SQL fragment
    /// (`:from`, `:to`), giver and receiver as member numbers.
    static let standing = """
        SELECT e.id, e.date, g.member AS gm, r.member AS rm, e.minutes FROM exchange e
        JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
        WHERE g.kind = 'member' AND r.kind = 'member' AND e.reverses IS NULL AND e.date BETWEEN :from AND :to
          AND e.id NOT IN (SELECT reverses FROM exchange WHERE reverses IS NOT NULL AND date <= :to)
        """

    /// Every entry between members in the period in the original's direction, reversals negative.
    static let signed = """
        SELECT e.date, e.category,
               CASE WHEN e.reverses IS NULL THEN g.member ELSE r.member END AS gm,
               CASE WHEN e.reverses IS NULL THEN r.member ELSE g.member END AS rm,
               CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END AS minutes,
               CASE WHEN e.reverses IS NULL THEN 1 ELSE -1 END AS n
        FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
        WHERE g.kind = 'member' AND r.kind = 'member' AND e.date BETWEEN :from AND :to
        """

    static func reference(_ store: Store, _ p: ReportPeriod) throws -> [String: Double?] {
        try store.read { db in
            let args: StatementArguments = ["from": p.first.iso, "to": p.last.iso]
            func one(_ sql: String, _ a: StatementArguments? = nil) throws -> Double? {
                try Double.fetchOne(db, sql: sql, arguments: a ?? args)
            }
            var out: [String: Double?] = [:]
            out["exchanges"] = try one("SELECT coalesce(sum(n), 0) FROM (\(signed))")
            out["minutes_exchanged"] = try one("SELECT coalesce(sum(minutes), 0) FROM (\(signed))")
            out["active_members"] = try one("SELECT count(*) FROM (SELECT gm FROM (\(standing)) UNION SELECT rm FROM (\(standing)))")
            out["givers"] = try one("SELECT count(DISTINCT gm) FROM (\(standing))")
            out["receivers"] = try one("SELECT count(DISTINCT rm) FROM (\(standing))")
            let both = try one("SELECT count(DISTINCT gm) FROM (\(standing)) WHERE gm IN (SELECT rm FROM (\(standing)))") ?? 0
            let active = out["active_members"]!! 
            out["gave_and_received"] = both
            out["reciprocity_rate"] = active == 0 ? nil : both / active
            out["reciprocity_balance"] = try one("""
                WITH s AS (\(standing)),
                     m AS (SELECT gm AS member FROM s UNION SELECT rm FROM s),
                     t AS (SELECT m.member, coalesce((SELECT sum(minutes) FROM s WHERE gm = m.member), 0) * 1.0 AS g,
                                  coalesce((SELECT sum(minutes) FROM s WHERE rm = m.member), 0) * 1.0 AS r FROM m)
                SELECT 1 - avg(abs(g - r) / (g + r)) FROM t
                """)
            out["new_members"] = try one("SELECT count(*) FROM member WHERE joined BETWEEN :from AND :to")
            let pairs = "SELECT min(gm, rm) AS a, max(gm, rm) AS b, count(*) AS n FROM (\(standing)) GROUP BY 1, 2"
            out["connections"] = try one("SELECT count(*) FROM (\(pairs))")
            out["repeat_pairs"] = try one("SELECT count(*) FROM (\(pairs)) WHERE n >= 2")
            out["new_connections"] = try one("""
                SELECT count(*) FROM (\(pairs)) p WHERE NOT EXISTS (
                    SELECT 1 FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                    WHERE e.reverses IS NULL AND e.date < :from
                      AND ((g.member = p.a AND r.member = p.b) OR (g.member = p.b AND r.member = p.a))
                      AND e.id NOT IN (SELECT reverses FROM exchange WHERE reverses IS NOT NULL AND date <= :to))
                """)
            out["pot_granted_minutes"] = try one("""
                SELECT coalesce(sum(CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END), 0)
                FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                WHERE e.date BETWEEN :from AND :to
                  AND ((e.reverses IS NULL AND r.kind = 'pot') OR (e.reverses IS NOT NULL AND g.kind = 'pot'))
                """)
            out["pot_donated_minutes"] = try one("""
                SELECT coalesce(sum(CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END), 0)
                FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                WHERE e.date BETWEEN :from AND :to
                  AND ((e.reverses IS NULL AND g.kind = 'pot') OR (e.reverses IS NOT NULL AND r.kind = 'pot'))
                """)
            let service = "('gp-or-social-prescriber', 'council-or-social-services', 'housing', 'charity-or-group')"
            out["minutes_given_by_came_through_service"] = try one("""
                SELECT coalesce(sum(s.minutes), 0) FROM (\(signed)) s JOIN member m ON m.number = s.gm WHERE m.came_through IN \(service)
                """)
            out["minutes_received_by_came_through_service"] = try one("""
                SELECT coalesce(sum(s.minutes), 0) FROM (\(signed)) s JOIN member m ON m.number = s.rm WHERE m.came_through IN \(service)
                """)
            out["organisation_minutes_given"] = try one("""
                SELECT coalesce(sum(s.minutes), 0) FROM (\(signed)) s JOIN member m ON m.number = s.gm WHERE m.kind = 'organisation'
                """)
            out["needs_opened"] = try one("SELECT count(*) FROM need WHERE created BETWEEN :from AND :to")
            // The day a need was met: the first day any of its referrals reached done.
            let doneDay = """
                (SELECT min(coalesce((SELECT min(substr(s.at, 1, 10)) FROM referral_step s WHERE s.referral = f.id AND s.status = 'done'),
                                     substr(f.updated_at, 1, 10)))
                 FROM referral f WHERE f.need = n.id AND f.status = 'done')
                """
            out["needs_met"] = try one("SELECT count(*) FROM need n WHERE \(doneDay) BETWEEN :from AND :to")
            out["needs_open_over_30_days"] = try one("""
                SELECT count(*) FROM need n WHERE n.created < date(:to, '-30 days') AND n.status <> 'closed'
                  AND coalesce(\(doneDay) > :to, 1)
                """)
            out["referrals_declined"] = try one("SELECT count(*) FROM referral WHERE status = 'declined' AND substr(updated_at, 1, 10) BETWEEN :from AND :to")
            out["referrals_cancelled"] = try one("SELECT count(*) FROM referral WHERE status = 'cancelled' AND substr(updated_at, 1, 10) BETWEEN :from AND :to")
            out["vetted_need_exchanges"] = try one("""
                SELECT count(*) FROM (\(standing)) s JOIN exchange e ON e.id = s.id JOIN referral f ON f.id = e.referral
                JOIN need n ON n.id = f.need WHERE n.needs_vetted_helper = 1
                """)
            out["people_helped_by_organisations"] = try one("""
                SELECT count(DISTINCT s.rm) FROM (\(standing)) s JOIN member g ON g.number = s.gm JOIN member r ON r.number = s.rm
                WHERE g.kind = 'organisation' AND r.kind = 'person'
                """)
            if let before = p.previous {
                let a2: StatementArguments = ["from": p.first.iso, "to": p.last.iso, "pfrom": before.first.iso, "pto": before.last.iso]
                let prevStanding = standing.replacingOccurrences(of: ":from", with: ":pfrom").replacingOccurrences(of: ":to", with: ":pto")
                let prev = try one("SELECT count(*) FROM (SELECT gm FROM (\(prevStanding)) UNION SELECT rm FROM (\(prevStanding)))", a2) ?? 0
                let kept = try one("""
                    SELECT count(*) FROM (SELECT gm AS m FROM (\(prevStanding)) UNION SELECT rm FROM (\(prevStanding))) p
                    WHERE p.m IN (SELECT gm FROM (\(standing)) UNION SELECT rm FROM (\(standing)))
                    """, a2) ?? 0
                out["retention_rate"] = prev == 0 ? nil : kept / prev
            }
            return out
        }
    }

    static func breakdownReference(_ store: Store, _ p: ReportPeriod, by column: String) throws -> [String: (Double, Double)] {
        try store.read { db in
            var out: [String: (Double, Double)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(column) AS k, sum(minutes) AS m, sum(n) AS n FROM (\(signed)) GROUP BY 1",
                                        arguments: ["from": p.first.iso, "to": p.last.iso]) {
                let k: String = row["k"] ?? ""
                out[k.isEmpty ? "(none)" : k] = (row["m"], row["n"])
            }
            return out
        }
    }

    static let periods: [ReportPeriod] = [
        .month(2026, 9)!, .month(2026, 4)!, .quarter(2026, 2)!, .year(2026)!, .financialYear(2025, startMonth: 4)!,
        .range(CalendarDate(year: 2026, month: 3, day: 17)!, CalendarDate(year: 2026, month: 6, day: 9)!)!,
    ]

    @Test(arguments: [UInt64(3), 11, 29])
    func headlineFiguresEqualPlainSQL(seed: UInt64) throws {
        let demo = try Demo(seed: seed)
        // The data must hold what the definitions are about, or the comparison proves little.
        let crossing = try demo.store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM exchange x JOIN exchange o ON o.id = x.reverses WHERE substr(x.date, 1, 7) <> substr(o.date, 1, 7)
                """) ?? 0
        }
        #expect(crossing > 0, "no reversal crosses a month boundary in seed \(seed)")
        for p in Self.periods {
            let report = try demo.store.report(p, today: Self.today)
            let expected = try Self.reference(demo.store, p)
            for (figure, value) in expected {
                let actual = report.current.value(figure)?.number
                if let value {
                    #expect(actual.map { abs($0 - value) < 1e-9 } == true, "\(figure) in \(p.code), seed \(seed): \(String(describing: actual)) ≠ \(value)")
                } else {
                    #expect(actual == nil, "\(figure) in \(p.code), seed \(seed): expected none")
                }
            }
            for (section, column) in [(ReportSection.byMonth, "substr(date, 1, 7)"), (.byCategory, "category")] {
                let ref = try Self.breakdownReference(demo.store, p, by: column)
                for (key, t) in ref {
                    #expect(report.current.value("minutes_exchanged", section: section, breakdown: key)?.number == t.0, "\(section) \(key) minutes")
                    #expect(report.current.value("exchanges", section: section, breakdown: key)?.number == t.1, "\(section) \(key) exchanges")
                }
                let shown = report.current.rows.filter { $0.section == section && $0.figure == "exchanges" && $0.value.number != 0 }.count
                #expect(shown == ref.values.filter { $0.1 != 0 }.count, "\(section) has groups the ledger does not")
            }
        }
    }

    @Test func milestonesCountMembersWhoseLifetimeGivingCrossedThemInThePeriod() throws {
        let demo = try Demo(seed: 5, members: 200)
        let p = ReportPeriod.quarter(2026, 3)!
        let report = try demo.store.report(p, today: Self.today)
        let crossings = try demo.store.read { db in
            try Row.fetchAll(db, sql: """
                WITH s AS (SELECT CASE WHEN e.reverses IS NULL THEN g.member ELSE r.member END AS m,
                                  CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END AS minutes, e.date
                           FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                           WHERE g.kind = 'member' AND r.kind = 'member'),
                     t AS (SELECT m, sum(CASE WHEN date < ? THEN minutes ELSE 0 END) AS before,
                                  sum(CASE WHEN date <= ? THEN minutes ELSE 0 END) AS after FROM s GROUP BY m)
                SELECT h.hours, (SELECT count(*) FROM t WHERE before < h.hours * 60 AND after >= h.hours * 60) AS n
                FROM (SELECT 10 AS hours UNION SELECT 25 UNION SELECT 50 UNION SELECT 100 UNION SELECT 250) h
                """, arguments: [p.first.iso, p.last.iso])
        }
        var total = 0
        for row in crossings {
            let hours: Int = row["hours"], n: Int = row["n"]
            total += n
            #expect(report.current.value("milestone_members", breakdown: "\(hours)h") == .people(n))
        }
        #expect(total > 0, "the demo should have someone passing a milestone in a quarter")
        let consenting = try demo.store.read { db in
            try Set(Int.fetchAll(db, sql: "SELECT number FROM member WHERE consent_share = 1"))
        }
        #expect(report.current.namedMilestones.allSatisfy { consenting.contains($0.number) })
    }

    @Test func aClosedMonthsReportNeverChanges() throws {
        let demo = try Demo(seed: 17, members: 150)
        let month = ReportPeriod.month(2026, 6)!
        try demo.store.closeMonth("2026-06", by: demo.broker, today: Self.today)
        func all() throws -> [String] {
            let r = try demo.store.report(month, today: Self.today)
            return ReportDocument.Format.allCases.map { ReportDocument.render(r, format: $0) }
        }
        let before = try all()
        // Later work: new exchanges in an open month, and a reversal of a June exchange dated now.
        let june = try demo.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, g.member AS gm, r.member AS rm FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                WHERE e.date LIKE '2026-06-%' AND e.reverses IS NULL AND g.kind = 'member' AND r.kind = 'member'
                  AND NOT EXISTS (SELECT 1 FROM exchange x WHERE x.reverses = e.id) LIMIT 3
                """)
        }
        try #require(june.count == 3)
        let reversed = try #require(UUID(uuidString: june[0]["id"]))
        _ = try demo.store.reverse(reversed, reason: "entered twice", date: CalendarDate(year: 2026, month: 11, day: 2)!, by: demo.broker)
        for row in june.dropFirst() {
            _ = try demo.store.record(ExchangeRequest(date: CalendarDate(year: 2026, month: 11, day: 3)!, giver: .member(row["gm"]),
                                                      receiver: .member(row["rm"]), minutes: 90), by: demo.broker, acceptCreditLimit: true)
        }
        #expect(try all() == before)
        // The reversal shows, negative, in the month of its own date.
        let november = try demo.store.report(.month(2026, 11)!, today: Self.today)
        let reference = try Self.reference(demo.store, .month(2026, 11)!)
        #expect(november.current.value("minutes_exchanged")?.number == reference["minutes_exchanged"] ?? nil)
    }

    @Test func emptyTimeBankNoExchangesAndTheFutureAreCalm() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        for p in [ReportPeriod.month(2026, 11)!, .year(2031)!, .financialYear(2040, startMonth: 4)!] {
            let r = try store.report(p, today: Self.today)
            #expect(r.current.value("exchanges") == .count(0))
            #expect(r.current.value("minutes_exchanged") == .minutes(0))
            #expect(r.current.value("reciprocity_rate") == .rate(nil))
            #expect(r.current.value("retention_rate") == .rate(nil))
            #expect(r.current.value("median_partners") == .measure(nil))
            for format in ReportDocument.Format.allCases {
                let text = ReportDocument.render(r, format: format)
                #expect(!text.contains("nan%") && !text.contains("NaN") && !text.contains(" nan") && !text.contains("inf%"), "\(format)")
            }
            let csv = ReportDocument.csv(r)
            #expect(csv.hasPrefix("section,figure,breakdown,value,previous,year_before\nheadline,exchanges,,0,0,0\n"))
        }
    }
}
