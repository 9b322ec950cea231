import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: `timebank check` verifies SQLite integrity, zero-sum ledger, no orphans, cached figures equal
/// recomputed ones; `timebank backup FILE` is a consistent copy while others are working.
@Suite("Check and backup")
struct CheckAndBackupTests {
    static func busyLedger() throws -> Fixture {
        let f = try Fixture()
        let y = Fixture.lastYear
        let e1 = try f.record(.member(f.ann), .member(f.bob), 90, on: day(y, 1, 5))
        try f.record(.member(f.bob), .member(f.cat), 45, on: day(y, 2, 5))
        try f.record(.pot, .member(f.ann), 60, on: day(y, 2, 6))
        _ = try f.store.reverse(e1.id, reason: "wrong member", date: day(y, 3, 1), by: f.admin)
        try f.store.closeMonth("\(y)-01", by: f.admin)
        return f
    }

    @Test("A healthy file has no problems, new or busy")
    func healthy() throws {
        let temp = TempDatabase()
        #expect(try Store(path: temp.path).check() == [])
        #expect(try Self.busyLedger().store.check() == [])
    }

    @Test("A cached balance nudged by raw SQL (which the schema allows) is reported")
    func tamperedBalance() throws {
        let f = try Self.busyLedger()
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE account SET given_minutes = given_minutes + 1 WHERE member = ?", arguments: [f.cat])
        }
        let problems = try f.store.check()
        #expect(!problems.isEmpty)
        #expect(problems.contains { $0.contains("member \(f.cat)") }, "\(problems)")
        #expect(problems.contains { $0.contains("sum to zero") }, "\(problems)")
    }

    @Test("A drift that still sums to zero is reported too")
    func tamperedZeroSum() throws {
        let f = try Self.busyLedger()
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "UPDATE account SET given_minutes = given_minutes + 5 WHERE member = ?", arguments: [f.ann])
            try db.execute(sql: "UPDATE account SET given_minutes = given_minutes - 5 WHERE member = ?", arguments: [f.bob])
        }
        let problems = try f.store.check()
        #expect(problems.contains { $0.contains("member \(f.ann)") })
        #expect(problems.contains { $0.contains("member \(f.bob)") })
    }

    @Test("A monthly total nudged by raw SQL is reported")
    func tamperedMonthTotal() throws {
        let f = try Self.busyLedger()
        try f.temp.rawQueue().write { db in try db.execute(sql: "UPDATE month_total SET minutes = minutes + 60 WHERE month = ?", arguments: ["\(Fixture.lastYear)-02"]) }
        #expect(try f.store.check().contains { $0.contains("\(Fixture.lastYear)-02") })
    }

    @Test("The kept counts of members follow sign-ups and status changes; a nudged one, or a replaced member, is refused or reported")
    func keptMemberCounts() throws {
        let f = try Self.busyLedger()
        func kept() throws -> [MemberStatus: Int] {
            try f.store.todayFigures(today: day(Fixture.lastYear, 6, 1)).membersByStatus
        }
        func counted() throws -> [MemberStatus: Int] {
            try f.temp.rawQueue().read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM member GROUP BY status")
                    .map { (MemberStatus(rawValue: $0["status"])!, $0["n"] as Int) })
            }
        }
        #expect(try kept() == counted())
        var dee = try f.store.addMember(Member(name: "Dee Dixon", joined: day(Fixture.lastYear, 1, 1)), by: f.admin)
        #expect(try kept() == counted())
        dee.status = .left; dee.statusReason = "Moved away"
        _ = try f.store.updateMember(dee, by: f.admin)
        #expect(try kept() == counted())
        #expect(try kept()[.left] == 1)
        #expect(try f.store.members(MemberQuery()).total == counted().values.reduce(0, +))
        #expect(try f.store.members(MemberQuery(status: .left)).total == 1)
        #expect(try f.store.check() == [])

        let replaced = #expect(throws: DatabaseError.self) {
            try f.temp.rawQueue().write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO member (number, name, joined) VALUES (?, 'Someone Else', '2026-01-01')", arguments: [dee.number])
            }
        }
        #expect(replaced?.message?.contains("never replaced") == true)
        try f.temp.rawQueue().write { db in try db.execute(sql: "UPDATE member_count SET members = members + 1 WHERE status = 'left'") }
        #expect(try f.store.check().contains { $0.contains("kept count of members") && $0.contains("left") })
    }

    @Test("A member without an account is reported")
    func missingAccount() throws {
        let f = try Self.busyLedger()
        var config = Configuration()
        config.foreignKeysEnabled = false
        try DatabaseQueue(path: f.temp.path, configuration: config).write { db in
            try db.execute(sql: "DELETE FROM account WHERE member = ?", arguments: [f.cat])
        }
        let problems = try f.store.check()
        #expect(problems.contains("1 members have no account."), "\(problems)")
    }

    @Test("A backup opens, passes check and holds the same ledger; it is private like the original")
    func backup() throws {
        let f = try Self.busyLedger()
        let target = f.temp.folder + "/backup.sqlite"
        try f.store.backup(to: target)
        #expect(f.temp.mode(of: target) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: target + ".partial-\(getpid())"))
        let copy = try Store(path: target)
        #expect(try copy.check() == [])
        #expect(try copy.balances() == f.store.balances())
        #expect(try copy.exchangeCount() == f.store.exchangeCount())
        #expect(try copy.closedMonths() == f.store.closedMonths())
        // The copy is independent of the original.
        try f.record(.member(f.cat), .member(f.ann), 10)
        #expect(try copy.exchangeCount() == f.store.exchangeCount() - 1)
    }

    @Test("A backup to a folder that does not exist fails with a sentence and writes nothing")
    func backupFails() throws {
        let f = try Self.busyLedger()
        let target = f.temp.folder + "/no/such/folder/backup.sqlite"
        #expect(throws: StoreError.self) { try f.store.backup(to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
