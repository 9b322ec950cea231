import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// The category field of the offer and need forms lists every category the words fit and
/// lets the broker choose with the arrows; the console shows the codes the command line takes.
@Suite struct CategoryPickerTests {
    /// Opens a new offer for an active member and types "garden" into Category. In the bundled
    /// taxonomy, in list order (group, then name), "garden" fits company.outings (its keywords
    /// say garden), then the eight garden.* services from Allotment help to Weeding.
    func typedGarden() throws -> (MatchFixture, Member) {
        let f = try MatchFixture()
        let row = try #require(try f.store.members(MemberQuery(status: .active), limit: 1, today: MatchFixture.today).rows.first)
        let m = try #require(try f.store.member(row.number))
        f.press(.char("3"), .char("+"))
        f.type("\(m.number)")
        f.press(.tab)
        f.type("garden")
        return (f, m)
    }

    @Test func everyMatchIsListedWithItsCode() throws {
        let (f, _) = try typedGarden()
        #expect(f.screen.contains("9 match"))
        for code in ["company.outings", "garden.allotment", "garden.clearance", "garden.advice", "garden.hedges", "garden.lawn",
                     "garden.planting", "garden.watering", "garden.weeding"] {
            #expect(f.line(containing: code) != nil, "\(code) on\n\(f.screen)")
        }
        #expect(!f.screen.contains("more match"))
    }

    @Test func theArrowsChooseTheThirdMatchAndItIsSaved() throws {
        let (f, m) = try typedGarden()
        f.press(.down, .down)
        #expect(f.line(containing: "› garden.clearance") != nil, "\(f.screen)")
        f.press(.tab)  // takes the highlighted one and moves on to Title
        #expect(f.line(containing: "Category: garden.clearance · Garden and outdoors › Garden clearance") != nil, "\(f.screen)")
        #expect(!f.screen.contains("9 match"))
        f.type("Clearing overgrown gardens")
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Done: Added offer"), "\(f.message)")
        let saved = try #require(try f.store.offers().last)
        let clearance = try #require(try f.store.categories().first { $0.code == "garden.clearance" })
        #expect(saved.member == m.number && saved.categoryID == clearance.id)
    }

    @Test func wordsThatFitSeveralAreNotSavedAsTheFirst() throws {
        let (f, _) = try typedGarden()
        let before = try f.store.offers().count
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Error: Not saved"))
        #expect(f.screen.contains("! Choose one from the list"))
        #expect(try f.store.offers().count == before)
    }

    @Test func upStopsAtTheFirstAndEnterTakesWithoutLeaving() throws {
        let (f, _) = try typedGarden()
        f.press(.down, .up, .up, .enter)
        #expect(f.line(containing: "Category: company.outings") != nil, "\(f.screen)")
        f.type("x")  // still in the category field: the code is now company.outingsx
        #expect(f.screen.contains("company.outingsx"))
    }
}

extension CategoryPickerTests {
    @Test func escClosesTheListAndASecondEscLeavesTheForm() throws {
        let (f, _) = try typedGarden()
        f.press(.escape)
        #expect(!f.screen.contains("9 match"))
        #expect(f.screen.contains("New offer"))
        f.press(.escape)  // "garden" was typed, so leaving asks first
        #expect(f.screen.contains("Discard?"))
        #expect(f.screen.contains("New offer"))
        f.press(.char("d"))
        #expect(!f.screen.contains("New offer"))
    }
}

extension CategoryPickerTests {
    @Test func aListPutAwayWithEscComesBackWithTheArrows() throws {
        let (f, _) = try typedGarden()
        f.press(.escape, .down)
        #expect(f.screen.contains("9 match"))
        f.press(.down, .down, .enter)
        #expect(f.line(containing: "Category: garden.clearance") != nil, "\(f.screen)")
    }
}
