import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Record hours' Category field lists every category the typed words fit, as the offer and
/// need forms do, and the broker chooses one with the arrows instead of getting the first.
@Suite struct RecordHoursCategoryTests {
    /// A slip from Ann to Bob for 1:30 with "garden" typed into Category. In the bundled
    /// taxonomy, in list order (group, then name), "garden" fits company.outings (its keywords
    /// say garden), then the eight garden.* services: Allotment help, Garden clearance, ...
    func gardenTyped() throws -> (RecordHoursFixture, ann: Int, bob: Int) {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh")
        f.type("\(ann)")
        f.press(.tab)
        f.type("marsh")
        f.press(.tab)  // Duration
        f.type("1:30")
        f.press(.tab, .tab)  // Date, then Category
        f.type("garden")
        return (f, ann, bob)
    }

    @Test func everyMatchIsListedWithItsCode() throws {
        let (f, _, _) = try gardenTyped()
        #expect(f.screen.contains("9 match"), "\(f.screen)")
        for code in ["company.outings", "garden.allotment", "garden.clearance"] {
            #expect(f.line(containing: code) != nil, "\(code) on\n\(f.screen)")
        }
        #expect(!f.screen.contains("more match"))
    }

    @Test func theArrowsChooseTheThirdMatchAndItIsRecorded() throws {
        let (f, ann, _) = try gardenTyped()
        f.press(.down, .down)
        #expect(f.line(containing: "› garden.clearance") != nil, "\(f.screen)")
        f.press(.tab)  // takes the highlighted one and moves on to Description
        #expect(f.line(containing: "Category")?.contains("garden.clearance") == true, "\(f.screen)")
        #expect(!f.screen.contains("9 match"))
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Done: Recorded: Ann Lee gave Bob Marsh 1:30"), "\(f.message)")
        let recorded = try #require(try f.store.statement(for: .member(ann)).lines.last)
        #expect(recorded.exchange.categoryCode == "garden.clearance")
    }

    @Test func wordsThatFitSeveralAreNotRecordedAsTheFirst() throws {
        let (f, _, _) = try gardenTyped()
        f.press(.ctrl("s"))
        #expect(!f.message.hasPrefix("Done"), "\(f.message)")
        #expect(f.screen.contains("fits 9 categories"), "\(f.screen)")
        #expect(f.exchangeCount == 0)
    }

    @Test func enterTakesTheHighlightedOneAndStaysInTheField() throws {
        let (f, _, _) = try gardenTyped()
        f.press(.down, .enter)
        #expect(f.line(containing: "Category")?.contains("garden.allotment") == true, "\(f.screen)")
        f.type("x")  // still in Category: the code is now garden.allotmentx
        #expect(f.line(containing: "Category")?.contains("llotmentx") == true, "\(f.screen)")
        f.press(.home)  // the 16-column field shows its start again
        #expect(f.line(containing: "Category")?.contains("garden.allotmen") == true, "\(f.screen)")
    }
}
