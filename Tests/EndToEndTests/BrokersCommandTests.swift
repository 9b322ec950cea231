import Foundation
import Testing

/// `timebank brokers …` and `timebank settings` as scripts and admins use them.
@Suite("Brokers and settings commands")
struct BrokersCommandTests {
    static func timeBank() async throws -> (TemporaryDirectory, TimeBankCLI) {
        let dir = try TemporaryDirectory.make(prefix: "brokers-e2e")
        let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
        try await Fixture.demo(tb, members: 20, seed: 3)
        try await tb.ok("brokers", "add", "bob", "--name", "Bob Broker")
        return (dir, tb)
    }

    func line(_ r: RunResult) -> String { r.stderr.trimmingCharacters(in: .newlines) }

    /// Runs `timebank` in a session of its own, without a controlling terminal, as cron or a
    /// script over `ssh host cmd` would: even when the tests run in a terminal, none can be asked.
    func withoutTerminal(_ tb: TimeBankCLI, _ arguments: [String], stdin: String = "") async throws -> RunResult {
        let setsid = try #require(Binary.onPath("setsid"))
        return try await Run.run(setsid, ["-w", try Binary.timebank()] + tb.withDB(arguments), environment: tb.environment, stdin: stdin)
    }

    @Test func aPinComesFromStandardInputNeverFromAnArgumentAndIsNeverEchoed() async throws {
        let (dir, tb) = try await Self.timeBank()
        defer { dir.remove() }
        let set = try await tb.run(["brokers", "set-pin", "bob", "--pin-stdin"], stdin: "135790\n")
        #expect(set.status == 0)
        #expect(set.stdout == "bob's PIN is set; they must choose their own at their next sign-in.\n")
        #expect(!set.stdout.contains("135790") && !set.stderr.contains("135790"))
        let short = try await tb.run(["brokers", "set-pin", "--pin-stdin"], stdin: "1234\n")
        #expect(short.status == 1)
        #expect(line(short) == "A PIN needs at least 6 digits, or use a passphrase of at least 10 characters.")
        // There is no option that takes a PIN.
        let asArgument = try await tb.run(["brokers", "set-pin", "--pin", "135790"])
        #expect(asArgument.status == 2)
        let noTerminal = try await withoutTerminal(tb, ["brokers", "set-pin"])
        #expect(line(noTerminal) == "There is no terminal to ask for the new PIN on; give it on standard input with --pin-stdin.")

        let csv = try CSV.parse(try await tb.ok("brokers", "list", "--format", "csv").stdout).records
        let bob = try #require(csv.first { $0["username"] == "bob" })
        #expect(bob["role"] == "broker")
        #expect(bob["pin"] == "must change")
        #expect(bob["last_sign_in"] == "never")
        #expect(bob["locked_out"] == "no")
    }

    @Test func rolesChangeByAnAdminNeverTheirOwn() async throws {
        let (dir, tb) = try await Self.timeBank()
        defer { dir.remove() }
        #expect(try await tb.ok("brokers", "role", "bob", "viewer").stdout == "bob is now a viewer.\n")
        let own = try await tb.run("brokers", "role", Fixture.unixUser(), "broker")
        #expect(own.status == 1)
        #expect(line(own) == "You cannot change your own role; ask another admin.")
        let bad = try await tb.run("brokers", "role", "bob", "boss")
        #expect(line(bad) == "The role must be admin, broker or viewer, not 'boss'.")
    }

    @Test func settingsAreListedWithTheirMeaningAndCheckedWhenSet() async throws {
        let (dir, tb) = try await Self.timeBank()
        defer { dir.remove() }
        let list = try await tb.ok("settings").stdout
        for key in ["name", "credit-limit", "welcome-credit", "follow-up-days", "idle-lock-minutes", "financial-year-start"] {
            #expect(list.contains("\n\(key) ") || list.hasPrefix("\(key) "), "\(key) is missing")
        }
        #expect(list.contains("Minutes without a key before the console locks (1 to 60)."))
        #expect(try await tb.ok("settings", "set", "idle-lock-minutes", "15").stdout == "idle-lock-minutes is now 15.\n")
        let tooLong = try await tb.run("settings", "set", "idle-lock-minutes", "90")
        #expect(tooLong.status == 1)
        #expect(line(tooLong) == "idle-lock-minutes must be a whole number from 1 to 60.")
        #expect(try await tb.ok("settings", "set", "credit-limit", "12.5").stdout == "credit-limit is now 12:30.\n")
        #expect(try await tb.ok("settings", "set", "financial-year-start", "april").stdout == "financial-year-start is now April.\n")
        #expect(try await tb.ok("settings").stdout.contains("idle-lock-minutes     15"))
    }

    @Test func onASharedLoginAWriteNamesTheBrokerAndNeedsATerminalForThePin() async throws {
        let (dir, tb) = try await Self.timeBank()
        defer { dir.remove() }
        try await tb.ok("brokers", "shared-login", Fixture.unixUser())
        let unnamed = try await tb.run("record", "--giver", "pot", "--receiver", "1001", "--hours", "1")
        #expect(line(unnamed) == "\(Fixture.unixUser()) is a shared login: name yourself with --as USERNAME.")
        let noTerminal = try await withoutTerminal(tb, ["record", "--as", "bob", "--giver", "pot", "--receiver", "1001", "--hours", "1"])
        #expect(noTerminal.status == 1)
        #expect(line(noTerminal) == "There is no terminal to ask for the PIN on; run the command in a terminal.")
        // Reading needs nobody's PIN.
        #expect(try await tb.run("balance", "pot").status == 0)
    }
}
