import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// The slip form: what a broker sees while typing one exchange, and what gets recorded.
@Suite struct RecordHoursSlipTests {
    /// Ann at 2:45 and Bob at -0:30, so the preview has real balances to move.
    func annAndBob() throws -> (RecordHoursFixture, ann: Int, bob: Int) {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh"), carol = try f.member("Carol Webb")
        try f.exchange(.member(ann), .member(bob), 30)
        try f.exchange(.member(ann), .member(carol), 135)
        return (f, ann, bob)
    }

    @Test func previewShowsBothSidesBeforeSaving() throws {
        let (f, ann, _) = try annAndBob()
        f.type("\(ann)")
        f.press(.tab)
        f.type("marsh")
        #expect(f.line(containing: "Bob Marsh")?.contains("active") == true)  // the dropdown row
        f.press(.tab)
        f.type("1:30")
        let preview = try #require(f.line(containing: "Preview"))
        #expect(preview.contains("Ann Lee +1:30 → 4:15 · Bob Marsh −1:30 → −2:00"))
        #expect(f.line(containing: "Giver")?.contains("Ann Lee · active · balance 2:45") == true)
        #expect(f.exchangeCount == 2)
    }

    @Test func anOrdinarySlipTakesFifteenKeystrokes() throws {
        let (f, ann, bob) = try annAndBob()
        var keys = 0
        for c in "\(ann)" { f.press(.char(c)); keys += 1 }
        f.press(.tab); keys += 1
        for c in "marsh" { f.press(.char(c)); keys += 1 }
        f.press(.tab); keys += 1
        for c in "1:30" { f.press(.char(c)); keys += 1 }
        f.press(.ctrl("s")); keys += 1
        #expect(keys <= 25)
        #expect(f.message.hasPrefix("Done: Recorded: Ann Lee gave Bob Marsh 1:30 on 15/03/2026"))
        #expect(try f.balance(.member(bob)) == -120)
        #expect(try f.balance(.member(ann)) == 255)
    }

    @Test func validationMessagesSitBesideTheFieldOnceLeft() throws {
        let (f, ann, _) = try annAndBob()
        f.type("\(ann)")
        f.press(.tab)
        f.type("nobody-here")
        f.press(.tab)  // no match: moves on and says so
        #expect(f.line(containing: "Receiver")?.contains("! Nobody matches 'nobody-here'") == true)
        f.type("abc")
        #expect(f.line(containing: "Duration")?.contains("!") == false)  // not while still typing
        f.press(.tab)
        let duration = try #require(f.line(containing: "Duration"))
        #expect(duration.contains("abc") && duration.contains("! 'abc' is not a duration; write it as"))
        f.type("31/02")
        f.press(.tab)
        #expect(f.line(containing: "Date")?.contains("! '31/02' is not a day in the calendar.") == true)
        f.press(.ctrl("s"))
        #expect(f.message.hasPrefix("Error: Not saved"))
        #expect(f.exchangeCount == 2)
    }

    @Test func creditLimitNeedsAnExplicitYes() throws {
        let (f, ann, bob) = try annAndBob()
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type("9:45")
        #expect(f.screen.contains("! Bob Marsh would go to −10:15, past the −10:00 credit limit."))
        f.press(.ctrl("s"))
        #expect(f.screen.contains("Past the credit limit"))
        #expect(f.screen.contains("Bob Marsh would go to −10:15, past") && f.screen.contains("Record"))
        f.press(.enter)  // the default answer is No
        #expect(f.exchangeCount == 2)
        #expect(f.message.contains("Not recorded"))
        f.press(.ctrl("s"))
        f.press(.char("n"))
        #expect(f.exchangeCount == 2)
        f.press(.ctrl("s"))
        f.press(.char("y"))
        #expect(f.exchangeCount == 3)
        #expect(try f.balance(.member(bob)) == -615)
    }

    @Test func savingTwiceRecordsOnce() throws {
        let (f, ann, bob) = try annAndBob()
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type("1h")
        f.press(.ctrl("s"), .ctrl("s"))
        #expect(f.exchangeCount == 3)
        #expect(f.message == "Already recorded: Ann Lee gave Bob Marsh 1:00 on 15/03/2026.")
        f.press(.function(2))
        for _ in 0..<12 { f.press(.enter) }  // Enter held down runs through the empty form and "saves" it
        #expect(f.exchangeCount == 3)
        #expect(f.message.hasPrefix("Already recorded"))
    }

    @Test func aRetryAfterAnErrorRecordsOnceUnderTheSameID() throws {
        let (f, ann, bob) = try annAndBob()
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type("1h")
        let id = try #require((f.app.screens[.recordHours] as? RecordHoursScreen)?.slip.requestID)
        // Another broker marks Bob as left meanwhile: the store refuses and the slip stays.
        var member = try #require(try f.store.member(bob))
        member.status = .left
        member.statusReason = "Moved away"
        member = try f.store.updateMember(member, by: f.broker, today: RecordHoursFixture.today)
        f.press(.ctrl("s"))
        #expect(f.message.contains("has left the time bank"))
        #expect(f.exchangeCount == 2)
        member.status = .onHold
        member.statusReason = "Back soon"
        _ = try f.store.updateMember(member, by: f.broker, today: RecordHoursFixture.today)
        f.app.reload()  // what the console does when another broker writes
        f.press(.ctrl("s"), .ctrl("s"))
        #expect(f.exchangeCount == 3)
        #expect(try f.store.exchange(id: id) != nil)
        #expect(f.message.hasPrefix("Already recorded"))
    }

    @Test func afterASaveTheFormClearsAndKeepsTheDate() throws {
        let (f, ann, bob) = try annAndBob()
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type("45m"); f.press(.tab)
        f.type("yesterday"); f.press(.tab)
        f.type("garden"); f.press(.tab)
        f.type("Weeding the front")
        #expect(f.line(containing: "Duration")?.contains("0:45 (45 minutes)") == true)
        f.press(.ctrl("s"))
        #expect(f.message.contains("on 14/03/2026"))
        #expect(f.line(containing: "Date")?.contains("yesterday") == true)
        #expect(f.line(containing: "Giver")?.contains("number or name") == true)
        #expect(f.line(containing: "Description")?.contains("Weeding") == false)
        #expect(f.app.render().cursor == Position(row: 4, column: 17))  // back in the giver field
    }

    @Test func escapeWithInputAsksFirst() throws {
        let (f, ann, _) = try annAndBob()
        f.type("\(ann)")
        #expect(f.app.hasUnsavedInput)
        f.press(.escape)
        #expect(f.screen.contains("Discard this slip?"))
        f.press(.char("k"))  // Keep typing
        #expect(f.line(containing: "Giver")?.contains("Ann Lee") == true)
        f.press(.escape, .char("d"))
        #expect(!f.app.hasUnsavedInput)
        #expect(f.screen.contains("Enter or Tab to type a slip"))
        f.press(.char("1"))  // out of the form, digits switch screens again
        #expect(f.app.current == .today)
    }

    @Test func digitsInAFieldAreTypingNotScreenSwitches() throws {
        let f = try RecordHoursFixture()
        f.type("123456")
        #expect(f.app.current == .recordHours)
        #expect(f.line(containing: "Giver")?.contains("123456") == true)
    }

    @Test func longAndWideNamesKeepTheLayout() throws {
        let f = try RecordHoursFixture()
        let long = String(repeating: "Bartholomew ", count: 10).trimmingCharacters(in: .whitespaces)
        #expect(long.count >= 119)  // the store allows 120 characters; wider than any column here
        try f.member(long)
        let zoe = try f.member("Zoë 王 O'Brien")
        f.type("zoe")
        let frame = f.app.render()
        let row = try #require(frame.lines.firstIndex { $0.contains("Zoë 王 O'Brien") })
        #expect(frame[row, 78].text == "│")  // the dropdown's right edge stays in place
        f.press(.tab)
        #expect(f.line(containing: "Giver")?.contains("\(zoe)") == true)
        #expect(f.line(containing: "Giver")?.contains("Zoë 王 O'Brien · active") == true)
        f.type("bartholomew")
        let listed = f.app.render()
        let longRow = try #require(listed.lines.firstIndex { $0.contains("Bartholomew Bartholomew") })
        #expect(listed.lines[longRow].contains("…"))
        #expect(listed[longRow, 78].text == "│")
        f.press(.tab, .char("2"))
        let preview = try #require(f.line(containing: "Preview"))
        #expect(preview.contains("…") && preview.contains("+2:00 →") && preview.contains("−2:00 →"))
        for line in f.lines { #expect(line.displayWidth <= 80) }
    }

    @Test func potIsPickedByName() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee")
        f.type("\(ann)"); f.press(.tab); f.type("pot"); f.press(.tab); f.type("2")
        #expect(f.screen.contains("A grant of 2:00 from the community pot to Ann Lee."))
        f.press(.ctrl("s"))
        #expect(try f.balance(.pot) == -120)
    }
}
