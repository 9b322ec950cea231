import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13, "Referrals and needs": the needs figures of a period read through indexes
/// (`Store.reportNeedFigures`) are the definition's (`ReportNeedFigures(needs:period:…)`).
@Suite("Report need figures", .serialized)
struct ReportNeedFigureTests {
    /// A time bank with needs and referrals written row by row, around November 2026.
    static func handBuilt() throws -> Fixture {
        let f = try Fixture()
        func need(_ id: Int, _ created: String, _ status: String) -> String {
            "INSERT INTO need (id, member, category, title, status, created) VALUES (\(id), \(f.ann), (SELECT min(id) FROM category), 'Need \(id)', '\(status)', '\(created)');"
        }
        func referral(_ id: Int, need: Int, _ status: String, made: String, changed: String) -> String {
            "INSERT INTO referral (id, need, helper, status, created_at, updated_at, broker) VALUES (\(id), \(need), \(f.bob), '\(status)', '\(made)', '\(changed)', 'alice');"
        }
        func step(_ referral: Int, _ status: String, at: String) -> String {
            "INSERT INTO referral_step (referral, status, at, broker) VALUES (\(referral), '\(status)', '\(at)', 'alice');"
        }
        let sql = [
            // 1: opened in November, nothing yet.
            need(1, "2026-11-05", "open"),
            // 2: opened in September, first referral in November (54 days), never met; a referral
            //    on it cancelled at the last moment of November.
            need(2, "2026-09-10", "matched"),
            referral(21, need: 2, "agreed", made: "2026-11-03T10:00:00.000Z", changed: "2026-11-04T10:00:00.000Z"),
            referral(23, need: 2, "cancelled", made: "2026-11-05T10:00:00.000Z", changed: "2026-11-30T23:59:59.999Z"),
            // 3: first referral in October, a second in November (not its first); a referral
            //    declined at the last moment of October.
            need(3, "2026-10-20", "matched"),
            referral(31, need: 3, "contacted", made: "2026-10-25T09:00:00.000Z", changed: "2026-10-26T09:00:00.000Z"),
            referral(32, need: 3, "proposed", made: "2026-11-10T09:00:00.000Z", changed: "2026-11-10T09:00:00.000Z"),
            referral(34, need: 3, "declined", made: "2026-10-26T09:00:00.000Z", changed: "2026-10-31T23:59:59.999Z"),
            // 4: opened 1 November, first referral 3 days later, done by a step on 20 November
            //    (19 days) though the referral was changed again on the 25th.
            need(4, "2026-11-01", "closed"),
            referral(41, need: 4, "done", made: "2026-11-04T12:00:00.000Z", changed: "2026-11-25T08:00:00.000Z"),
            step(41, "proposed", at: "2026-11-04T12:00:00.000Z"),
            step(41, "done", at: "2026-11-20T15:00:00.000Z"),
            // 5: done without a done step: by the referral's last change, 8 November (38 days).
            need(5, "2026-10-01", "matched"),
            referral(51, need: 5, "done", made: "2026-10-05T12:00:00.000Z", changed: "2026-11-08T09:00:00.000Z"),
            // 6: two done referrals: met once, on the earlier done day, 6 November (22 days).
            need(6, "2026-10-15", "closed"),
            referral(61, need: 6, "done", made: "2026-10-16T12:00:00.000Z", changed: "2026-11-12T12:00:00.000Z"),
            step(61, "done", at: "2026-11-12T12:00:00.000Z"),
            referral(62, need: 6, "done", made: "2026-10-20T12:00:00.000Z", changed: "2026-11-06T12:00:00.000Z"),
            step(62, "done", at: "2026-11-06T12:00:00.000Z"),
            // 7: first done in October, done again in November: met in October only.
            need(7, "2026-09-01", "matched"),
            referral(71, need: 7, "done", made: "2026-09-05T12:00:00.000Z", changed: "2026-10-30T12:00:00.000Z"),
            step(71, "done", at: "2026-10-30T12:00:00.000Z"),
            referral(72, need: 7, "done", made: "2026-10-01T12:00:00.000Z", changed: "2026-11-15T12:00:00.000Z"),
            step(72, "done", at: "2026-11-15T12:00:00.000Z"),
            // 8: opened 10 November, a referral the next day declined on the 12th, another
            //    cancelled at the first moment of December.
            need(8, "2026-11-10", "open"),
            referral(81, need: 8, "declined", made: "2026-11-11T09:00:00.000Z", changed: "2026-11-12T09:00:00.000Z"),
            referral(82, need: 8, "cancelled", made: "2026-11-13T09:00:00.000Z", changed: "2026-12-01T00:00:00.000Z"),
            // 9: closed long ago, never referred.
            need(9, "2026-08-01", "closed"),
            // 10: still open, met after November's end, on 3 December (63 days).
            need(10, "2026-10-01", "open"),
            referral(101, need: 10, "done", made: "2026-10-02T12:00:00.000Z", changed: "2026-12-03T12:00:00.000Z"),
            step(101, "done", at: "2026-12-03T12:00:00.000Z"),
            // 11 and 12: open, opened exactly 30 and 31 days before 30 November.
            need(11, "2026-10-31", "open"),
            need(12, "2026-10-30", "open"),
            // 13: opened after November.
            need(13, "2026-12-01", "open"),
        ].joined(separator: "\n")
        try f.store.write { db in try db.execute(sql: sql) }
        return f
    }

    static func figures(_ f: Fixture, _ p: ReportPeriod) throws -> ReportNeedFigures {
        var figures = try f.store.read { db in try Store.reportNeedFigures(db, p) }
        figures.daysToFirstReferral.sort()
        figures.daysToDone.sort()
        return figures
    }

    @Test("November 2026 of the hand-built needs, counted by hand")
    func november() throws {
        let f = try Self.handBuilt()
        let got = try Self.figures(f, .month(2026, 11)!)
        #expect(got.opened == 3)                         // needs 1, 4, 8
        #expect(got.daysToFirstReferral == [1, 3, 54])   // needs 8, 4, 2
        #expect(got.met == 3)                            // needs 4, 5, 6
        #expect(got.daysToDone == [19, 22, 38])          // needs 4, 6, 5
        #expect(got.openOver30Days == 4)                 // needs 2, 3, 10 (met after the end), 12
        #expect(got.referralsDeclined == 1)              // 81
        #expect(got.referralsCancelled == 1)             // 23
    }

    @Test("December 2026 of the hand-built needs: the need met after November, the late cancellation")
    func december() throws {
        let f = try Self.handBuilt()
        let got = try Self.figures(f, .month(2026, 12)!)
        #expect(got.opened == 1)                         // need 13
        #expect(got.daysToFirstReferral == [])
        #expect(got.met == 1)                            // need 10
        #expect(got.daysToDone == [63])
        #expect(got.openOver30Days == 6)                 // needs 1, 2, 3, 8, 11, 12
        #expect(got.referralsDeclined == 0)
        #expect(got.referralsCancelled == 1)             // 82
    }

    @Test("October 2026 of the hand-built needs: the first of two done referrals, the late declining")
    func october() throws {
        let f = try Self.handBuilt()
        let got = try Self.figures(f, .month(2026, 10)!)
        #expect(got.opened == 6)                         // needs 3, 5, 6, 10, 11, 12
        #expect(got.daysToFirstReferral == [1, 1, 4, 5]) // needs 6, 10, 5, 3
        #expect(got.met == 1)                            // need 7
        #expect(got.daysToDone == [59])
        #expect(got.openOver30Days == 1)                 // need 2 (opened 10 September)
        #expect(got.referralsDeclined == 1)              // 34
        #expect(got.referralsCancelled == 0)
    }

    @Test("Later changes to needs, referrals and steps move the figures, whoever writes them")
    func laterChanges() throws {
        let f = try Self.handBuilt()
        try f.store.write { db in
            try db.execute(sql: """
                UPDATE need SET status = 'closed' WHERE id = 12;
                UPDATE referral SET status = 'done', updated_at = '2026-11-20T10:00:00.000Z' WHERE id = 21;
                INSERT INTO referral_step (referral, status, at, broker) VALUES (21, 'done', '2026-11-20T10:00:00.000Z', 'alice');
                UPDATE referral_step SET at = '2026-11-14T12:00:00.000Z' WHERE referral = 62 AND status = 'done';
                DELETE FROM referral WHERE id = 81;
                DELETE FROM need WHERE id = 1;
                """)
        }
        let got = try Self.figures(f, .month(2026, 11)!)
        #expect(got.opened == 2)                         // needs 4, 8 (1 is gone)
        #expect(got.daysToFirstReferral == [3, 3, 54])   // needs 4, 8 (now by 82), 2
        #expect(got.met == 4)                            // needs 4, 5, 6, and 2 on 20 November
        #expect(got.daysToDone == [19, 28, 38, 71])      // needs 4, 6 (now by 61), 5, 2
        #expect(got.openOver30Days == 2)                 // needs 3, 10 (2 met, 12 closed)
        #expect(got.referralsDeclined == 0)
        #expect(got.referralsCancelled == 1)
    }

    @Test("A time bank that had needs before the figures were kept gets them on opening")
    func backfilledOnOpening() throws {
        let f = try Self.handBuilt()
        // Back to the schema before migration v12c-report-need-facts, needs and referrals kept.
        try f.temp.rawQueue().write { db in
            for trigger in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_need%'") {
                try db.execute(sql: "DROP TRIGGER \(trigger)")
            }
            try db.execute(sql: """
                DROP TABLE report_need; DROP INDEX need_opened;
                DELETE FROM grdb_migrations WHERE identifier = 'v12c-report-need-facts';
                """)
        }
        let store = try Store(path: f.temp.path)
        var got = try store.read { db in try Store.reportNeedFigures(db, .month(2026, 11)!) }
        got.daysToFirstReferral.sort()
        got.daysToDone.sort()
        #expect(got.opened == 3 && got.daysToFirstReferral == [1, 3, 54] && got.daysToDone == [19, 22, 38] && got.openOver30Days == 4)
    }

    @Test("check names a need whose kept days differ from its referrals, and is calm when they agree")
    func checkNamesDamage() throws {
        let f = try Self.handBuilt()
        let damage = "The report's days of need 4 (opened, first referral, met) differ from its referrals."
        #expect(!(try f.store.check()).contains { $0.contains("days of need") })
        try f.temp.rawQueue().write { db in try db.execute(sql: "UPDATE report_need SET done = NULL WHERE need = 4") }
        #expect(try f.store.check().contains(damage))
    }

    /// The definition fed by a plain reading of every need opened by the period's end, with the
    /// first day of its referrals and of its done referrals, written here apart from the store.
    static func reference(_ store: Store, _ p: ReportPeriod) throws -> ReportNeedFigures {
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: """
                WITH first_done_step AS (
                    SELECT referral, min(substr(at, 1, 10)) AS day FROM referral_step WHERE status = 'done' GROUP BY referral),
                referral_done AS (
                    SELECT r.need, min(coalesce(d.day, substr(r.updated_at, 1, 10))) AS day
                    FROM referral r LEFT JOIN first_done_step d ON d.referral = r.id WHERE r.status = 'done' GROUP BY r.need),
                first_referral AS (SELECT need, min(substr(created_at, 1, 10)) AS day FROM referral GROUP BY need)
                SELECT n.created, n.status, fr.day AS first, rd.day AS done FROM need n
                LEFT JOIN first_referral fr ON fr.need = n.id LEFT JOIN referral_done rd ON rd.need = n.id
                WHERE n.created <= ?
                """, arguments: [p.last.iso])
            let needs = rows.compactMap { row in
                CalendarDate(iso: row["created"]).map { opened in ReportNeed(opened: opened, firstReferral: (row["first"] as String?).flatMap(CalendarDate.init(iso:)),
                           done: (row["done"] as String?).flatMap(CalendarDate.init(iso:)), closed: row["status"] == "closed") }
            }
            func ended(_ status: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM referral WHERE status = ? AND substr(updated_at, 1, 10) BETWEEN ? AND ?",
                                 arguments: [status, p.first.iso, p.last.iso]) ?? 0
            }
            var figures = ReportNeedFigures(needs: needs, period: p, referralsDeclined: try ended("declined"), referralsCancelled: try ended("cancelled"))
            figures.daysToFirstReferral.sort()
            figures.daysToDone.sort()
            return figures
        }
    }

    static let periods: [ReportPeriod] = [
        .month(2026, 11)!, .month(2026, 10)!, .month(2026, 6)!, .month(2025, 11)!, .quarter(2026, 3)!, .year(2026)!,
        .financialYear(2025, startMonth: 4)!,
        .range(CalendarDate(year: 2026, month: 3, day: 17)!, CalendarDate(year: 2026, month: 6, day: 9)!)!,
    ]

    @Test("On demo time banks the needs figures equal the definition over a plain reading", arguments: [UInt64(3), 11, 29])
    func demoEqualsDefinition(seed: UInt64) throws {
        let demo = try ReportFigureTests.Demo(seed: seed)
        var counted = ReportNeedFigures()
        for p in Self.periods {
            var got = try demo.store.read { db in try Store.reportNeedFigures(db, p) }
            got.daysToFirstReferral.sort()
            got.daysToDone.sort()
            #expect(got == (try Self.reference(demo.store, p)), "\(p.code), seed \(seed)")
            counted.opened += got.opened
            counted.met += got.met
            counted.openOver30Days += got.openOver30Days
            counted.referralsDeclined += got.referralsDeclined
            counted.referralsCancelled += got.referralsCancelled
            counted.daysToFirstReferral += got.daysToFirstReferral
        }
        // The data must hold what the definitions are about, or the comparison proves little.
        #expect(counted.opened > 0 && counted.met > 0 && counted.openOver30Days > 0 && !counted.daysToFirstReferral.isEmpty)
        #expect(counted.referralsDeclined > 0 && counted.referralsCancelled > 0, "seed \(seed)")
    }
}
