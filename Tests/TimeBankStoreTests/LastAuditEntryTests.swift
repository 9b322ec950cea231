import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Every console asks for the last audit entry four times a second while it waits for a key, and
/// each report once per connection: the answer must come from the end of the log, not a walk
/// through it, however long the log grows.
@Suite("The last audit entry")
struct LastAuditEntryTests {
    @Test("is the largest id, found at the end of the log without reading an index of it")
    func foundAtTheEnd() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        #expect(try store.revision() == 0)
        let broker = try store.signIn(username: "tester", displayName: "Test Broker")
        _ = try store.addMember(Member(name: "Ann Archer", joined: CalendarDate(year: 2026, month: 1, day: 5)!), by: broker)
        let last = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM audit ORDER BY id DESC LIMIT 1") }
        // Statistics, as `timebank demo` and any SQLite tool's `ANALYZE` leave them, make the index
        // look the cheaper way to a connection opened after them.
        try temp.rawQueue().write { db in try db.execute(sql: "ANALYZE") }
        let reopened = try Store(path: temp.path)
        let revision = try reopened.revision()
        #expect(last != nil && revision == last)
        let plan = try reopened.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT \(Store.lastAuditEntry)").map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains("SEARCH audit"), "\(plan)")
        #expect(!plan.contains { $0.contains("INDEX") }, "\(plan)")
    }
}
