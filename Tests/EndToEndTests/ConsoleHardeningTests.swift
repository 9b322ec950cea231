import Foundation
import Testing

/// Issue #16 in the real console: dates in other scripts' digits get a message beside the field
/// (they crashed the console, leaving the terminal raw), and should the console ever fail, the
/// terminal is restored first and one sentence is printed.
@Suite("console hardening", .serialized, .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct ConsoleHardeningTests {
    /// The console inside a shell that prints the tty's modes once the console has ended.
    static func consoleThenModes(_ db: String) throws -> [String] {
        ["/bin/bash", "--norc", "-c", "\"$0\" --db \"$1\"; echo ended; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo -e -icanon -e -echo; sleep 60",
         try Binary.timebank(), db]
    }

    @Test("Record hours: ２０２６-１１-２９ and 28/１１ in the date field give a message beside it; the console runs on and leaves the terminal sane")
    func foreignDigitsInTheDateField() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            try await Fixture.demo(TimeBankCLI(db: db), members: 20, seed: 4)
            try await withTmux(try Self.consoleThenModes(db), width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("5")
                try await t.waitFor("Enter or Tab to type a slip")
                try await t.press("Enter")  // Record hours opens at rest; Enter goes into the slip at the giver
                try await t.press("Tab", "Tab", "Tab")
                for (n, typed) in ["２０２６-１１-２９", "28/１１"].enumerated() {
                    if n > 0 { try await t.press("BTab") }  // back to the date field
                    try await t.press("C-u")
                    try await t.type(typed)
                    try await t.press("Tab")
                    let screen = try await t.waitFor("'\(typed)' is not a date")
                    let line = try #require(screen.split(separator: "\n").first { $0.contains("is not a date") })
                    #expect(line.contains("Date"), "the message is not beside the date field:\n\(screen)")
                    #expect(try await t.exitStatus() == nil, "the console ended")
                }
                try await t.press("Escape")
                try await t.waitFor("Enter or Tab to type a slip")  // Esc then 1 at once would read as Alt-1
                try await t.press("1")
                try await t.waitFor("This month")
                try await t.press("q")
                let after = try await t.waitFor("ended")
                try await t.waitFor("echo")
                let modes = try await t.capture()
                #expect(modes.contains("\nicanon") && modes.contains("\necho"), "the terminal was left raw:\n\(after)\n\(modes)")
                #expect(!modes.contains("-icanon") && !modes.contains("-echo"), "\(modes)")
            }
        }
    }

    @Test("Vetting: ２０２６-１１-２９ and 28/１１ in a reference's date give a message beside it; the console runs on")
    func foreignDigitsInVetting() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            try await Fixture.demo(TimeBankCLI(db: db), members: 20, seed: 4)
            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("2")
                try await t.waitFor("Members")
                try await t.press("Enter")
                try await t.waitFor("Ctrl-V Vetting")
                try await t.press("C-v")
                try await t.waitFor("Vetting of")
                try await t.press("Tab")  // the first reference's date received
                for typed in ["２０２６-１１-２９", "28/１１"] {
                    try await t.press("C-u")
                    try await t.type(typed)
                    try await t.press("Tab")
                    let screen = try await t.waitFor("'\(typed)' is not a date")
                    let line = try #require(screen.split(separator: "\n").first { $0.contains("is not a date") })
                    #expect(line.contains("Received"), "the message is not beside the date field:\n\(screen)")
                    #expect(try await t.exitStatus() == nil, "the console ended")
                    try await t.press("BTab")
                }
            }
        }
    }

    @Test("A console that fails (a fatal signal) restores the terminal first and says so in one sentence")
    func crashRestoresTheTerminal() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            try await Fixture.demo(TimeBankCLI(db: db), members: 10, seed: 4)
            try await withTmux(try Self.consoleThenModes(db), width: 80, height: 24) { t in
                try await t.waitFor("This month")
                let shell = try await t.query("#{pane_pid}")
                let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
                let console = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
                #expect(kill(console, SIGSEGV) == 0)
                let screen = try await t.waitFor("ended")
                #expect(screen.contains("The console stopped on an internal error; the terminal has been restored"), "\(screen)")
                let modes = try await t.waitFor("echo")
                #expect(modes.contains("\nicanon") && modes.contains("\necho") && !modes.contains("-icanon"), "the terminal was left raw:\n\(modes)")
            }
        }
    }
}
