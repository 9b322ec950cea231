import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// New connections of whole months are counted per month as pairs' first standing exchanges are
/// recorded, backdated and reversed, and `timebank check` recounts them.
@Suite("New pairs counted per month")
struct ReportNewPairsTests {
    static let y = Fixture.lastYear

    func kept(_ f: Fixture) throws -> [String: Int] {
        try f.store.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT month, pairs FROM report_month_new_pairs WHERE pairs <> 0") {
                out[row["month"]] = row["pairs"]
            }
            return out
        }
    }

    func month(_ m: Int) -> String { String(format: "%04d-%02d", Self.y, m) }

    @Test
    func firstStandingExchangesOfPairsByMonth() throws {
        let f = try Fixture()
        let march = try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        #expect(try kept(f) == [month(3): 1])
        // The same pair again in April is no new pair; Ann and Cat are.
        try f.record(.member(f.bob), .member(f.ann), 30, on: day(Self.y, 4, 2), accept: true)
        try f.record(.member(f.ann), .member(f.cat), 30, on: day(Self.y, 4, 20), accept: true)
        #expect(try kept(f) == [month(3): 1, month(4): 1])
        // Backdated: Bob and Cat's first exchange is in February.
        try f.record(.member(f.bob), .member(f.cat), 45, on: day(Self.y, 2, 14), accept: true)
        #expect(try kept(f) == [month(2): 1, month(3): 1, month(4): 1])
        // March's exchange reversed: Ann and Bob's first standing exchange is now April's.
        _ = try f.store.reverse(march.id, reason: "wrong member", date: day(Self.y, 5, 1), by: f.admin)
        #expect(try kept(f) == [month(2): 1, month(4): 2])
        let q1 = try f.store.read { db in try Store.newPairs(db, firstMonth: month(1), lastMonth: month(3)) }
        let spring = try f.store.read { db in try Store.newPairs(db, firstMonth: month(2), lastMonth: month(5)) }
        #expect(q1 == 1)
        #expect(spring == 3)
        #expect(try f.store.check() == [])
    }

    @Test
    func checkNamesAMonthThatDiffers() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_month_new_pairs SET pairs = 7 WHERE month = ?", arguments: [month(3)])
            try db.execute(sql: "INSERT INTO report_month_new_pairs (month, pairs) VALUES (?, 2)", arguments: [month(6)])
        }
        let problems = try f.store.check()
        #expect(problems.contains("The report's count of new pairs in \(month(3)) (kept 7) differs from the pairs' first exchanges (1)."))
        #expect(problems.contains("The report's count of new pairs in \(month(6)) (kept 2) differs from the pairs' first exchanges (0)."))
    }
}
