import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// One rule for typing on Offers & needs and Match, as on Members: on a list a letter starts a
/// fresh search with it, `j`/`k` move and `q` quits, digits switch screens unless the search line
/// has the cursor, and the lists' commands are Ctrl keys with an F-key beside each.
@Suite struct ListTypingTests {
    /// The search line as the list draws it, "/ " and the text typed.
    func searchLine(_ f: MatchFixture) -> String? {
        f.lines.first { $0.hasPrefix("/ ") || $0.hasPrefix(" / ") }?.trimmingCharacters(in: .whitespaces)
    }

    @Test func lettersOnOffersAndNeedsSearchAndDigitsSwitchScreens() throws {
        let f = try MatchFixture()
        f.press(.char("3"))
        f.type("garden")
        #expect(f.app.current == .offersAndNeeds)
        #expect(searchLine(f)?.hasPrefix("/ garden") == true, "\(f.screen)")
        // While the search line has the cursor a digit is typed, not a screen number.
        f.type("4")
        #expect(f.app.current == .offersAndNeeds)
        #expect(searchLine(f)?.hasPrefix("/ garden4") == true)
        // Out of the search line (the list stays searched), a new letter starts afresh.
        f.press(.tab)
        f.type("w")
        #expect(searchLine(f)?.hasPrefix("/ w") == true && searchLine(f)?.contains("garden") == false, "\(f.screen)")
        f.press(.tab)
        f.press(.char("4"))
        #expect(f.app.current == .match)
    }

    @Test func theOldLetterCommandsAreSearchesNow() throws {
        let f = try MatchFixture()
        f.press(.char("3"))
        for letter in ["a", "e", "x", "m", "s", "c"] {
            f.press(.char(Character(letter)))
            #expect(!f.screen.contains("New offer") && !f.screen.contains("Editing offer") && !f.screen.contains("Close offer?")
                    && !f.screen.contains("Open needs that"), "\(letter) ran a command")
            #expect(searchLine(f)?.hasPrefix("/ \(letter)") == true, "\(letter) starts a fresh search: \(f.screen)")
            f.press(.tab)
        }
        // The commands themselves, each on a Ctrl key and an F-key.
        f.press(.escape)
        f.press(.ctrl("e"))
        #expect(f.screen.contains("Editing offer"))
        f.press(.escape)
        f.press(.function(4))
        #expect(f.screen.contains("Editing offer"))
        f.press(.escape)
        f.press(.function(7))
        #expect(f.screen.contains("Close offer?"))
        f.press(.escape)
        f.press(.function(5))
        #expect(f.screen.contains("Open needs that"))
    }

    @Test func jAndKMoveAndQQuitsOnTheLists() throws {
        let f = try MatchFixture()
        f.press(.char("3"))
        let first = try #require(f.frame.cursor).row
        f.press(.char("j"))
        #expect(f.frame.cursor?.row == first + 1)
        f.press(.char("k"))
        #expect(f.frame.cursor?.row == first)
        #expect(searchLine(f) == nil)
        #expect(f.app.handle(.char("q")) == .quit)

        let m = try MatchFixture()
        m.press(.char("4"), .enter)
        #expect(m.screen.contains("Ranked helpers"))
        #expect(m.app.handle(.char("q")) == .quit)
    }

    @Test func lettersOnMatchSearchTheNeedsFromEveryList() throws {
        let f = try MatchFixture()
        f.press(.char("4"))
        f.type("watering")
        #expect(searchLine(f)?.hasPrefix("/ watering") == true, "\(f.screen)")
        #expect(f.line(containing: "Watering while on holiday") != nil)
        f.press(.enter)
        #expect(f.screen.contains("Ranked helpers"))
        // On the ranked helpers a letter goes back to the needs with a fresh search.
        f.type("learn")
        #expect(f.line(containing: "Open needs (") != nil)
        #expect(searchLine(f)?.hasPrefix("/ learn") == true, "\(f.screen)")
        #expect(f.line(containing: "Learn to knit") != nil)
        #expect(f.line(containing: "Watering while on holiday") == nil)
        // And from the referrals.
        f.press(.tab, .ctrl("r"))
        #expect(f.line(containing: "Referrals still moving") != nil)
        f.type("w")
        #expect(searchLine(f)?.hasPrefix("/ w") == true && searchLine(f)?.contains("learn") == false, "\(f.screen)")
        f.press(.tab, .char("5"))
        #expect(f.app.current == .recordHours)
    }

    @Test func matchCommandsAreCtrlKeysWithFKeys() throws {
        let f = try MatchFixture()
        f.press(.char("4"), .function(7))
        #expect(f.line(containing: "Referrals still moving") != nil)
        f.press(.ctrl("o"))
        #expect(f.line(containing: "All referrals") != nil)
        f.press(.function(6))
        #expect(f.line(containing: "Referrals still moving") != nil)
        f.press(.ctrl("n"))
        #expect(f.line(containing: "Open needs (") != nil)
        f.press(.enter, .function(5))
        #expect(f.line(containing: "Open needs (") != nil)
        f.press(.enter, .ctrl("v"))
        #expect(f.app.current == .members && f.memberShown != nil)
    }
}
