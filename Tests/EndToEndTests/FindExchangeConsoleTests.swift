import Foundation
import Testing
import TimeBank

/// Issue 12: "A ledger-wide search finds an exchange by member, date, hours or words, for
/// reversing it without knowing whose statement it is on", in the real binary in a real terminal
/// (80x24, no colour) and on the command line.
@Suite("finding an exchange in the whole ledger", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct FindExchangeConsoleTests {
    /// Three entries: two of Kwame's for Ann on the same day (the garden gate for 1:30, the fence
    /// for 1:00), and Zoë's shopping for Ann for 1:30.
    func withLedger(_ body: (TimeBankCLI, String, _ gate: String) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            let n = try Fixture.addMembers(db: db, names: ["Kwame Brown", "Ann Lee", "Zoë 王 O'Brien"]).map(String.init)
            func record(_ giver: String, _ hours: String, _ note: String) async throws -> String {
                let id = UUID().uuidString.lowercased()
                try await tb.ok("record", "--giver", giver, "--receiver", n[1], "--hours", hours, "--date", "yesterday", "--note", note, "--id", id)
                return id
            }
            let gate = try await record(n[0], "1:30", "Fixed the garden gate")
            _ = try await record(n[0], "1:00", "Fixed the garden fence")
            _ = try await record(n[2], "1:30", "Shopping trip")
            try Fixture.setPin(db: db)  // else the console first asks the broker to choose a PIN
            try await body(tb, db, gate)
        }
    }

    @Test func anExchangeFoundByWordsAndHoursIsReversedFromTheConsole() async throws {
        try await withLedger { tb, db, gate in
            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("5")
                try await t.waitFor("Enter or Tab to type a slip")
                try await t.press("C-r")
                try await t.waitFor("Type to search the whole ledger")
                try await t.type("garden")
                try await t.waitFor("2 found")
                try await t.type(" 1:30")
                let found = try await t.waitFor("1 found")
                #expect(found.contains("Kwame Brown"), "\(found)")
                #expect(!found.contains("Fixed the garden fence"), "\(found)")
                #expect(!found.contains("Shopping trip"), "\(found)")
                try await t.press("Enter")
                try await t.type("typed from the wrong slip")
                try await t.press("Enter")
                try await t.waitFor("Reverse this exchange?")
                try await t.press("y")
                try await t.waitFor("Reversed \(gate.prefix(8))")
                // The same exchange again: it says it was reversed, and nothing more is written.
                try await t.press("Up")
                try await t.press("Enter")
                try await t.waitFor("already reversed")
            }
            let rows = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
            #expect(rows.count == 4)
            #expect(rows.filter { $0["reverses"] == gate }.count == 1)
        }
    }

    @Test func theCommandLineListsTheIdThatReverseTakes() async throws {
        try await withLedger { tb, _, gate in
            let table = try await tb.ok("exchanges", "find", "obrien", "1:30").stdout
            #expect(table.contains("Shopping trip"), "\(table)")
            #expect(!table.contains("garden"), "\(table)")
            #expect(table.contains("1 exchange."), "\(table)")
            let csv = try CSV.parse(try await tb.ok("exchanges", "find", "kwame garden", "yesterday", "--format", "csv").stdout).records
            #expect(csv.map { $0["description"] } == ["Fixed the garden fence", "Fixed the garden gate"])
            #expect(csv.contains { $0["id"] == gate && $0["minutes"] == "90" })
            try await tb.ok("reverse", gate, "--reason", "typed twice")
            let after = try await tb.ok("exchanges", "find", "garden", "1:30", "--format", "json").stdout
            #expect(after.contains("\"reversed_by\": \""), "\(after)")
            let empty = try await tb.run("exchanges", "find")
            #expect(empty.exitCode == 1)
            #expect(empty.stderr.contains("Say what to look for"), "\(empty)")
        }
    }
}
