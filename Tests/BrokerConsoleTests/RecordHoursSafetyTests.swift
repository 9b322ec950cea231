import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Issue 12: the slip catches what a fast typist gets wrong: a kept date typed onto, a date in
/// the future, a bare 13, the same slip twice; and the screen can be left from an empty slip.
@Suite struct RecordHoursSafetyTests {
    func annAndBob() throws -> (RecordHoursFixture, ann: Int, bob: Int) {
        let f = try RecordHoursFixture()
        return (f, try f.member("Ann Lee"), try f.member("Bob Marsh"))
    }

    func slip(_ f: RecordHoursFixture, _ ann: Int, _ bob: Int, _ duration: String) {
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type(duration)
    }

    @Test func aKeptDateIsReplacedByTheFirstKeyTyped() throws {
        let (f, ann, bob) = try annAndBob()
        slip(f, ann, bob, "1h"); f.press(.tab); f.type("-1")
        f.press(.ctrl("s"))
        #expect(f.message.contains("on 14/03/2026"))
        slip(f, ann, bob, "2h"); f.press(.tab)
        #expect(f.line(containing: "Date")?.contains("Sat 14/03/2026, yesterday") == true)
        f.type("0")  // replaces the kept "-1": never "-10", ten days ago
        let typed = try #require(f.line(containing: "Date"))
        #expect(typed.hasSuffix("Date           0") && !typed.contains("-10"), "\(typed)")
        f.press(.backspace); f.type("-3")
        #expect(f.line(containing: "Date")?.contains("Thu 12/03/2026, 3 days ago") == true)
        f.press(.ctrl("s"))
        #expect(f.message.contains("on 12/03/2026"))
    }

    @Test func aFutureDateIsRefusedInOneSentence() throws {
        let (f, ann, bob) = try annAndBob()
        slip(f, ann, bob, "1h"); f.press(.tab); f.type("16/03"); f.press(.tab)
        #expect(f.line(containing: "Date")?.contains("16/03/2026 is in the future: hours are") == true)
        #expect(f.screen.contains("recorded after they happen."))
        f.press(.ctrl("s"))
        #expect(f.exchangeCount == 0)
    }

    @Test func aBare13IsAQuestion() throws {
        let (f, ann, bob) = try annAndBob()
        slip(f, ann, bob, "13"); f.press(.tab)
        #expect(f.screen.contains("13 minutes or 13 hours?"))
        f.press(.char("h"))
        #expect(f.line(containing: "Duration")?.contains("13:00 (13 hours)") == true)
        f.press(.ctrl("s"), .char("y"))  // yes, past Bob's credit limit
        #expect(try f.balance(.member(ann)) == 13 * 60)
        slip(f, ann, bob, "13")
        f.press(.ctrl("s"))  // saving asks too
        #expect(f.screen.contains("13 minutes or 13 hours?"))
        f.press(.char("m"), .char("y"))
        #expect(try f.balance(.member(ann)) == 13 * 60 + 13)
    }

    @Test func theSameSlipAgainIsAskedAboutWithNoAsTheDefault() throws {
        let (f, ann, bob) = try annAndBob()
        slip(f, ann, bob, "1:30"); f.press(.ctrl("s"))
        slip(f, ann, bob, "1:30"); f.press(.ctrl("s"))
        #expect(f.screen.contains("Ann Lee gave Bob Marsh 1:30 on 15/03"))
        #expect(f.screen.contains("already, recorded by tester at"))
        #expect(f.screen.contains("— record again?"))
        f.press(.enter)  // No
        #expect(f.exchangeCount == 1)
        #expect(f.line(containing: "Giver")?.contains("Ann Lee") == true)  // the slip is still there
        f.press(.ctrl("s"), .char("y"))
        #expect(f.exchangeCount == 2)
    }

    @Test func anEmptySlipIsLeftWithAScreenNumber() throws {
        let f = try RecordHoursFixture()
        f.press(.escape)  // the fixture went into the slip; arriving again is the same state
        f.press(.char("1"))
        #expect(f.app.current == .today)
        f.press(.char("5"))
        #expect(f.screen.contains("Enter or Tab to type a slip"))
    }

    /// README's table: Enter, 1005, Tab, mark, Tab, 1.5, Ctrl-S from the screen at rest.
    @Test func readmesSlipIsFifteenKeysFromRest() throws {
        let (f, ann, bob) = try annAndBob()
        f.press(.escape)
        var keys: [Key] = [.enter] + "\(ann)".map { Key.char($0) } + [.tab] + "mars".map { Key.char($0) } + [.tab]
        keys += "1.5".map { Key.char($0) } + [.ctrl("s")]
        #expect(keys.count == 15)
        for key in keys { f.press(key) }
        #expect(f.message.hasSuffix("Recorded: Ann Lee gave Bob Marsh 1:30 on 15/03/2026."))
        #expect(try f.balance(.member(bob)) == -90)
    }

    @Test func theSessionsSlipsAreListedAndTheLastIsUndoneInTwoKeys() throws {
        let (f, ann, bob) = try annAndBob()
        slip(f, ann, bob, "1h"); f.press(.ctrl("s"))
        slip(f, bob, ann, "2h"); f.press(.ctrl("s"))
        let lines = f.lines
        let title = try #require(lines.firstIndex { $0.contains("This session") }, "\(f.screen)")
        #expect(lines[title].contains("Bob Marsh gave Ann Lee 2:00 on 15/03"), "\(f.screen)")  // most recent first
        #expect(lines[title + 1].contains("F8 undo") && lines[title + 1].contains("Ann Lee gave Bob Marsh 1:00 on 15/03"))
        f.press(.function(8), .char("y"))
        #expect(f.message == "Done: Undone: Bob Marsh gave Ann Lee 2:00 on 15/03; a reversal takes it back.")
        #expect(f.exchangeCount == 3)
        #expect(try f.balance(.member(ann)) == 60 && f.balance(.member(bob)) == -60)
        #expect(f.lines[title].contains("2:00 on 15/03  (undone)"))
        f.press(.function(8))
        #expect(f.screen.contains("Ann Lee gave Bob Marsh 1:00"))  // the next one back is offered, default No
        f.press(.enter)
        #expect(f.exchangeCount == 3)
    }

    @Test func aLetterAtRestStartsTheGiversName() throws {
        let f = try RecordHoursFixture()
        _ = try f.member("Ann Lee")
        f.press(.escape)
        f.type("ann")
        #expect(f.line(containing: "Giver")?.contains("ann") == true)
    }
}
