import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

@Suite("PINs: a salted slow hash, wrong ones refused and counted, lockouts that grow")
struct PinTests {
    static func pin(_ text: String) -> PinSecret { PinSecret(bytes: Array(text.utf8)) }

    @Test("Only a salted PBKDF2-HMAC-SHA256 hash at 600,000 rounds is stored, with its algorithm and parameters beside it")
    func storedForm() throws {
        let f = try Fixture()
        let bob = try f.store.addBroker(username: "bob", displayName: "Bob", role: .broker, by: f.admin)
        try f.store.setPin(username: "bob", to: Self.pin("482916"), by: bob)
        try f.store.setPin(username: "alice", to: Self.pin("482916"), by: f.admin)
        let rows = try f.temp.rawQueue().read { db in
            try Row.fetchAll(db, sql: "SELECT username, pin_hash, pin_algorithm, pin_iterations, pin_salt FROM broker ORDER BY username")
        }
        #expect(rows.count == 2)
        for row in rows {
            #expect(row["pin_algorithm"] == "pbkdf2-hmac-sha256")
            #expect(row["pin_iterations"] == 600_000)
            #expect((row["pin_salt"] as Data).count == 16)
            let hash: String = row["pin_hash"]
            #expect(hash.count == 64)
            #expect(!hash.contains("482916"))
        }
        // The same PIN under two salts gives two different hashes.
        #expect((rows[0]["pin_salt"] as Data) != (rows[1]["pin_salt"] as Data))
        #expect((rows[0]["pin_hash"] as String) != (rows[1]["pin_hash"] as String))
        // Nothing of the PIN reaches the audit log.
        #expect(try f.store.auditLog().allSatisfy { !$0.details.contains("482916") })
    }

    @Test("The right PIN signs in; a wrong one is refused and audited")
    func rightAndWrong() throws {
        let f = try Fixture()
        try f.store.setPin(username: "alice", to: Self.pin("482916"), by: f.admin, iterations: 1000)
        #expect(try f.store.checkPin(username: "alice", Self.pin("482916")).broker.username == "alice")
        #expect(throws: StoreError.invalid("That PIN is wrong.")) { try f.store.checkPin(username: "alice", Self.pin("482917")) }
        let failure = try #require(try f.store.auditLog(entity: "broker", id: "alice").first)
        #expect(failure.action == "pin-failed")
        #expect(failure.details == "failures=1")
    }

    @Test("A PIN is at least 6 digits or a passphrase of 10 characters")
    func policy() throws {
        let f = try Fixture()
        #expect(throws: StoreError.invalid("A PIN needs at least 6 digits, or use a passphrase of at least 10 characters.")) {
            try f.store.setPin(username: "alice", to: Self.pin("12345"), by: f.admin, iterations: 1000)
        }
        #expect(throws: StoreError.invalid("A passphrase needs at least 10 characters, or use a PIN of at least 6 digits.")) {
            try f.store.setPin(username: "alice", to: Self.pin("abc12"), by: f.admin, iterations: 1000)
        }
        try f.store.setPin(username: "alice", to: Self.pin("correct horse"), by: f.admin, iterations: 1000)
    }

    @Test("Five wrong PINs in a row lock a broker out for 30 s, then 60 s, 120 s… up to 15 minutes; an admin clears it")
    func backoff() throws {
        let f = try Fixture()
        let bob = try f.store.addBroker(username: "bob", displayName: "Bob", role: .broker, by: f.admin)
        try f.store.setPin(username: "bob", to: Self.pin("482916"), by: bob, iterations: 1000)
        var now = Date(timeIntervalSince1970: 2_000_000_000)
        for _ in 1...4 {
            #expect(throws: StoreError.invalid("That PIN is wrong.")) { try f.store.checkPin(username: "bob", Self.pin("000000"), now: now) }
        }
        #expect(throws: StoreError.invalid("Wrong PIN, too many in a row: try again in 30 seconds.")) {
            try f.store.checkPin(username: "bob", Self.pin("000000"), now: now)
        }
        // Locked: even the right PIN is not looked at.
        now += 10
        #expect(throws: StoreError.invalid("Too many wrong PINs: try again in 20 seconds, or ask an admin.")) {
            try f.store.checkPin(username: "bob", Self.pin("482916"), now: now)
        }
        for (expected, words) in [(60, "1 minute"), (120, "2 minutes"), (240, "4 minutes"), (480, "8 minutes"), (900, "15 minutes"), (900, "15 minutes")] {
            now += 1000
            do {
                _ = try f.store.checkPin(username: "bob", Self.pin("000000"), now: now)
            } catch let e as StoreError {
                #expect(e.description == "Wrong PIN, too many in a row: try again in \(words).")
            }
            #expect(try f.store.signInState(username: "bob", now: now)?.lockedUntil == now.addingTimeInterval(TimeInterval(expected)))
        }
        #expect(try f.store.auditLog(entity: "broker", id: "bob").filter { $0.action == "pin-failed" }.count == 11)
        try f.store.clearLockout(username: "bob", by: f.admin)
        #expect(try f.store.checkPin(username: "bob", Self.pin("482916"), now: now).broker.username == "bob")
        #expect(try f.store.signInState(username: "bob", now: now)?.lastSignIn != nil)
    }

    @Test("A PIN an admin sets for another broker must be changed at their next sign-in")
    func adminSetPinMustChange() throws {
        let f = try Fixture()
        let bob = try f.store.addBroker(username: "bob", displayName: "Bob", role: .broker, by: f.admin)
        try f.store.setPin(username: "bob", to: Self.pin("111111"), by: f.admin, iterations: 1000)
        #expect(try f.store.checkPin(username: "bob", Self.pin("111111")).mustChangePin)
        try f.store.setPin(username: "bob", to: Self.pin("482916"), by: bob, iterations: 1000)
        #expect(try f.store.checkPin(username: "bob", Self.pin("482916")).mustChangePin == false)
    }
}
