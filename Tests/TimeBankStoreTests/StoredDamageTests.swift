import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #16: a value in the file the program cannot read is an error naming the row, never a
/// trap; the schema refuses impossible dates; `check` names every kind of planted damage.
@Suite("Stored damage")
struct StoredDamageTests {
    /// A small ledger: Ann gave Bob 90 minutes and Bob gave Cat 45, in June last year.
    static func ledger() throws -> (Fixture, Exchange) {
        let f = try Fixture()
        let first = try f.record(.member(f.ann), .member(f.bob), 90, accept: true)
        try f.record(.member(f.bob), .member(f.cat), 45, accept: true)
        return (f, first)
    }

    static func plant(_ f: Fixture, _ sql: String) throws {
        try f.temp.rawQueue().write { db in try db.execute(sql: sql) }
    }

    static func isDamaged(_ error: any Error) -> Bool {
        if case StoreError.damaged = error { return true }
        return false
    }

    @Test("The schema refuses days that do not exist on every date column, whoever writes", arguments: [
        "INSERT INTO member (number, name, joined, version, updated_at, updated_by) VALUES (5001, 'X', '2026-02-30', 1, '', '')",
        "UPDATE member SET joined = '2026-19-39'",
        "UPDATE member SET joined = '0000-01-01'",
        "UPDATE vetting SET review = '2026-04-31'",
        "UPDATE vetting SET id_seen = '2026-4-3'",
        "INSERT INTO closed_month (month, closed_at, closed_by) VALUES ('2026-13', '', 'x')",
    ])
    func triggersRefuse(sql: String) throws {
        let (f, _) = try Self.ledger()
        #expect(throws: DatabaseError.self) { try Self.plant(f, sql) }
    }

    @Test("Real days pass the same triggers")
    func realDaysPass() throws {
        let (f, _) = try Self.ledger()
        try Self.plant(f, "UPDATE member SET joined = '2024-02-29' WHERE number = \(f.ann)")
        try Self.plant(f, "UPDATE vetting SET review = '2026-12-31' WHERE member = \(f.ann)")
        #expect(try f.store.member(f.ann)?.joined == CalendarDate(year: 2024, month: 2, day: 29))
    }

    @Test("An exchange dated 2026-02-30: statement and ledger export fail with a sentence, check names it")
    func impossibleExchangeDate() throws {
        let (f, first) = try Self.ledger()
        try Self.plant(f, """
            DROP TRIGGER exchange_no_update; DROP TRIGGER exchange_date_is_a_day_update;
            UPDATE exchange SET date = '2026-02-30' WHERE id = '\(first.id.uuidString.lowercased())'
            """)
        #expect(performing: { try f.store.statement(for: .member(f.ann)) }, throws: Self.isDamaged)
        #expect(performing: { try f.store.forEachExchange { _ in } }, throws: Self.isDamaged)
        let problems = try f.store.check()
        #expect(problems.contains("exchange \(first.id.uuidString.lowercased()): date '2026-02-30' is not a day in the calendar."), "\(problems)")
    }

    @Test("A need created on 2026-19-39: the needs list and matching fail with a sentence, check names it")
    func impossibleNeedDate() throws {
        let (f, _) = try Self.ledger()
        try Self.plant(f, """
            DROP TRIGGER need_created_is_a_day_insert;
            INSERT INTO need (id, member, category, title, created) VALUES (77, \(f.ann), (SELECT min(id) FROM category), 'Lift to the shops', '2026-19-39')
            """)
        #expect(performing: { try f.store.needs() }, throws: Self.isDamaged)
        #expect(performing: { try f.store.rankHelpers(forNeed: 77) }, throws: Self.isDamaged)
        #expect(try f.store.check().contains("need 77: created '2026-19-39' is not a day in the calendar."))
    }

    @Test("An exchange id that is not a UUID is named by its sequence number")
    func notAUUID() throws {
        let (f, first) = try Self.ledger()
        try Self.plant(f, """
            DROP TRIGGER exchange_no_update;
            UPDATE exchange SET id = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' WHERE id = '\(first.id.uuidString.lowercased())'
            """)
        #expect(performing: { try f.store.statement(for: .member(f.bob)) }, throws: Self.isDamaged)
        #expect(try f.store.check().contains { $0.hasPrefix("exchange #") && $0.hasSuffix("id 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' is not a UUID.") })
    }

    @Test("Control characters already stored are named with their table, row and column")
    func storedControls() throws {
        let (f, _) = try Self.ledger()
        try Self.plant(f, "UPDATE member SET name = 'Ann' || char(27) || '[2J', area = 'x' || char(8238) WHERE number = \(f.ann)")
        try Self.plant(f, "UPDATE category SET name = 'Garden' || char(155) || '6n' WHERE id = (SELECT min(id) FROM category)")
        let problems = try f.store.check()
        #expect(problems.contains("member \(f.ann): name holds a control character."), "\(problems)")
        #expect(problems.contains("member \(f.ann): area holds a control character."))
        #expect(problems.contains { $0.hasPrefix("category ") && $0.hasSuffix(": name holds a control character.") })
    }

    @Test("Audit rows missing from their sequence are reported")
    func auditGap() throws {
        let (f, _) = try Self.ledger()
        try Self.plant(f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2")
        let top = try f.temp.rawQueue().read { try Int.fetchOne($0, sql: "SELECT max(id) FROM audit") } ?? 0
        #expect(try f.store.check().contains("audit: 1 row is missing from the sequence 1–\(top), the first at id 2."))
    }

    @Test("A search index that disagrees with the members is reported")
    func searchIndex() throws {
        let (f, _) = try Self.ledger()
        try Self.plant(f, "UPDATE member_search SET names = 'someone else' WHERE rowid = \(f.bob)")
        try Self.plant(f, "DELETE FROM member_search WHERE rowid = \(f.cat)")
        let problems = try f.store.check()
        #expect(problems.contains("member \(f.bob): the search index disagrees with the member's name or contact details."), "\(problems)")
        #expect(problems.contains("member \(f.cat): missing from the search index."))
    }

    @Test("An exchange inside a month closed before it was recorded is reported")
    func exchangeInClosedMonth() throws {
        let (f, first) = try Self.ledger()
        try Self.plant(f, "INSERT INTO closed_month (month, closed_at, closed_by) VALUES ('\(first.date.monthKey)', '2000-01-01T00:00:00.000Z', 'x')")
        #expect(try f.store.check().contains("exchange \(first.id.uuidString.lowercased()): dated \(first.date.iso) inside the closed month \(first.date.monthKey)."))
    }

    @Test("A healthy ledger has none of these findings")
    func healthy() throws {
        #expect(try Self.ledger().0.store.check() == [])
    }
}

/// Issue #16: opening decides what the file is before writing anything to it.
@Suite("Opening foreign, empty and newer files")
struct OpeningFilesTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("Another program's SQLite file is refused and left byte for byte, whatever the intent")
    func foreign() throws {
        let temp = TempDatabase()
        try DatabaseQueue(path: temp.path).write { try $0.execute(sql: "CREATE TABLE recipe (name TEXT); INSERT INTO recipe VALUES ('soup')") }
        let before = try Self.bytes(temp.path)
        let sentence = StoreError.invalid("\(temp.path) is a database of another program, not a time bank; it was left as it was.")
        #expect(throws: sentence) { try Store(path: temp.path, create: false, readOnly: true) }
        #expect(throws: sentence) { try Store(path: temp.path) }
        #expect(try Self.bytes(temp.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.folder) == ["timebank.sqlite"])
    }

    @Test("An empty file is refused by a reader and stays empty; a writer may make it a time bank")
    func empty() throws {
        let temp = TempDatabase()
        #expect(FileManager.default.createFile(atPath: temp.path, contents: Data()))
        #expect(throws: StoreError.invalid("\(temp.path) is empty: it holds no time bank yet; it was left as it was.")) {
            try Store(path: temp.path, create: false, readOnly: true)
        }
        #expect(try Self.bytes(temp.path).isEmpty)
        #expect(try Store(path: temp.path).check() == [])
    }

    @Test("A database with a migration this version does not know is refused, not opened")
    func newer() throws {
        let temp = TempDatabase()
        _ = try Store(path: temp.path)
        try temp.rawQueue().write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let sentence = StoreError.invalid("\(temp.path) was written by a newer version of timebank; use that version (this one would not understand it).")
        #expect(throws: sentence) { try Store(path: temp.path, create: false, readOnly: true) }
        #expect(throws: sentence) { try Store(path: temp.path) }
    }

    @Test("A missing file is not made by a reader")
    func missing() throws {
        let temp = TempDatabase()
        #expect(throws: StoreError.self) { try Store(path: temp.path, create: false, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: temp.path))
    }
}
