import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13, "needs open longer than 30 days at the period's end", at speed: each day keeps how
/// many needs start waiting on it less how many stop (migration v12n-report-need-waiting), so a
/// period's count is a sum over days, not a step through every open need. A need not closed
/// waits from 31 days after its opening up to the day before it was met.
@Suite("Needs waiting over 30 days, kept by day", .serialized)
struct ReportNeedWaitingTests {
    static func kept(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            var kept: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT day, change FROM report_need_waiting_day") { kept[row["day"]] = row["change"] }
            return kept
        }
    }

    /// The days as the rule gives them, worked out here in Swift from each need's days in
    /// `report_need`: a need not closed starts waiting 31 days after its opening and stops on the
    /// day it was met, unless it was met by its start.
    static func byRule(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            var days: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT opened, closed, done FROM report_need") {
                guard row["closed"] as Int == 0, let opened = CalendarDate(iso: row["opened"]) else { continue }
                let start = opened.adding(days: 31).iso
                let done = row["done"] as String?
                if let done, done <= start { continue }
                days[start, default: 0] += 1
                if let done { days[done, default: 0] -= 1 }
            }
            return days.filter { $0.value != 0 }
        }
    }

    /// The hand-built needs (`ReportNeedFigureTests.handBuilt`), day by day: needs 2, 3, 1, 8, 11,
    /// 12 and 13 wait from their start; 5 and 7 until they were met; 10 until 3 December; 4, 6
    /// and 9 are closed.
    static let handBuiltDays = [
        "2026-10-02": 1, "2026-10-11": 1, "2026-10-30": -1,      // 7 starts, 2 starts, 7 met
        "2026-11-01": 2, "2026-11-08": -1, "2026-11-20": 1,      // 5 and 10 start, 5 met, 3 starts
        "2026-11-30": 1, "2026-12-01": 1, "2026-12-03": -1,      // 12 starts, 11 starts, 10 met
        "2026-12-06": 1, "2026-12-11": 1, "2027-01-01": 1,       // 1, 8 and 13 start
    ]

    @Test("The hand-built needs are kept by day, and the counts of November and December are their sums")
    func handBuilt() throws {
        let f = try ReportNeedFigureTests.handBuilt()
        #expect(try Self.kept(f.store) == Self.handBuiltDays)
        #expect(try ReportNeedFigureTests.figures(f, .month(2026, 11)!).openOver30Days == 4)
        #expect(try ReportNeedFigureTests.figures(f, .month(2026, 12)!).openOver30Days == 6)
    }

    @Test("The days follow meeting, closing, redating, deleting and adding a need, whoever writes")
    func daysFollowWrites() throws {
        let f = try ReportNeedFigureTests.handBuilt()
        try f.store.write { db in
            try db.execute(sql: """
                INSERT INTO referral (id, need, helper, status, created_at, updated_at, broker)
                    VALUES (35, 3, \(f.bob), 'done', '2026-11-21T09:00:00.000Z', '2026-11-25T09:00:00.000Z', 'alice');
                UPDATE need SET status = 'closed' WHERE id = 12;
                UPDATE need SET created = '2026-09-01' WHERE id = 1;
                DELETE FROM need WHERE id = 13;
                INSERT INTO need (id, member, category, title, status, created)
                    VALUES (14, \(f.ann), (SELECT min(id) FROM category), 'Need 14', 'matched', '2026-06-01');
                INSERT INTO referral (id, need, helper, status, created_at, updated_at, broker)
                    VALUES (141, 14, \(f.bob), 'done', '2026-06-02T09:00:00.000Z', '2026-07-02T09:00:00.000Z', 'alice');
                """)
        }
        // 3 met on 25 November; 12 closed; 1 opened on 1 September, so starting on 2 October;
        // 13 gone; 14 met on 2 July, the day it would have started waiting: never waits.
        var expected = Self.handBuiltDays
        expected["2026-11-25"] = -1
        expected["2026-11-30"] = nil
        expected["2026-10-02"] = 2
        expected["2026-12-06"] = nil
        expected["2027-01-01"] = nil
        #expect(try Self.kept(f.store) == expected)
        #expect(try Self.kept(f.store) == (try Self.byRule(f.store)))
        #expect(try ReportNeedFigureTests.figures(f, .month(2026, 11)!).openOver30Days == 3)   // needs 1, 2, 10
        #expect(try f.store.check().filter { $0.contains("waiting") }.isEmpty)

        // Straight to the needs' days, in one statement over many.
        try f.store.write { db in try db.execute(sql: "UPDATE report_need SET closed = 1 WHERE need <> 2") }
        #expect(try Self.kept(f.store) == ["2026-10-11": 1])
        try f.store.write { db in try db.execute(sql: "DELETE FROM report_need") }
        #expect(try Self.kept(f.store) == [:])
    }

    @Test("Demo time banks keep the days the rule gives", arguments: [UInt64(3), 11])
    func demo(seed: UInt64) throws {
        let demo = try ReportFigureTests.Demo(seed: seed)
        let kept = try Self.kept(demo.store), byRule = try Self.byRule(demo.store)
        #expect(!kept.isEmpty && kept == byRule, "seed \(seed)")
    }

    @Test("A time bank that had needs before the days were kept gets them on opening")
    func backfilledOnOpening() throws {
        let f = try ReportNeedFigureTests.handBuilt()
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_need_waiting_day_insert; DROP TRIGGER report_need_waiting_day_delete; DROP TRIGGER report_need_waiting_day_update;
                DROP TABLE report_need_waiting_day;
                DELETE FROM grdb_migrations WHERE identifier = 'v12n-report-need-waiting';
                """)
        }
        let store = try Store(path: f.temp.path)
        #expect(try Self.kept(store) == Self.handBuiltDays)
        #expect(try store.check().filter { $0.contains("waiting") }.isEmpty)
    }

    @Test("check names each day whose kept change differs from the needs, is missing or is extra")
    func checkNamesDamage() throws {
        let f = try ReportNeedFigureTests.handBuilt()
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                UPDATE report_need_waiting_day SET change = 5 WHERE day = '2026-11-01';
                DELETE FROM report_need_waiting_day WHERE day = '2026-11-20';
                INSERT INTO report_need_waiting_day (day, change) VALUES ('2020-01-01', 2);
                """)
        }
        let found = try f.store.check().filter { $0.contains("waiting") }
        #expect(found.contains("The report's change on 2026-11-01 in needs waiting over 30 days (kept 5) differs from the needs (2)."))
        #expect(found.contains("The report's change on 2026-11-20 in needs waiting over 30 days (kept none) differs from the needs (1)."))
        #expect(found.contains("The report's change on 2020-01-01 in needs waiting over 30 days (kept 2) differs from the needs (none)."))
        #expect(found.count == 3)
    }
}
