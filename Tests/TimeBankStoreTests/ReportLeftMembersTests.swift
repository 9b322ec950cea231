import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Members who left in a period: those whose status an edit set to left on one of its days, read
/// from the audit log. The audit log holds an entry for every ledger entry too, so the report reads
/// only the members' edits of the period's days, through an index.
@Suite("Members who left in a period")
struct ReportLeftMembersTests {
    static let y = Fixture.lastYear

    /// An audited edit of a member, as the store writes it, at a chosen moment.
    func edit(_ f: Fixture, member: Int, at: String, details: String) throws {
        try f.temp.rawQueue().write { db in
            try db.execute(sql: "INSERT INTO audit (at, broker, action, entity, entity_id, details) VALUES (?, 'alice', 'update', 'member', ?, ?)",
                           arguments: [at, String(member), details])
        }
    }

    @Test
    func countsEditsThatSetTheStatusToLeftOnThePeriodsDays() throws {
        let f = try Fixture()
        guard var ann = try f.store.member(f.ann) else { Issue.record("Ann is missing"); return }
        ann.status = .left
        ann.statusReason = "moved away"
        _ = try f.store.updateMember(ann, by: f.admin)
        // The details the store wrote for that edit, copied to other members and moments.
        let left = try f.store.read { db in
            try String.fetchOne(db, sql: "SELECT details FROM audit WHERE entity = 'member' AND entity_id = ? AND action = 'update'",
                                arguments: [String(f.ann)])
        }
        let details = try #require(left)
        try edit(f, member: f.bob, at: "\(Self.y)-03-31T23:59:59.999Z", details: details)
        try edit(f, member: f.cat, at: "\(Self.y)-04-01T00:00:00.000Z", details: details)
        try edit(f, member: f.cat, at: "\(Self.y)-03-15T10:00:00.000Z", details: "Area\t\tRiverside")

        func leftIn(_ p: ReportPeriod) throws -> ReportValue? { try f.store.report(p, today: .today()).current.value("left_members") }
        #expect(try leftIn(.month(Self.y, 3)!) == .count(1))
        #expect(try leftIn(.month(Self.y, 4)!) == .count(1))
        #expect(try leftIn(.quarter(Self.y, 1)!) == .count(1))
        #expect(try leftIn(ReportPeriod(kind: .range, first: day(Self.y, 3, 31), last: day(Self.y, 4, 1))!) == .count(2))
        #expect(try leftIn(.month(Self.y, 2)!) == .count(0))
        #expect(try leftIn(.containing(.today(), kind: .month)) == .count(1))
    }

    @Test
    func readsOnlyTheMembersEditsOfThePeriod() throws {
        let f = try Fixture()
        let plan = try f.store.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.leftMembersSQL, arguments: ["2026-11-01", "2026-12-01"])
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("audit_member_update_at") && $0.contains("at>?") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN audit") }, "\(plan)")
    }
}
