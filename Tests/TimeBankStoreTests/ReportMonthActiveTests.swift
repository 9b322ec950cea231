import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Each member-month row knows whether the member was active in the calendar month before, and each
/// month how many members were active in it, as exchanges are recorded, backdated and reversed,
/// across the turn of a year; `timebank check` recounts both.
@Suite("Who was active the month before")
struct ReportMonthActiveTests {
    static let y = Fixture.lastYear

    func rows(_ f: Fixture) throws -> [String: Int] {
        try f.store.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT month, member, active_before FROM report_member_month") {
                out["\(row["month"] as String) \(row["member"] as Int)"] = row["active_before"]
            }
            return out
        }
    }

    func counts(_ f: Fixture) throws -> [String: Int] {
        try f.store.read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT month, members FROM report_month_active") { out[row["month"]] = row["members"] }
            return out
        }
    }

    @Test
    func keptAsExchangesAreRecordedBackdatedAndReversed() throws {
        let f = try Fixture()
        let nov = "\(Self.y)-11", dec = "\(Self.y)-12", jan = "\(Self.y + 1)-01"
        let first = try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 11, 5), accept: true)
        try f.record(.member(f.ann), .member(f.cat), 30, on: day(Self.y, 12, 5), accept: true)
        try f.record(.member(f.bob), .member(f.cat), 30, on: day(Self.y + 1, 1, 5), accept: true)
        #expect(try rows(f) == ["\(nov) \(f.ann)": 0, "\(nov) \(f.bob)": 0, "\(dec) \(f.ann)": 1, "\(dec) \(f.cat)": 0,
                                "\(jan) \(f.bob)": 0, "\(jan) \(f.cat)": 1])
        #expect(try counts(f) == [nov: 2, dec: 2, jan: 2])

        // Backdated into December: Bob is active there now, so his January row says so.
        try f.record(.member(f.bob), .member(f.ann), 15, on: day(Self.y, 12, 20), accept: true)
        #expect(try rows(f)["\(dec) \(f.bob)"] == 1)
        #expect(try rows(f)["\(jan) \(f.bob)"] == 1)
        #expect(try counts(f)[dec] == 3)

        // November's only exchange reversed in January: nobody was active in November.
        _ = try f.store.reverse(first.id, reason: "wrong member", date: day(Self.y + 1, 1, 15), by: f.admin)
        #expect(try rows(f) == ["\(nov) \(f.ann)": 0, "\(nov) \(f.bob)": 0, "\(dec) \(f.ann)": 0, "\(dec) \(f.cat)": 0,
                                "\(dec) \(f.bob)": 0, "\(jan) \(f.bob)": 1, "\(jan) \(f.cat)": 1, "\(jan) \(f.ann)": 1])
        #expect(try counts(f) == [nov: 0, dec: 3, jan: 2])
        #expect(try f.store.check() == [])
    }

    @Test
    func checkNamesWhatDiffers() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Self.y, 3, 10), accept: true)
        try f.record(.member(f.ann), .member(f.cat), 60, on: day(Self.y, 4, 10), accept: true)
        let april = "\(Self.y)-04"
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_member_month SET active_before = 0 WHERE month = ? AND member = ?", arguments: [april, f.ann])
            try db.execute(sql: "UPDATE report_month_active SET members = 5 WHERE month = ?", arguments: [april])
        }
        let problems = try f.store.check()
        #expect(problems.contains("The report's note that member \(f.ann) was active the month before \(april) (kept no) "
            + "differs from the month before's figures (yes)."))
        #expect(problems.contains("The report's count of members active in \(april) (kept 5) differs from the members' month figures (2)."))
    }
}
