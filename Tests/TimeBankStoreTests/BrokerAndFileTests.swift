import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// SPEC: created on first use with permissions that do not let other users read it (0600, or 0660 for a
/// shared group); brokers identified by their Unix account; every write attributed in an audit log.
@Suite("Opening the file and signing in")
struct BrokerAndFileTests {
    @Test("A new database file is readable by its owner only (0600), and so are its WAL files")
    func fileMode() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        _ = try store.signIn(username: "alice")
        #expect(temp.mode(of: temp.path) == 0o600)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: temp.path + suffix) {
            #expect(temp.mode(of: temp.path + suffix) == 0o600, "\(suffix)")
        }
    }

    @Test("In a setgid folder shared by the brokers' group the file is 0660")
    func sharedFolderMode() throws {
        let temp = TempDatabase()
        try #require(chmod(temp.folder, 0o2770) == 0)
        _ = try Store(path: temp.path)
        #expect(temp.mode(of: temp.path) == 0o660)
    }

    @Test("A database is made only in a folder that exists; a mistyped path leaves no folders behind (#16)")
    func missingFolder() throws {
        let temp = TempDatabase()
        let path = temp.folder + "/data/timebank/timebank.sqlite"
        #expect(throws: StoreError.cannotOpen(path: path, reason: "its folder \(temp.folder)/data/timebank does not exist")) { try Store(path: path) }
        #expect(!FileManager.default.fileExists(atPath: temp.folder + "/data"))
    }

    @Test("A file that is not a database is refused with a sentence naming it")
    func notADatabase() throws {
        let temp = TempDatabase()
        try Data("hello, this is not SQLite at all, just some words\n".utf8).write(to: URL(fileURLWithPath: temp.path))
        #expect(throws: StoreError.notADatabase(path: temp.path)) { try Store(path: temp.path) }
    }

    @Test("The first user of a new database becomes its admin; an unknown second user is refused with a clear sentence")
    func firstUserIsAdmin() throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let alice = try store.signIn(username: "alice", displayName: "Alice Admin")
        #expect(alice.role == .admin)
        #expect(alice.displayName == "Alice Admin")
        #expect(throws: StoreError.notABroker(username: "bob")) { try store.signIn(username: "bob") }
        let message = StoreError.notABroker(username: "bob").description
        #expect(message == "'bob' is not a registered broker of this time bank; an admin can add you with 'timebank brokers add bob'.")
        // Signing in again is the same broker, still admin; and the refusal created nobody.
        #expect(try store.signIn(username: "alice").role == .admin)
        #expect(try store.brokers().map(\.username) == ["alice"])
    }

    @Test("The first-user rule holds across reopening the file")
    func reopen() throws {
        let temp = TempDatabase()
        do { _ = try Store(path: temp.path).signIn(username: "alice") }
        let again = try Store(path: temp.path)
        #expect(throws: StoreError.notABroker(username: "mallory")) { try again.signIn(username: "mallory") }
        #expect(try again.signIn(username: "alice").role == .admin)
    }

    @Test("Added brokers can sign in; removed ones cannot; viewers cannot write")
    func roles() throws {
        let f = try Fixture()
        let bob = try f.store.addBroker(username: "bob", displayName: "Bob Broker", role: .broker, by: f.admin)
        #expect(try f.store.signIn(username: "bob") == bob)
        let viewer = try f.store.addBroker(username: "vic", displayName: "Vic Viewer", role: .viewer, by: f.admin)
        #expect(throws: StoreError.refused(.roleNeeded(.admin, action: "manage brokers", have: .broker))) {
            try f.store.addBroker(username: "eve", displayName: "Eve", role: .admin, by: bob)
        }
        let before = try f.snapshot()
        #expect(throws: StoreError.refused(.roleNeeded(.broker, action: "record hours", have: .viewer))) {
            try f.store.record(ExchangeRequest(date: day(Fixture.lastYear, 3, 3), giver: .member(f.ann), receiver: .member(f.bob), minutes: 60), by: viewer)
        }
        #expect(try f.snapshot() == before)
        try f.store.removeBroker(username: "bob", by: f.admin)
        #expect(throws: StoreError.notABroker(username: "bob")) { try f.store.signIn(username: "bob") }
    }

    @Test("The revision number grows with every write and stays put on reads and refused writes")
    func revisionGrows() throws {
        let f = try Fixture()
        var last = try f.store.revision()
        func grew(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let now = try f.store.revision()
            #expect(now > last, "\(what)", sourceLocation: sourceLocation)
            last = now
        }
        let e = try f.record(.member(f.ann), .member(f.bob), 60); try grew("record")
        _ = try f.store.reverse(e.id, reason: "typo", date: Fixture.today, by: f.admin); try grew("reverse")
        _ = try f.store.addMember(Member(name: "Dee Dixon", joined: Fixture.today), by: f.admin); try grew("add member")
        try f.store.addNote(member: f.ann, text: "Rang about the garden", by: f.admin); try grew("note")
        try f.store.saveVetting(member: f.ann, Vetting(idSeen: Fixture.today), by: f.admin); try grew("vetting")
        var m = try #require(try f.store.member(f.ann)); m.phone = "07700 900123"
        _ = try f.store.updateMember(m, by: f.admin); try grew("update member")
        try f.store.closeMonth("\(Fixture.lastYear)-01", by: f.admin); try grew("close month")
        _ = try f.store.recordGroup([ExchangeRequest(date: Fixture.today, giver: .member(f.cat), receiver: .pot, minutes: 30)], by: f.admin)
        try grew("group")
        _ = try f.store.balances(); _ = try f.store.members(MemberQuery()); _ = try f.store.check()
        #expect(try f.store.revision() == last)
        _ = try? f.record(.member(f.ann), .member(f.ann), 60)
        _ = try? f.store.reverse(e.id, reason: "again", date: Fixture.today, by: f.admin)
        #expect(try f.store.revision() == last)
    }
}
