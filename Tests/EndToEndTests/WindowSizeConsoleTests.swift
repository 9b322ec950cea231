import Foundation
import Testing

/// The console at large windows and on a terminal without function or paging keys, in the real
/// binary in tmux: member names whole, Members' extra columns, PgDn by the rows shown, the
/// selection kept across a resize, and every screen's actions reached under TERM=vt100 with
/// the keys its help lists.
@Suite("window sizes and vt100", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct WindowSizeConsoleTests {
    /// Member numbers in the first column of the list's rows (under the filter and header lines).
    static func listedNumbers(_ lines: [String]) -> [String] {
        lines.dropFirst(4).dropLast(2).compactMap { line in
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            return Int(first) != nil ? first : nil
        }
    }

    @Test(arguments: [(132, 43), (200, 50)])
    func wideWindows(width: Int, height: Int) async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 120, seed: 3)
            let members = try CSV.parse(try await tb.ok("members", "--format", "csv").stdout).records
            let name = Dictionary(members.map { ($0["number"] ?? "", $0["name"] ?? "") }, uniquingKeysWith: { a, _ in a })
            let order = members.compactMap { $0["number"] }
            // The open need whose member has the longest name: cut at 80 columns, whole here.
            let needs = try CSV.parse(try await tb.ok("export", "needs", "--format", "csv").stdout).records.filter { $0["status"] == "open" }
            let need = try #require(needs.max { (name[$0["member"] ?? ""] ?? "").count < (name[$1["member"] ?? ""] ?? "").count })
            let member = need["member"] ?? ""
            let whole = "\(name[member] ?? "") (\(member))"
            #expect(whole.count > 20, "a name that 80 columns would cut: \(whole)")

            try await withTmux([try Binary.timebank(), "--db", db], width: width, height: height) { t in
                try await t.waitFor("This month")

                try await t.press("4")
                try await t.waitFor("Open needs (")
                try await t.press("/")
                try await t.type(need["id"] ?? "")
                try await t.waitFor(whole)
                try await t.press("Tab")  // out of the search line: digits switch screens again

                try await t.press("3")
                try await t.waitFor("listed")
                try await t.press("Tab")
                try await t.waitFor("[Needs]")
                try await t.press("/")
                try await t.type(member)
                try await t.waitFor(whole)
                try await t.press("Tab")

                // Members: the extra columns, then PgDn by exactly the rows shown (in number order,
                // as the command line lists them).
                try await t.press("2")
                try await t.waitFor("Last exch.")
                try await t.press("F3")
                let first = try await t.waitFor("sort:number")
                for column in ["Phone", "Joined", "Email"] { #expect(first.contains(column)) }
                let before = Self.listedNumbers(try await t.lines())
                #expect(before.count == height - 6, "every body row shows a member")
                #expect(before == Array(order.prefix(before.count)), "the list is in the command line's order")
                try await t.press("PageDown")
                let paged = try await t.waitUntil(timeout: 5, "the page to turn") { screen in
                    Self.listedNumbers(RunResult.lines(screen)).first == order[before.count]
                }
                let shown = Self.listedNumbers(RunResult.lines(paged))
                #expect(shown.first == order[before.count], "PgDn moved by \(before.count) rows")

                // The selected row (it holds the cursor) is the same member after a resize and back.
                let selected = try await self.selectedNumber(t)
                #expect(selected == order[before.count])
                try await t.resize(width: 80, height: 24)
                try await t.waitUntil("the narrow list") { !$0.contains("Last exch.") }
                #expect(try await self.selectedNumber(t) == selected)
                try await t.resize(width: width, height: height)
                try await t.waitFor("Last exch.")
                #expect(try await self.selectedNumber(t) == selected)
            }
        }
    }

    func selectedNumber(_ t: Tmux) async throws -> String? {
        let row = try await t.cursor().y
        let lines = try await t.lines()
        guard lines.indices.contains(row) else { return nil }
        return lines[row].split(separator: " ").first.map(String.init)
    }

    /// A vt100 has no F-keys, PgUp/PgDn, Home/End or Shift-Tab at all; under TERM=linux in tmux
    /// the F-keys tmux sends are not the Linux console's, so they do nothing either.
    @Test(arguments: ["vt100", "linux"])
    func everyScreenWorksWithoutFunctionKeys(term: String) async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 120, seed: 3)
            try await withTmux([try Binary.timebank(), "--db", db], width: 100, height: 40, term: term, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")

                // Members list: help names the keys that stand in for PgDn/PgUp/Home/End and the menu.
                try await t.press("2")
                try await t.waitFor("members")
                try await t.press("?")
                let help = try await t.waitFor("Help (Esc")
                #expect(help.contains("Ctrl-F"))
                for text in ["Ctrl-B", "< first", "command menu"] { #expect(help.contains(text), "help lists \(text)") }
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Help (Esc")
                let top = Self.listedNumbers(try await t.lines()).first
                try await t.press("C-f")
                try await t.waitUntil("Ctrl-F to page") { Self.listedNumbers(RunResult.lines($0)).first != top }
                try await t.press("<")
                try await t.waitUntil("< to go to the first row") { Self.listedNumbers(RunResult.lines($0)).first == top }
                // A filter without F5: from the command menu.
                try await t.press(":")
                try await t.waitFor("type to find a command")
                try await t.type("status")
                try await t.press("Enter")
                try await t.waitUntil("a status filter") { $0.range(of: "status:[A-Z]", options: .regularExpression) != nil }

                // The card: its commands on Ctrl keys, listed in its help.
                try await t.press("Enter")
                try await t.waitFor("[Profile]")
                try await t.press("?")
                let cardHelp = try await t.waitFor("Help (Esc")
                #expect(cardHelp.contains("Ctrl-E, F4") && cardHelp.contains("Ctrl-N, F5") && cardHelp.contains("Ctrl-V, F6"))
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Help (Esc")
                try await t.press("C-e")
                try await t.waitFor("Edit member")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Edit member")
                try await t.press("Escape")
                try await t.waitFor("F3 sort")

                // Offers & needs: its help names a Ctrl key beside every F-key; typing searches.
                try await t.press("3")
                try await t.waitFor("listed")
                try await t.press("?")
                let listingsHelp = try await t.waitFor("Help (Esc")
                for keys in ["Ctrl-E, F4", "Ctrl-T, F5", "Ctrl-O, F6", "Ctrl-X, F7", "Ctrl-U, F9", "+, Ins"] {
                    #expect(listingsHelp.contains(keys), "help lists \(keys)")
                }
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Help (Esc")
                try await t.type("garden")
                try await t.waitFor("/ garden")
                try await t.press("Tab")
                try await t.press("C-o")
                try await t.waitFor("all statuses")
                try await t.press("C-e")
                try await t.waitFor("Editing offer")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Editing offer")
                try await t.press("C-x")
                try await t.waitFor("Close offer?")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Close offer?")
                try await t.press("C-t")
                try await t.waitFor("Enter: ranked helpers")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Enter: ranked helpers")
                try await t.press("Escape")  // clears the search
                try await t.waitForAbsence(of: "/ garden")
                // A form whose typing is never thrown away without asking.
                try await t.type("+")
                try await t.waitFor("Ctrl-S or F2 saves")
                try await t.press("Tab")
                try await t.type("garden")
                try await t.waitFor("9 match")
                try await t.press("Escape")  // the first Esc puts the category list away
                try await t.waitForAbsence(of: "9 match")
                try await t.press("Escape")
                try await t.waitFor("Discard?")
                try await t.press("d")
                try await t.waitForAbsence(of: "Discard?")

                // Match: helpers paged with Ctrl-F, back with Esc; its commands on Ctrl keys.
                try await t.press("4")
                try await t.waitFor("Open needs (")
                try await t.press("?")
                let matchHelp = try await t.waitFor("Help (Esc")
                for keys in ["Ctrl-P, F3", "Ctrl-N, F5", "Ctrl-O, F6", "Ctrl-R, F7", "Ctrl-V, F8"] {
                    #expect(matchHelp.contains(keys), "help lists \(keys)")
                }
                try await t.press("Escape")
                try await t.waitForAbsence(of: "Help (Esc")
                try await t.press("Enter")
                try await t.waitFor("Ranked helpers")
                try await t.press("C-f")
                try await t.press("C-p")
                try await t.waitUntil("Ctrl-P to propose") { $0.range(of: "Referral [0-9]+ proposed:|already has referral", options: .regularExpression) != nil }
                try await t.press("C-r")
                try await t.waitFor("Referrals still moving")
                try await t.press("C-o")
                try await t.waitFor("All referrals")
                try await t.press("C-n")
                try await t.waitFor("Open needs (")
                try await t.type("learn")
                try await t.waitFor("/ learn")
                try await t.press("Escape")
                try await t.waitForAbsence(of: "/ learn")
                try await t.waitFor("Enter Open")

                // Record hours: it opens at rest, out of the form, and the menu reaches what F3 does.
                try await t.press("5")
                try await t.waitFor("Enter or Tab to type a slip")
                try await t.waitForAbsence(of: "▸")
                try await t.press(":")
                try await t.waitFor("type to find a command")
                try await t.type("group activity")
                try await t.press("Enter")
                try await t.waitFor("[F3 Group activity]")
            }
        }
    }
}
