import Foundation
import Testing
import TimeBank

/// Issue 12, statements: the paper statement written from the console (F7) and by
/// `timebank statement --format text` is one text whose totals are the sums of its columns, with
/// the welcome credit on its own line and a reversal counted once.
@Suite("paper statements", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct StatementPaperConsoleTests {
    static func minutes(_ clock: Substring) -> Int {
        let negative = clock.hasPrefix("-")
        let parts = clock.dropFirst(negative ? 1 : 0).split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return 0 }
        return (negative ? -1 : 1) * (parts[0] * 60 + parts[1])
    }

    @Test func aReversalAndAWelcomeCreditAddUpLineByLine() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 12, seed: 3)
            let exchanges = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
            let active = Set(try await Fixture.activeMembers(tb).map(String.init))
            let member = try #require(exchanges.first { $0["category"] == "welcome" && active.contains($0["giver"] ?? "") }?["giver"])
            let other = try #require(active.first { $0 != member })
            let recorded = try await tb.ok("record", "--giver", member, "--receiver", other, "--hours", "1:30", "--note", "Gardening",
                                           "--accept-credit-limit", "--allow-duplicate")
            let id = String(try #require(recorded.stdout.split(separator: " ").dropFirst(1).first).dropLast())
            try await tb.ok("reverse", id, "--reason", "Wrong member")
            let cli = try await tb.ok("statement", member, "--format", "text").stdout

            let text = try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"],
                                          directory: dir.path("")) { t -> String in
                try await t.waitFor("This month")
                try await t.press("5")
                try await t.waitFor("Enter or Tab to type a slip")
                try await t.press("F4")
                try await t.type(member)
                try await t.press("Enter")
                try await t.waitFor("reverses ")
                try await t.press("F7")
                try await t.waitFor("File name")
                try await t.press("Enter")
                let screen = try await t.waitFor("Statement written: ")
                let name = try #require(screen.split(separator: "\n").first { $0.contains("Statement written: ") }?
                    .components(separatedBy: "Statement written: ").last?.components(separatedBy: " in ").first)
                #expect(name == "statement-\(member)-\(CalendarDate.today().iso).txt")
                return try String(contentsOfFile: dir.path(name), encoding: .utf8)
            }
            #expect(text == cli)

            let lines = text.split(separator: "\n").map(String.init)
            let header = try #require(lines.first { $0.hasPrefix("Date") })
            func end(_ title: String) -> Int { header.range(of: title)!.upperBound.utf16Offset(in: header) }
            // Amounts are right-aligned under their titles and at most six characters ("-12:30").
            let bounds = ["Given", "Received", "Pot"].map { ($0, end($0) - 6, end($0)) }
            var sums: [String: Int] = [:]
            let entries = lines.filter { $0.first?.isNumber == true && $0.count > 11 }
            for row in entries {
                let chars = Array(row)
                for (title, from, to) in bounds where chars.count > from {
                    sums[title, default: 0] += Self.minutes(Substring(String(chars[from..<min(to, chars.count)]).trimmingCharacters(in: .whitespaces)))
                }
            }
            func total(_ label: String) -> Int { Self.minutes(lines.first { $0.hasPrefix(label) }?.split(separator: " ").last ?? "") }
            #expect(total("Hours given") == sums["Given"], "\(text)")
            #expect(total("Hours received") == sums["Received"], "\(text)")
            #expect(total("Credits from the community pot") == sums["Pot"], "\(text)")
            #expect(total("Credits from the community pot") == 120, "the welcome credit, on its own line\n\(text)")
            let correction = try #require(entries.first { $0.contains("Correction") }, "\(text)")
            let gardening = try #require(entries.first { $0.contains("Gardening") }, "\(text)")
            #expect(correction.contains("-1:30") && gardening.contains(" 1:30 "), "\(text)")
            let welcome = try #require(entries.first { $0.contains("Welcome credit") }, "\(text)")
            #expect(welcome.contains("2:00"))
            let b = try JSON.object(try await tb.ok("balance", member, "--format", "json").stdout)
            #expect(total("Balance") == b["balance_minutes"] as? Int)
        }
    }
}
