import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Each member's first exchange keeps the member's joining day (migration
/// v12l-report-joiner-firsts), so a period reads its joiners' first exchanges in one range by day.
/// Kept whoever writes: a member's first exchange, a reversal rereading it, an edit of the day.
@Suite("First exchanges kept with their member's joining day")
struct ReportJoinerFirstsTests {
    /// The kept rows as `member first_exchange joined`.
    func kept(_ temp: TempDatabase) throws -> [String] {
        try temp.rawQueue().read { db in
            try String.fetchAll(db, sql: """
                SELECT member || ' ' || first_exchange || ' ' || coalesce(joined, '-') FROM report_member_first ORDER BY member
                """)
        }
    }

    @Test("A first exchange keeps the joining day; a reversal rereading it and an edit of the day keep it right, and activation follows")
    func keptAndFollowed() throws {
        let l = try ReportLedger()
        let oak = try l.member("Old Oak")                                    // joined 1 January 2025
        let ann = try l.member("Ann Archer", joined: reportDay(2, 3))
        let wrong = try l.give(ann, oak, 60, on: reportDay(2, 10))
        try l.give(oak, ann, 30, on: reportDay(2, 24))
        #expect(try kept(l.temp) == ["\(oak) 2026-02-10 2025-01-01", "\(ann) 2026-02-10 2026-02-03"])

        // The first reversed within her 90 days: her first becomes the 24th, still with her day.
        try l.reverse(wrong, on: reportDay(2, 12))
        #expect(try kept(l.temp) == ["\(oak) 2026-02-24 2025-01-01", "\(ann) 2026-02-24 2026-02-03"])
        expectFigures(try l.report(.month(2026, 2)).current, [
            "new_members": 1, "activation_rate": 1, "median_days_to_first_exchange": 21,
        ], "February")

        // Her joining day was written wrong: she joined on 20 January.
        guard var member = try l.store.member(ann) else { Issue.record("no member \(ann)"); return }
        member.joined = reportDay(1, 20)
        _ = try l.store.updateMember(member, by: l.broker)
        #expect(try kept(l.temp) == ["\(oak) 2026-02-24 2025-01-01", "\(ann) 2026-02-24 2026-01-20"])
        expectFigures(try l.report(.month(2026, 1)).current, [
            "new_members": 1, "activation_rate": 1, "median_days_to_first_exchange": 35,
        ], "January")
        expectFigures(try l.report(.month(2026, 2)).current, ["new_members": 0], "February after the edit")
        #expect(try l.store.check().isEmpty)
    }

    /// Ann joined on 3 February 2026 and first gave on the 10th, to Old Oak (joined 1 January 2025).
    func annsFirstExchange() throws -> (ledger: ReportLedger, oak: Int, ann: Int) {
        let l = try ReportLedger()
        let oak = try l.member("Old Oak")
        let ann = try l.member("Ann Archer", joined: reportDay(2, 3))
        try l.give(ann, oak, 60, on: reportDay(2, 10))
        return (l, oak, ann)
    }

    @Test("A time bank whose first exchanges were kept before the joining day was gets it on opening")
    func backfilledOnOpening() throws {
        let (l, oak, ann) = try annsFirstExchange()
        try l.temp.rawQueue().write { db in
            try db.execute(sql: """
                DROP TRIGGER report_member_first_joined_insert; DROP TRIGGER report_member_first_joined_member;
                DROP INDEX report_member_first_joined; ALTER TABLE report_member_first DROP COLUMN joined;
                DELETE FROM grdb_migrations WHERE identifier = 'v12l-report-joiner-firsts';
                """)
        }
        _ = try Store(path: l.temp.path)
        #expect(try kept(l.temp) == ["\(oak) 2026-02-10 2025-01-01", "\(ann) 2026-02-10 2026-02-03"])
    }

    @Test("check names each first exchange whose kept joining day differs from its member's")
    func checkNamesDamage() throws {
        let (l, _, ann) = try annsFirstExchange()
        try l.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE report_member_first SET joined = '1999-01-01' WHERE member = \(ann)")
        }
        #expect(try l.store.check().contains(
            "The report's joining day of member \(ann) (kept 1999-01-01) differs from the member's (2026-02-03)."))
    }
}
