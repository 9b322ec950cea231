import Foundation
import Testing

/// The matching work of a broker, in the real binary in a real terminal (80x24, no colour):
/// a need that needs a vetted helper, its ranked helpers, a referral proposed with one key and
/// moved to done, and Record hours waiting with the slip filled in.
@Suite("match console", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct MatchConsoleTests {
    @Test func vettedNeedToRecordedHours() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 120, seed: 3)
            let needs = try CSV.parse(try await tb.ok("export", "needs", "--format", "csv").stdout).records
            // A need nobody has been referred to yet, so the top helper can be proposed.
            let referred = Set(try CSV.parse(try await tb.ok("export", "referrals", "--format", "csv").stdout).records.compactMap { $0["need"] })
            var chosen: (need: String, receiver: String, category: String)?
            for n in needs where n["needs_vetted_helper"] == "true" && n["status"] == "open" && !referred.contains(n["id"] ?? "") {
                let ranked = try CSV.parse(try await tb.ok("match", n["id"]!, "--format", "csv").stdout)
                if ranked.rows.count >= 2 { chosen = (n["id"]!, n["member"]!, n["category"] ?? ""); break }
            }
            let (need, receiver, category) = try #require(chosen, "the demo has an open need for a vetted helper with helpers")
            let members = try CSV.parse(try await tb.ok("members", "--format", "csv").stdout).records
            let vetting = Dictionary(members.map { ($0["number"] ?? "", $0["vetting"] ?? "") }, uniquingKeysWith: { a, _ in a })

            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("4")
                try await t.waitFor("Open needs (")
                try await t.press("/")
                try await t.type(need)
                try await t.waitFor("1 row")
                try await t.press("Enter")
                let screen = try await t.waitFor("Need \(need):")

                // Every helper shown is vetted, by the screen's own reasons and by the member list.
                let helpers = Self.helperNumbers(screen)
                #expect(helpers.count >= 2, "\(screen)")
                for h in helpers { #expect(vetting[h] == "complete", "helper \(h) on\n\(screen)") }
                #expect(screen.contains("vetted"))
                let first = try #require(helpers.first)

                try await t.press("F3")
                try await t.waitFor("Done: Referral")
                try await t.press("F7")
                try await t.waitFor("Referrals still moving")
                try await t.press("Enter")
                try await t.waitFor("› contacted")
                try await t.type("Rang both")
                try await t.press("Enter")
                try await t.waitFor("is now contacted")
                try await t.press("Enter")
                try await t.waitFor("› agreed")
                try await t.press("Enter")
                try await t.waitFor("is now agreed")
                try await t.press("Enter")
                try await t.waitFor("› done (then Record hours)")
                try await t.press("Enter")

                // Record hours, with the helper as giver and the member in need as receiver.
                let slip = try await t.waitFor("[F5 One exchange]")
                let lines = slip.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                #expect(lines.first { $0.contains("Giver") }?.contains(first) == true, "\(slip)")
                #expect(lines.first { $0.contains("Receiver") }?.contains(receiver) == true, "\(slip)")
                #expect(lines.first { $0.contains("Category") }?.contains(category) == true, "\(slip)")
                let cursor = try await t.cursor()
                #expect(lines[cursor.y].contains("Duration"))
                try await t.type("1:30")
                try await t.press("C-s")
                try await t.waitFor("Recorded:")
            }
            let referrals = try CSV.parse(try await tb.ok("export", "referrals", "--format", "csv").stdout).records
            #expect(referrals.contains { $0["need"] == need && $0["status"] == "done" })
            let exchanges = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
            #expect(exchanges.contains { $0["receiver"] == receiver && $0["minutes"] == "90" })
        }
    }

    /// Member numbers on the helpers' first lines: " ›  1.  75  Emma Edwards (1019)".
    static func helperNumbers(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^ [› ] +\d+\. +-?\d+  .*\((\d+)\)/) else { return nil }
            return String(match.1)
        }
    }
}
