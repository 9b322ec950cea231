import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: the ledger is append-only and the store enforces it; ARCHITECTURE: the promises live in SQL, so no
/// program that opens the file (ours, sqlite3, a script) can break them.
@Suite("The schema guards the ledger against direct SQL")
struct SchemaGuardTests {
    struct Ledger {
        let f: Fixture
        let raw: DatabaseQueue
        let e: Exchange
        let annAccount: Int64, bobAccount: Int64, potAccount: Int64

        init() throws {
            f = try Fixture()
            e = try f.record(.member(f.ann), .member(f.bob), 90)
            raw = try f.temp.rawQueue()
            let f = f
            (annAccount, bobAccount, potAccount) = try raw.read { db in
                (try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [f.ann])!,
                 try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [f.bob])!,
                 try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE kind = 'pot'")!)
            }
        }

        /// Everything in the file that the ledger's promises cover.
        func state() throws -> [String] {
            try raw.read { db in
                try String.fetchAll(db, sql: "SELECT id || ' ' || date || ' ' || giver || ' ' || receiver || ' ' || minutes || ' ' || coalesce(reverses, '') FROM exchange ORDER BY seq")
                + String.fetchAll(db, sql: "SELECT id || ' ' || given_minutes || ' ' || received_minutes FROM account ORDER BY id")
                + String.fetchAll(db, sql: "SELECT month || category || with_pot || ' ' || minutes || ' ' || exchanges FROM month_total ORDER BY 1")
                + String.fetchAll(db, sql: "SELECT id || action FROM audit ORDER BY id")
            }
        }

        /// Runs raw SQL that must be refused, and checks it changed nothing.
        func refuses(_ sql: String, _ arguments: StatementArguments = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try state()
            #expect(throws: DatabaseError.self, "\(sql)", sourceLocation: sourceLocation) {
                try raw.write { db in try db.execute(sql: sql, arguments: arguments) }
            }
            #expect(try state() == before, "\(sql) changed the file", sourceLocation: sourceLocation)
            #expect(try f.store.check() == [], sourceLocation: sourceLocation)
        }

        static let insert = """
            INSERT INTO exchange (id, date, giver, receiver, minutes, description, reverses, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, '', ?, 'script', '2026-01-01T00:00:00.000Z')
            """

        func row(id: String = UUID().uuidString.lowercased(), date: String? = nil, giver: Int64? = nil, receiver: Int64? = nil,
                 minutes: (any DatabaseValueConvertible)? = 60, reverses: String? = nil) -> StatementArguments {
            [id, date ?? "\(Fixture.lastYear)-06-11", giver ?? annAccount, receiver ?? bobAccount, minutes, reverses]
        }
    }

    @Test("A well-formed row inserted directly is accepted and moves the cached balances (the control for the refusals below)")
    func control() throws {
        let l = try Ledger()
        try l.raw.write { db in try db.execute(sql: Ledger.insert, arguments: l.row()) }
        #expect(try l.f.balance(.member(l.f.ann)) == 150)
        #expect(try l.f.store.check() == [])
    }

    @Test("UPDATE and DELETE of ledger rows fail and change nothing")
    func noUpdateOrDelete() throws {
        let l = try Ledger()
        try l.refuses("UPDATE exchange SET minutes = 30")
        try l.refuses("UPDATE exchange SET description = 'edited' WHERE id = ?", [l.e.id.uuidString.lowercased()])
        try l.refuses("DELETE FROM exchange")
        try l.refuses("DELETE FROM exchange WHERE id = ?", [l.e.id.uuidString.lowercased()])
    }

    @Test("Rows that break the ledger's rules cannot be inserted", arguments: ["zero", "1441", "real", "negative", "same", "badDate", "shortID", "noAccount"])
    func badRows(kind: String) throws {
        let l = try Ledger()
        let args: StatementArguments
        switch kind {
        case "zero": args = l.row(minutes: 0)
        case "1441": args = l.row(minutes: 1441)
        case "real": args = l.row(minutes: 1.5)
        case "negative": args = l.row(minutes: -60)
        case "same": args = l.row(giver: l.annAccount, receiver: l.annAccount)
        case "badDate": args = l.row(date: "28/11/2026")
        case "shortID": args = l.row(id: "x")
        default: args = l.row(receiver: 987_654)
        }
        try l.refuses(Ledger.insert, args)
    }

    @Test("Even a connection without foreign-key enforcement (sqlite3's default) cannot insert a row for a missing account")
    func missingAccountWithoutForeignKeys() throws {
        let l = try Ledger()
        var config = Configuration()
        config.foreignKeysEnabled = false
        let plain = try DatabaseQueue(path: l.f.temp.path, configuration: config)
        let before = try l.state()
        #expect(throws: DatabaseError.self) {
            try plain.write { db in try db.execute(sql: Ledger.insert, arguments: l.row(receiver: 987_654)) }
        }
        #expect(try l.state() == before)
        let sum = try l.raw.read { db in try Int.fetchOne(db, sql: "SELECT sum(given_minutes) - sum(received_minutes) FROM account") }
        #expect(sum == 0, "the balances must still sum to zero")
    }

    @Test("A second row with an existing id cannot be inserted")
    func duplicateID() throws {
        let l = try Ledger()
        try l.refuses(Ledger.insert, l.row(id: l.e.id.uuidString.lowercased()))
    }

    @Test("INSERT OR REPLACE cannot overwrite a ledger row (REPLACE deletes without firing delete triggers)")
    func insertOrReplace() throws {
        let l = try Ledger()
        try l.refuses(Ledger.insert.replacingOccurrences(of: "INSERT INTO", with: "INSERT OR REPLACE INTO"),
                      l.row(id: l.e.id.uuidString.lowercased(), minutes: 1))
        try l.refuses(Ledger.insert.replacingOccurrences(of: "INSERT INTO", with: "REPLACE INTO"),
                      l.row(id: l.e.id.uuidString.lowercased(), giver: l.bobAccount, receiver: l.annAccount, minutes: 1440))
    }

    @Test("INSERT OR REPLACE cannot swap one reversal for another")
    func replaceReversal() throws {
        let l = try Ledger()
        _ = try l.f.store.reverse(l.e.id, reason: "wrong", date: Fixture.today, by: l.f.admin)
        try l.refuses(Ledger.insert.replacingOccurrences(of: "INSERT INTO", with: "INSERT OR REPLACE INTO"),
                      l.row(giver: l.bobAccount, receiver: l.annAccount, minutes: 90, reverses: l.e.id.uuidString.lowercased()))
    }

    @Test("Reversals inserted directly must mirror an original that is not itself a reversal, once")
    func badReversals() throws {
        let l = try Ledger()
        let original = l.e.id.uuidString.lowercased()
        try l.refuses(Ledger.insert, l.row(giver: l.annAccount, receiver: l.bobAccount, minutes: 90, reverses: original))   // not mirrored
        try l.refuses(Ledger.insert, l.row(giver: l.bobAccount, receiver: l.annAccount, minutes: 30, reverses: original))   // wrong amount
        try l.refuses(Ledger.insert, l.row(giver: l.bobAccount, receiver: l.annAccount, minutes: 90, reverses: UUID().uuidString.lowercased()))
        let r = try l.f.store.reverse(l.e.id, reason: "wrong", date: Fixture.today, by: l.f.admin)
        try l.refuses(Ledger.insert, l.row(giver: l.bobAccount, receiver: l.annAccount, minutes: 90, reverses: original))   // twice
        try l.refuses(Ledger.insert, l.row(giver: l.annAccount, receiver: l.bobAccount, minutes: 90, reverses: r.id.uuidString.lowercased()))
    }

    @Test("Nothing can be inserted in a closed month, and a closed month cannot be reopened")
    func closedMonth() throws {
        let l = try Ledger()
        let month = "\(Fixture.lastYear)-06"
        try l.f.store.closeMonth(month, by: l.f.admin)
        try l.refuses(Ledger.insert, l.row(date: "\(month)-30"))
        try l.refuses("DELETE FROM closed_month")
        try l.refuses("UPDATE closed_month SET month = '1999-01'")
        #expect(try l.f.store.closedMonths() == [month])
    }

    @Test("Members are never deleted, and the audit log cannot be edited")
    func membersAndAudit() throws {
        let l = try Ledger()
        try l.refuses("DELETE FROM member WHERE number = ?", [l.f.cat])
        try l.refuses("UPDATE audit SET broker = 'nobody'")
        try l.refuses("DELETE FROM audit")
        try l.refuses("INSERT OR REPLACE INTO audit (id, at, broker, action, entity) SELECT min(id), 'x', 'nobody', 'forged', 'x' FROM audit")
    }
}
