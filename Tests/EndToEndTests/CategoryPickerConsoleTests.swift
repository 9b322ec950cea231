import Foundation
import Testing

/// The category picker in the real binary: typing a word lists every match, the arrows choose
/// the third, and the offer is saved in that category, whose code `timebank categories` lists.
@Suite("category picker console", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct CategoryPickerConsoleTests {
    @Test func choosingTheThirdMatchWithTheArrows() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            try await Fixture.demo(tb, members: 40, seed: 7)
            let member = try #require(try await Fixture.activeMembers(tb).first)
            let codes = try CSV.parse(try await tb.ok("categories", "--format", "csv").stdout).column("code")
            #expect(codes.contains("garden.clearance") && codes.contains("garden.lawn"))

            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("3")
                try await t.waitFor("[Offers]")
                try await t.press("IC")  // Insert adds; a letter would search
                try await t.waitFor("New offer")
                try await t.type(String(member))
                try await t.press("Tab")
                try await t.type("garden")
                // company.outings (keyword garden), garden.allotment, garden.clearance, ... in list order.
                let listed = try await t.waitFor("9 match")
                #expect(listed.contains("company.outings") && listed.contains("garden.weeding"), "\(listed)")
                try await t.press("Down", "Down")
                try await t.waitFor("› garden.clearance")
                try await t.press("Tab")
                try await t.waitFor("Category: garden.clearance")
                try await t.type("Clearing overgrown gardens")
                try await t.press("C-s")
                try await t.waitFor("Done: Added offer")
            }
            let offers = try CSV.parse(try await tb.ok("export", "offers", "--format", "csv").stdout).records
            let saved = try #require(offers.first { $0["title"] == "Clearing overgrown gardens" })
            #expect(saved["category"] == "garden.clearance")
            #expect(saved["member"] == String(member))
        }
    }
}
