import Foundation
import Testing
import TimeBank

/// The console in a real terminal: start, figures, help, screens, resizing, quitting, and
/// the terminal types brokers actually have.
@Suite("Console in a real terminal", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct ConsoleStartTests {
    /// A demo database of `members`, shared by the test that makes it.
    static func demoDatabase(members: Int = 120) async throws -> (TemporaryDirectory, TimeBankCLI) {
        let dir = try TemporaryDirectory.make(prefix: "console-e2e")
        let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
        try await Fixture.demo(tb, members: members, seed: 5)
        return (dir, tb)
    }

    static func console(_ tb: TimeBankCLI) throws -> [String] {
        [try Binary.timebank(), "--db", tb.db!]
    }

    @Test func todayAgreesWithTheCommandLineHelpScreensAndResizing() async throws {
        let (dir, tb) = try await Self.demoDatabase()
        defer { dir.remove() }
        let pot = try JSONSerialization.jsonObject(with: Data(try await tb.ok("balance", "pot", "--format", "json").stdout.utf8)) as! [String: Any]
        let potClock = MinutesFormat.clock(pot["balance_minutes"] as! Int)
        let members = try CSV.parse(try await tb.ok("members", "--format", "csv").stdout).records
        func count(_ status: String) -> Int { members.filter { $0["status"] == status }.count }

        try await withTmux(try Self.console(tb)) { t in
            let today = try await t.waitFor("This month")
            #expect(today.contains("Community pot balance   \(potClock)"))
            #expect(today.contains("\(count("active")) active · \(count("pending")) pending · \(count("on-hold")) on hold · \(count("left")) left (\(members.count))"))

            try await t.type("?")
            let help = try await t.waitFor("Help (Esc to close)")
            #expect(help.contains("Show every key of this screen"))
            #expect(help.contains("Go to Record hours"))
            try await t.press("Escape")
            _ = try await t.waitForAbsence(of: "Help (Esc to close)")

            for screen in ["2": "Members", "3": "Offers & needs", "4": "Match", "5": "Record hours", "6": "Reports", "1": "Today"] .sorted(by: { $0.key < $1.key }) {
                try await t.type(screen.key)
                _ = try await t.waitUntil("header shows \(screen.value)") { $0.split(separator: "\n").first?.contains("· \(screen.value)") ?? false }
                // Record hours opens at rest (no field focused), so the next digit switches screens.
            }
            try await t.type("1")
            _ = try await t.waitFor("This month")

            try await t.resize(width: 120, height: 40)
            let wide = try await t.waitUntil("a 120-column header") { ($0.split(separator: "\n").first?.count ?? 0) > 100 }
            #expect(wide.contains("Community pot balance"))
            try await t.resize(width: 60, height: 20)
            let small = try await t.waitFor("at least 80x24")
            #expect(small.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count == 1)
            try await t.resize(width: 80, height: 24)
            let back = try await t.waitFor("Community pot balance")
            #expect(!back.contains("at least 80x24"))
            #expect(try await t.lines()[23].contains("? Help"))
        }
    }

    @Test func qExitsWithinASecondAndLeavesTheTerminalAsItFoundIt() async throws {
        let (dir, tb) = try await Self.demoDatabase(members: 40)
        defer { dir.remove() }
        let binary = try Binary.timebank()
        let before = dir.path("stty-before"), after = dir.path("stty-after"), ended = dir.path("ended")
        // The shell records the terminal settings before and after, and the moment the console
        // ended (so the time measured is the console's, not this test's polling of tmux on a busy
        // machine), then shows a prompt.
        let script = "stty -g > '\(before)'; '\(binary)' --db '\(tb.db!)'; status=$?; date +%s.%N > '\(ended)'; "
            + "stty -g > '\(after)'; echo \"PROMPT exit=$status\"; sleep 30"
        try await withTmux(["/bin/sh", "-c", script]) { t in
            _ = try await t.waitFor("This month")
            let started = Date()
            try await t.type("q")
            let screen = try await t.waitFor("PROMPT exit=0", timeout: 3)
            let end = try #require(Double(try String(contentsOfFile: ended, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(end - started.timeIntervalSince1970 < 1.0)
            #expect(!screen.contains("This month"), "the console's screen is gone after quitting")
            let a = try String(contentsOfFile: before, encoding: .utf8), b = try String(contentsOfFile: after, encoding: .utf8)
            #expect(a == b, "terminal settings changed:\n\(a)\n\(b)")
        }
    }

    @Test(arguments: [
        ("vt100", [:]), ("linux", [:]), ("screen-256color", [:]), ("xterm-256color", ["NO_COLOR": "1"]),
        ("no-such-terminal-xyz", [:]),
    ] as [(String, [String: String])])
    func startsOnEveryTerminalTypeBrokersHave(term: String, environment: [String: String]) async throws {
        let (dir, tb) = try await Self.demoDatabase(members: 30)
        defer { dir.remove() }
        try await withTmux(try Self.console(tb), term: term, environment: environment) { t in
            let screen = try await t.waitFor("This month")
            #expect(screen.contains("1 Today"))
            if term == "no-such-terminal-xyz" {
                #expect(screen.contains("Unknown terminal type 'no-such-terminal-xyz'"))
            }
            if environment["NO_COLOR"] != nil {
                // Without colour the current screen still stands out: reverse video, no colour codes.
                let styled = try await t.captureWithStyles()
                #expect(!styled.contains("[3") || !styled.contains("38;5"), "colour escape codes under NO_COLOR")
                #expect(styled.contains("\u{1B}[7m"))
            }
            try await t.type("q")
            let status = try await t.waitForExit(timeout: 3)
            let last = try await t.capture()
            #expect(status == 0, "exit status \(status); last screen:\n\(last)")
        }
    }
}
