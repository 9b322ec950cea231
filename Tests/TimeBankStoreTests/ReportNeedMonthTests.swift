import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13, "Referrals and needs", at speed: a period of whole months reads its needs figures
/// from monthly counts (`report_need_month`), any other range from each need's days. Both must
/// give today's figures, and the counts must follow every write to a need or a referral.
@Suite("Report need figures of whole months", .serialized)
struct ReportNeedMonthTests {
    static func sorted(_ f: ReportNeedFigures) -> ReportNeedFigures {
        var f = f
        f.daysToFirstReferral.sort()
        f.daysToDone.sort()
        return f
    }

    static func figures(_ store: Store, _ p: ReportPeriod, fromDays: Bool) throws -> ReportNeedFigures {
        sorted(try store.read { db in try Store.reportNeedFigures(db, p, fromDays: fromDays) })
    }

    /// The monthly counts as they should be, counted here in Swift from each need's days in
    /// `report_need`: opened in the month of its opening; first referred and met in the month of
    /// that day, by the days since opening, when that day is not before the opening.
    static func countedFromNeeds(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT opened, first_referral, done FROM report_need") {
                let opened = try #require(CalendarDate(iso: row["opened"]))
                counts["\(opened.monthKey) opened 0", default: 0] += 1
                for kind in ["first_referral", "done"] {
                    guard let d = (row[kind] as String?).flatMap(CalendarDate.init(iso:)), d >= opened else { continue }
                    counts["\(d.monthKey) \(kind) \(d.days(since: opened))", default: 0] += 1
                }
            }
            return counts
        }
    }

    static func kept(_ store: Store) throws -> [String: Int] {
        try store.read { db in
            var kept: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT month, kind, days, needs FROM report_need_month") {
                kept["\(row["month"] as String) \(row["kind"] as String) \(row["days"] as Int)"] = row["needs"]
            }
            return kept
        }
    }

    static func expectKeptEqualsCounted(_ store: Store, _ after: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try Self.kept(store), counted = try Self.countedFromNeeds(store)
        #expect(kept == counted, "after \(after)", sourceLocation: sourceLocation)
    }

    static let wholeMonths: [ReportPeriod] = (1...12).compactMap { ReportPeriod.month(2025, $0) }
        + (1...12).compactMap { ReportPeriod.month(2026, $0) }
        + (1...4).compactMap { ReportPeriod.quarter(2026, $0) } + [.quarter(2025, 4)!]
        + [.year(2025)!, .year(2026)!, .financialYear(2025, startMonth: 4)!, .financialYear(2026, startMonth: 1)!]

    @Test("Whole months, quarters, years and financial years give the day-range figures on demo time banks", arguments: [UInt64(3), 11])
    func wholeMonthsEqualDays(seed: UInt64) throws {
        let demo = try ReportFigureTests.Demo(seed: seed)
        var seen = ReportNeedFigures()
        for p in Self.wholeMonths {
            let months = try Self.figures(demo.store, p, fromDays: false)
            #expect(months == (try Self.figures(demo.store, p, fromDays: true)), "\(p.code), seed \(seed)")
            seen.opened += months.opened
            seen.daysToFirstReferral += months.daysToFirstReferral
            seen.daysToDone += months.daysToDone
        }
        #expect(seen.opened > 0 && !seen.daysToFirstReferral.isEmpty && !seen.daysToDone.isEmpty, "seed \(seed)")
        try Self.expectKeptEqualsCounted(demo.store, "the demo, seed \(seed)")
    }

    /// Needs whose first referral or done day comes before the day they were opened (a need
    /// entered late, or its date corrected), written row by row.
    static func referredBeforeOpened() throws -> Fixture {
        let f = try ReportNeedFigureTests.handBuilt()
        try f.store.write { db in
            try db.execute(sql: """
                INSERT INTO need (id, member, category, title, status, created) VALUES
                    (20, \(f.ann), (SELECT min(id) FROM category), 'Need 20', 'matched', '2026-11-20'),
                    (21, \(f.ann), (SELECT min(id) FROM category), 'Need 21', 'matched', '2026-12-05');
                INSERT INTO referral (id, need, helper, status, created_at, updated_at, broker) VALUES
                    (201, 20, \(f.bob), 'done', '2026-11-10T09:00:00.000Z', '2026-11-18T09:00:00.000Z', 'alice'),
                    (211, 21, \(f.bob), 'done', '2026-11-25T09:00:00.000Z', '2026-12-10T09:00:00.000Z', 'alice');
                """)
        }
        return f
    }

    @Test("A need referred or met before it was opened counts with negative days, as the definition says")
    func beforeOpening() throws {
        let f = try Self.referredBeforeOpened()
        // Need 20: opened 20 November, first referral 10 November (-10 days), met 18 November (-2).
        // Need 21: opened 5 December, first referral 25 November (-10), met 10 December (5).
        let november = try Self.figures(f.store, .month(2026, 11)!, fromDays: false)
        #expect(november.opened == 4)                               // needs 1, 4, 8, 20
        #expect(november.daysToFirstReferral == [-10, 1, 3, 54])   // 21 is opened after November
        #expect(november.met == 4)
        #expect(november.daysToDone == [-2, 19, 22, 38])
        let december = try Self.figures(f.store, .month(2026, 12)!, fromDays: false)
        #expect(december.opened == 2 && december.daysToFirstReferral == [] && december.daysToDone == [5, 63])
        let q4 = try Self.figures(f.store, .quarter(2026, 4)!, fromDays: false)
        #expect(q4.daysToFirstReferral == [-10, -10, 1, 1, 1, 3, 4, 5, 54])
        #expect(q4.daysToDone == [-2, 5, 19, 22, 38, 59, 63])
        for p in [ReportPeriod.month(2026, 11)!, .month(2026, 12)!, .quarter(2026, 4)!, .year(2026)!] {
            #expect(try Self.figures(f.store, p, fromDays: false) == ReportNeedFigureTests.reference(f.store, p), "\(p.code)")
        }
        // The monthly counts hold none of them: they are read apart.
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM report_need_month WHERE days < 0") } == 0)
        try Self.expectKeptEqualsCounted(f.store, "needs referred before they were opened")
    }

    @Test("The monthly counts follow opening, referring, declining, meeting, reopening, redating and deleting a need")
    func countsFollowWrites() throws {
        let f = try Fixture()
        let today = CalendarDate.today()
        let category = try #require(try f.store.categories().first).id
        func need(_ title: String, daysAgo: Int) throws -> Need {
            try f.store.addNeed(Need(member: f.ann, categoryID: category, title: title, created: today.adding(days: -daysAgo)), by: f.admin)
        }
        let garden = try need("Garden tidied", daysAgo: 40)
        let lift = try need("Lift to the surgery", daysAgo: 70)
        try Self.expectKeptEqualsCounted(f.store, "opening two needs")
        #expect(try Self.kept(f.store)["\(garden.created.monthKey) opened 0"] ?? 0 >= 1)

        let first = try f.store.propose(need: garden.id, helper: f.bob, offer: nil, by: f.admin)
        #expect(try Self.kept(f.store)["\(today.monthKey) first_referral 40"] == 1)
        try Self.expectKeptEqualsCounted(f.store, "a first referral")
        _ = try f.store.move(referral: first.id, to: .declined, by: f.admin)
        let second = try f.store.propose(need: garden.id, helper: f.cat, offer: nil, by: f.admin)
        try Self.expectKeptEqualsCounted(f.store, "declining, and referring again")
        _ = try f.store.move(referral: second.id, to: .agreed, by: f.admin)
        let metOn = today.adding(days: -1)
        _ = try f.store.move(referral: second.id, to: .done, by: f.admin, on: metOn)
        #expect(try Self.kept(f.store)["\(metOn.monthKey) done 39"] == 1)
        try Self.expectKeptEqualsCounted(f.store, "meeting the need")

        try f.store.setStatus(.need, id: garden.id, to: .closed, by: f.admin)
        try f.store.setStatus(.need, id: garden.id, to: .open, by: f.admin)
        try Self.expectKeptEqualsCounted(f.store, "closing and reopening the need")

        // The program never changes the day a need was opened; a script may.
        try f.store.write { db in
            try db.execute(sql: "UPDATE need SET created = ? WHERE id = ?", arguments: [today.adding(days: -400).iso, lift.id])
        }
        _ = try f.store.propose(need: lift.id, helper: f.bob, offer: nil, by: f.admin)
        #expect(try Self.kept(f.store)["\(today.monthKey) first_referral 400"] == 1)
        try Self.expectKeptEqualsCounted(f.store, "redating a need and referring it")

        try f.store.write { db in
            try db.execute(sql: "DELETE FROM referral_step WHERE referral IN (SELECT id FROM referral WHERE need = ?)", arguments: [garden.id])
            try db.execute(sql: "DELETE FROM referral WHERE need = ?", arguments: [garden.id])
            try db.execute(sql: "DELETE FROM need WHERE id = ?", arguments: [garden.id])
        }
        #expect(try Self.kept(f.store)["\(today.monthKey) first_referral 40"] == nil)
        try Self.expectKeptEqualsCounted(f.store, "deleting the need")

        // Whoever writes, also straight to the needs' days, and in one statement over many.
        try f.store.write { db in
            try db.execute(sql: "UPDATE report_need SET done = '2026-01-31', first_referral = '2026-01-02', opened = '2026-01-01'")
        }
        #expect(try Self.kept(f.store) == ["2026-01 opened 0": 1, "2026-01 first_referral 1": 1, "2026-01 done 30": 1])
        try f.store.write { db in try db.execute(sql: "DELETE FROM report_need") }
        #expect(try Self.kept(f.store) == [:])
    }

    @Test("A time bank that had needs before the monthly counts were kept gets them on opening")
    func backfilledOnOpening() throws {
        let f = try Self.referredBeforeOpened()
        let counted = try Self.countedFromNeeds(f.store)
        // Back to the schema before migration v12g-report-need-months, needs and their days kept.
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_need_month_insert; DROP TRIGGER report_need_month_delete; DROP TRIGGER report_need_month_update;
                DROP TABLE report_need_month; DROP INDEX report_need_referred_before_opened; DROP INDEX report_need_done_before_opened;
                DELETE FROM grdb_migrations WHERE identifier = 'v12g-report-need-months';
                """)
        }
        let store = try Store(path: f.temp.path)
        #expect(try Self.kept(store) == counted)
        #expect(counted["2026-11 done 19"] == 1 && counted["2026-11 opened 0"] == 4)
        let november = try Self.figures(store, .month(2026, 11)!, fromDays: false)
        #expect(november.opened == 4 && november.daysToFirstReferral == [-10, 1, 3, 54] && november.daysToDone == [-2, 19, 22, 38])
        #expect(try store.check().filter { $0.contains("count of needs") }.isEmpty)
    }

    @Test("check names each monthly count that differs from the needs, is missing or is extra")
    func checkNamesDamage() throws {
        let f = try ReportNeedFigureTests.handBuilt()
        func problems() throws -> [String] { try f.store.check().filter { $0.contains("count of needs") } }
        #expect(try problems().isEmpty)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: """
                UPDATE report_need_month SET needs = 5 WHERE month = '2026-11' AND kind = 'opened';
                DELETE FROM report_need_month WHERE month = '2026-11' AND kind = 'done' AND days = 19;
                INSERT INTO report_need_month (month, kind, days, needs) VALUES ('2020-01', 'first_referral', 1, 2);
                """)
        }
        let found = try problems()
        #expect(found.contains("The report's count of needs opened in 2026-11 (kept 5) differs from the needs (3)."))
        #expect(found.contains("The report's count of needs met in 2026-11 19 days after opening (kept none) differs from the needs (1)."))
        #expect(found.contains("The report's count of needs first referred in 2020-01 1 day after opening (kept 2) differs from the needs (none)."))
        #expect(found.count == 3)
    }
}
