import Foundation
import Testing
import TimeBank
import TimeBankStore

/// The drop-in centre's shared PC: brokers sign in on one Unix login, each change is theirs, an
/// idle console locks without showing anyone's details, and a viewer records nothing.
@Suite("Sign-in on a shared login", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct SignInConsoleTests {
    static let bobPin = "654321"
    static let vicPin = "246813"

    /// A demo time bank whose Unix login (this test's user) is shared by Bob (broker) and Vic
    /// (viewer), locking after `idleMinutes` without a key.
    static func sharedTimeBank(idleMinutes: Int = 5) async throws -> (TemporaryDirectory, TimeBankCLI) {
        let dir = try TemporaryDirectory.make(prefix: "sign-in-e2e")
        let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
        try await Fixture.demo(tb, members: 40, seed: 9)
        try await tb.ok("settings", "set", "idle-lock-minutes", String(idleMinutes))
        let store = try Store(path: tb.db!)
        let admin = try store.signIn(username: Fixture.unixUser())
        for (name, display, role, pin) in [("bob", "Bob Broker", BrokerRole.broker, bobPin), ("vic", "Vic Viewer", .viewer, vicPin)] {
            let b = try store.addBroker(username: name, displayName: display, role: role, by: admin)
            try store.setPin(username: name, to: PinSecret(bytes: Array(pin.utf8)), by: b, iterations: 1000)
        }
        try store.markSharedLogin(Fixture.unixUser(), by: admin)
        return (dir, tb)
    }

    static func signIn(_ t: Tmux, _ username: String, _ pin: String) async throws {
        try await t.waitFor("Sign in")
        try await t.type(username)
        try await t.press("Enter")
        try await t.type(pin)
        try await t.press("Enter")
    }

    /// Two active members' names, phones and postcodes: what must never be on a locked screen.
    static func privateDetails(_ db: String) throws -> (numbers: [Int], texts: [String]) {
        let store = try Store(path: db)
        let rows = try store.members(MemberQuery(), limit: 200).rows.filter { $0.status == .active }.prefix(2)
        var texts: [String] = []
        for row in rows {
            let m = try #require(try store.member(row.number))
            texts += [m.name, m.phone, m.postcode].filter { !$0.isEmpty }
        }
        return (rows.map(\.number), texts)
    }

    @Test func recordSignedByTheBrokerThenIdleLockHidesMembersAndUnlockKeepsTheHalfFilledSlip() async throws {
        let (dir, tb) = try await Self.sharedTimeBank(idleMinutes: 1)
        defer { dir.remove() }
        let (numbers, details) = try Self.privateDetails(tb.db!)
        try #require(numbers.count == 2)
        try await withTmux([try Binary.timebank(), "--db", tb.db!], environment: ["NO_COLOR": "1"]) { t in
            try await Self.signIn(t, "bob", Self.bobPin)
            try await t.waitFor("Bob Broker (broker)")
            try await t.press("5")
            try await t.waitFor("Enter or Tab to type a slip")
            try await t.press("Enter")  // Record hours opens at rest
            try await t.type(String(numbers[0]))
            try await t.press("Tab")
            try await t.type(String(numbers[1]))
            try await t.press("Tab")
            try await t.type("1:30")
            try await t.waitFor("Preview")
            try await t.press("C-s")
            try await t.waitFor("Done: Recorded")
            let signer = try await Fixture.sql(tb.db!, "SELECT recorded_by FROM exchange ORDER BY recorded_at DESC LIMIT 1")
            #expect(signer.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "bob")

            // A second slip, half filled, then no key for the idle-lock minute.
            try await t.type(String(numbers[1]))
            try await t.press("Tab")
            try await t.type(String(numbers[0]))
            try await t.press("Tab")
            try await t.type("0:45")
            try await t.waitFor("0:45 (45 minutes)")
            let locked = try await t.waitFor("Locked. Signed in: Bob Broker (bob)", timeout: 80)
            for text in details { #expect(!locked.contains(text), "\(text) is on the locked screen") }
            #expect(locked.contains("Gloucester") || locked.contains("Time Bank"))

            try await t.type(Self.bobPin)
            try await t.press("Enter")
            let back = try await t.waitFor("0:45 (45 minutes)")
            #expect(back.contains("Giver          \(numbers[1])"))
            #expect(back.contains("Receiver       \(numbers[0])"))
        }
    }

    @Test func fiveWrongPinsThenTheBackoffMessage() async throws {
        let (dir, tb) = try await Self.sharedTimeBank()
        defer { dir.remove() }
        try await withTmux([try Binary.timebank(), "--db", tb.db!]) { t in
            try await t.waitFor("Sign in")
            try await t.type("bob")
            try await t.press("Enter")
            for attempt in 1...5 {
                try await t.type("00000\(attempt)")
                try await t.press("Enter")
                // Each failure is in the audit log before the next PIN is typed.
                let deadline = Date().addingTimeInterval(10)
                while try await Fixture.sql(tb.db!, "SELECT count(*) FROM audit WHERE action = 'pin-failed'").stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines) != String(attempt), Date() < deadline {
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
                try await t.waitFor(attempt < 5 ? "That PIN is wrong." : "Wrong PIN, too many in a row: try again in 30 seconds.")
            }
            // Locked out: even the right PIN is not checked now.
            try await t.type(Self.bobPin)
            try await t.press("Enter")
            try await t.waitFor("Too many wrong PINs: try again in")
        }
        let list = try await tb.ok("brokers", "list", "--format", "csv").stdout
        let bob = try #require(try CSV.parse(list).records.first { $0["username"] == "bob" })
        #expect(bob["locked_out"]?.hasPrefix("for ") == true)
    }

    @Test func aViewerIsNeverOfferedSaveAndTheirRecordCommandIsRefused() async throws {
        let (dir, tb) = try await Self.sharedTimeBank()
        defer { dir.remove() }
        let before = try await Fixture.sql(tb.db!, "SELECT count(*) FROM exchange").stdout
        try await withTmux([try Binary.timebank(), "--db", tb.db!]) { t in
            try await Self.signIn(t, "vic", Self.vicPin)
            try await t.waitFor("Vic Viewer (viewer)")
            try await t.press("5")
            let slip = try await t.waitFor("F5 Slip")
            #expect(!slip.contains("Save"))
            try await t.press("C-s")
            try await t.waitFor("Only a broker or an admin can record hours; you are a viewer.")
        }
        let record = [try Binary.timebank(), "record", "--as", "vic", "--giver", "pot", "--receiver", "1001", "--hours", "1", "--db", tb.db!]
        try await withTmux(record) { t in
            try await t.waitFor("PIN for vic:")
            try await t.type(Self.vicPin)
            try await t.press("Enter")
            let status = try await t.waitForExit(timeout: 10)
            #expect(status == 1)
            let screen = try await t.capture(history: true)
            #expect(screen.contains("Only a broker or an admin can record hours; you are a viewer."))
            #expect(!screen.contains(Self.vicPin))
        }
        #expect(try await Fixture.sql(tb.db!, "SELECT count(*) FROM exchange").stdout == before)
    }
}
