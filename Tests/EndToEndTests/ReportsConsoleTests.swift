import Foundation
import Testing

/// Screen 6 in the real binary on a vt100 without colour at 80x24: the headline figures it
/// shows are those `timebank report --format json` gives, through periods and sections.
@Suite("reports console and command", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct ReportsConsoleTests {
    /// Hours as the report prints them, written here from the rule: H:MM, hours grouped by thousands.
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        let hours = h >= 1000 ? "\(h / 1000)," + String(format: "%03d", h % 1000) : String(h)
        return hours + ":" + String(format: "%02d", m)
    }

    static func value(_ json: [String: Any], _ section: String, _ figure: String) -> Int? {
        ((json["sections"] as? [String: Any])?[section] as? [String: Any]).flatMap { ($0[figure] as? [String: Any])?["value"] as? Int }
    }

    /// The "This period" cell of the screen line labelled `label`.
    static func shown(_ screen: String, _ label: String) -> String? {
        guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix(" " + label + " ") }) else { return nil }
        return String(line.dropFirst(35).prefix(11)).trimmingCharacters(in: .whitespaces)
    }

    @Test func headlineOnScreenEqualsTheJSONReport() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 150, seed: 12)
            let thisMonth = Fixture.month(offset: 0), lastMonth = Fixture.month(offset: -1)
            let now = try JSON.object(try await tb.ok("report", thisMonth, "--format", "json").stdout)
            let before = try JSON.object(try await tb.ok("report", lastMonth, "--format", "json").stdout)

            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, term: "vt100",
                               environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("6")
                var screen = try await t.waitFor("Section 1/12: Headline")
                screen = try await t.waitFor("Retention")
                let figures: [(String, String)] = [("Exchanges", "exchanges"), ("Active members", "active_members"), ("Gave", "givers"),
                                                   ("Received", "receivers"), ("Gave and received", "gave_and_received"),
                                                   ("New members", "new_members")]
                for (label, figure) in figures {
                    #expect(Self.shown(screen, label) == Self.value(now, "headline", figure).map(String.init), "\(label)\n\(screen)")
                }
                #expect(Self.shown(screen, "Hours exchanged") == Self.value(now, "headline", "minutes_exchanged").map(Self.clock))

                try await t.press("Left")
                screen = try await t.waitFor(" · \(lastMonth)-01 to ")
                screen = try await t.waitFor("Retention")
                #expect(Self.shown(screen, "Exchanges") == Self.value(before, "headline", "exchanges").map(String.init), "\(screen)")
                #expect(Self.shown(screen, "Hours exchanged") == Self.value(before, "headline", "minutes_exchanged").map(Self.clock))

                try await t.press("Tab")
                screen = try await t.waitFor("Section 2/12: Co-production")
                screen = try await t.waitFor("Donated to the pot")
                #expect(Self.shown(screen, "Granted from the pot") == Self.value(before, "co_production", "pot_granted_minutes").map(Self.clock))
                try await t.press("Tab", "Tab", "Tab", "Tab", "Tab")
                screen = try await t.waitFor("Section 7/12: By month")
                #expect(!screen.contains("█"), "vt100 cannot show block characters:\n\(screen)")
            }
        }
    }

    @Test func badPeriodsGetOneSentenceAndExit2() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 1)
            for args in [["2026-13"], ["2026-Q5"], ["FY20x"], ["--from", "2026-05-01", "--to", "2026-04-01"], ["2026-11", "--format", "pdf"],
                         ["2026-11", "--section", "gossip"]] {
                let r = try await tb.run(["report"] + args)
                #expect(r.status == 2, "\(args): \(r)")
                #expect(r.stdout.isEmpty)
                #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            }
            let csv = try await tb.ok("report", "2030-01", "--format", "csv").stdout
            #expect(csv.hasPrefix("section,figure,breakdown,value,previous,year_before\nheadline,exchanges,,0,0,0\n"))
        }
    }
}
