import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Group activities, reversals from a statement, and closed months, driven through the screen.
@Suite struct RecordHoursGroupTests {
    func total(_ f: RecordHoursFixture) throws -> Minutes {
        try f.store.balances().reduce(0) { $0 + $1.balanceMinutes }
    }

    /// F3, then a class led by `leader` for `attendees` lasting `time`.
    func typeClass(_ f: RecordHoursFixture, leader: Int, attendees: [Int], time: String) {
        f.press(.function(3), .tab)
        f.type("\(leader)")
        f.press(.tab)
        for a in attendees {
            f.type("\(a)")
            f.press(.enter)
        }
        f.press(.tab)
        f.type(time)
    }

    @Test func unevenRemainderComesFromThePotAndTheSumStaysZero() throws {
        let f = try RecordHoursFixture()
        let leader = try f.member("Priya Shah")
        let people = try ["Ann Lee", "Bob Marsh", "Carol Webb"].map { try f.member($0) }
        typeClass(f, leader: leader, attendees: people, time: "100m")
        #expect(f.screen.contains("3: \(people[0]) Ann Lee, \(people[1]) Bob Marsh, \(people[2]) Carol Webb"))
        #expect(f.screen.contains("3 attendees pay 0:33 each; the pot pays the remainder 0:01"))
        #expect(f.screen.contains("Priya Shah +1:40 → 1:40 · Ann Lee −0:33 → −0:33"))
        f.press(.ctrl("s"))
        #expect(f.screen.contains("Record group activity"))
        #expect(f.exchangeCount == 0)
        f.press(.char("y"))
        #expect(f.message.hasPrefix("Done: Recorded group activity"))
        #expect(try f.balance(.member(leader)) == 100)
        for p in people { #expect(try f.balance(.member(p)) == -33) }
        #expect(try f.balance(.pot) == -1)
        #expect(try total(f) == 0)
        #expect(f.exchangeCount == 4)
        f.press(.ctrl("s"))  // the cleared form: nothing more is recorded
        #expect(f.exchangeCount == 4)
    }

    @Test func aGroupIsAllOrNothing() throws {
        let f = try RecordHoursFixture()
        let leader = try f.member("Priya Shah")
        let people = try ["Ann Lee", "Bob Marsh", "Carol Webb"].map { try f.member($0) }
        typeClass(f, leader: leader, attendees: people, time: "1:30")
        // Another broker records that Bob left while this entry was being typed.
        var bob = try #require(try f.store.member(people[1]))
        bob.status = .left
        bob.statusReason = "Moved away"
        _ = try f.store.updateMember(bob, by: f.broker, today: RecordHoursFixture.today)
        f.press(.ctrl("s"), .char("y"))
        #expect(f.message.contains("Nothing recorded"))
        #expect(f.message.contains("has left the time bank"))
        #expect(f.exchangeCount == 0)
        #expect(try total(f) == 0)
    }

    @Test func aClassOfSixAtOneHourEachCreditsTheLeaderSixHours() throws {
        let f = try RecordHoursFixture()
        let leader = try f.member("Priya Shah")
        let people = try ["Ann Lee", "Bob Marsh", "Carol Webb", "Dev Patel", "Eve Stone", "Femi Ade"].map { try f.member($0) }
        f.press(.function(3), .left)  // from "total split" to "the same time each"
        #expect(f.screen.contains("< A class: the same time each >"))
        f.press(.tab)
        f.type("\(leader)")
        f.press(.tab)
        for p in people { f.type("\(p)"); f.press(.enter) }
        f.press(.tab)
        f.type("1")
        #expect(f.line(containing: "Each received")?.contains("1:00 (1 hour)") == true)
        #expect(f.screen.contains("Priya Shah credited 6:00: 6 attendees pay 1:00 each"))
        f.press(.ctrl("s"))
        #expect(f.screen.contains("attendees pay 1:00 each. Record 6"))
        #expect(f.screen.contains("ledger entries, one per attendee,"))
        f.press(.char("y"))
        #expect(try f.balance(.member(leader)) == 360)
        for p in people { #expect(try f.balance(.member(p)) == -60) }
        #expect(f.exchangeCount == 6)
        #expect(try total(f) == 0)
        // The help says what the dialog says: one ledger entry per participant.
        #expect(RecordAction.bindings(scope: .global).contains { $0.help.contains("one ledger entry per participant") })
    }

    @Test func everyAttendeeCanBeSeenByScrolling() throws {
        let f = try RecordHoursFixture()
        let leader = try f.member("Priya Shah")
        let names = ["Alexandra Montgomery", "Bartholomew Higgins", "Catherine Okonkwo", "Dominic Fairweather",
                     "Evangeline Walsh", "Florentyna Kowalska", "Gwendolyn Abernathy", "Hieronymus Bosch"]
        let people = try names.map { try f.member($0) }
        f.press(.function(3), .tab)
        f.type("\(leader)")
        f.press(.tab)
        for p in people { f.type("\(p)"); f.press(.enter) }
        #expect(f.screen.contains("Hieronymus Bosch"))  // the newest is always in view
        #expect(!f.screen.contains("8: "))
        f.press(.pageUp, .pageUp, .pageUp)
        #expect(f.screen.contains("8: \(people[0]) Alexandra Montgomery"))
        var seen = Set<String>()
        for _ in 0..<4 {
            for n in names where f.screen.contains(n) { seen.insert(n) }
            f.press(.pageDown)
        }
        #expect(seen == Set(names))
    }

    @Test func aTallerWindowShowsMoreAttendeesAndMovesTheFieldsBelowDown() throws {
        let f = try RecordHoursFixture()
        let leader = try f.member("Priya Shah")
        let names = ["Alexandra Montgomery", "Bartholomew Higgins", "Catherine Okonkwo", "Dominic Fairweather",
                     "Evangeline Walsh", "Florentyna Kowalska", "Gwendolyn Abernathy", "Hieronymus Bosch"]
        let people = try names.map { try f.member($0) }
        f.press(.function(3), .tab)
        f.type("\(leader)")
        f.press(.tab)
        for p in people { f.type("\(p)"); f.press(.enter) }
        let timeRowAt24 = try #require(f.lines.firstIndex { $0.contains("Leader's time") })
        // Two rows more than 80x24: the four lines of these eight names all show, without scrolling.
        f.app.resize(Size(width: 80, height: 26))
        #expect(f.screen.contains("8: \(people[0]) Alexandra Montgomery"), "\(f.screen)")
        // The list wraps between words: read the rows as one text, joined where they wrap.
        let text = f.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for (p, n) in zip(people, names) { #expect(text.contains("\(p) \(n)"), "\(p) \(n) is not in view:\n\(f.screen)") }
        #expect(!f.screen.contains("PgUp/PgDn"))
        #expect(f.lines.firstIndex { $0.contains("Leader's time") } == timeRowAt24 + 2)
    }

    @Test func theStatementsPeriodIsChosenWithKeysAndTheFileKeepsToIt() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh")
        try f.exchange(.member(ann), .member(bob), 90, date: CalendarDate(year: 2026, month: 2, day: 10)!)
        try f.exchange(.member(bob), .member(ann), 30)  // 15/03/2026
        f.press(.function(4))
        f.type("\(ann)")
        f.press(.enter)
        #expect(f.screen.contains("all entries (< > month, a all)"))
        #expect(f.screen.contains("10/02/2026") && f.screen.contains("15/03/2026"))
        f.press(.char(">"))  // this month
        #expect(f.screen.contains("March 2026 (< > month"))
        #expect(!f.screen.contains("10/02/2026") && f.lines.dropFirst().joined().contains("15/03/2026"))
        f.press(.char("<"))
        #expect(f.screen.contains("February 2026 (< > month"))
        let body = f.lines.dropFirst().joined(separator: "\n")  // the header shows today's date
        #expect(body.contains("10/02/2026") && !body.contains("15/03/2026"))
        f.press(.function(7), .enter)
        let text = try String(contentsOfFile: f.folder.appendingPathComponent("statement-\(ann)-2026-03-15.txt").path, encoding: .utf8)
        #expect(text.contains("Period: 01/02/2026 to 28/02/2026"))
        #expect(text.contains("10/02/2026") && !text.contains("15/03/2026 Bob"))
        f.press(.char("a"))
        #expect(f.screen.contains("10/02/2026") && f.screen.contains("15/03/2026"))
    }

    @Test func manyToOneCreditsEachVolunteerFromThePot() throws {
        let f = try RecordHoursFixture()
        let people = try ["Ann Lee", "Bob Marsh"].map { try f.member($0) }
        f.press(.function(3), .char(" "), .tab)
        f.type("pot")
        f.press(.tab)
        for p in people { f.type("\(p)"); f.press(.enter) }
        f.press(.tab)
        f.type("2")
        f.press(.ctrl("s"), .enter)
        #expect(try f.balance(.pot) == -240)
        for p in people { #expect(try f.balance(.member(p)) == 120) }
    }

    @Test func reversalFromAStatementLinksBothAndCannotBeRepeated() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh")
        try f.exchange(.member(ann), .member(bob), 90)
        f.press(.function(4))
        f.type("\(ann)")
        f.press(.enter)   // shows the statement, the latest entry selected
        f.press(.enter)   // that entry: on to the reason
        f.type("Wrong member")
        f.press(.ctrl("s"))
        #expect(f.screen.contains("Reverse this entry?"))
        f.press(.char("y"))
        #expect(f.message.hasPrefix("Done: Reversed"))
        let statement = try f.store.statement(for: .member(ann))
        #expect(statement.lines.count == 2)
        let original = statement.lines[0], reversal = statement.lines[1]
        #expect(original.reversedBy == reversal.exchange.id)
        #expect(reversal.exchange.reverses == original.exchange.id)
        #expect(try f.balance(.member(ann)) == 0)
        let short = { (id: UUID) in String(id.uuidString.lowercased().prefix(8)) }
        #expect(f.screen.contains("reversed by \(short(reversal.exchange.id))"))
        #expect(f.screen.contains("reverses \(short(original.exchange.id))"))
        // Back to the original: it cannot be reversed again.
        f.press(.backTab, .up, .tab)
        f.type("Again")
        f.press(.ctrl("s"))
        #expect(f.message.contains("already reversed"))
        #expect(f.exchangeCount == 2)
    }

    @Test func closedMonthIsRefusedNamingTheOpenMonths() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh")
        f.press(.function(6))
        #expect(f.line(containing: "Month to close")?.contains("2026-02") == true)
        f.press(.ctrl("s"))
        #expect(f.screen.contains("Close February 2026?"))
        f.press(.char("c"))
        #expect(try f.store.closedMonths() == ["2026-02"])
        f.press(.function(5))
        f.type("\(ann)"); f.press(.tab); f.type("\(bob)"); f.press(.tab); f.type("1"); f.press(.tab)
        f.type("14/02"); f.press(.tab)
        let refusal = "February 2026 is closed; open months are those before February 2026 and March 2026 onwards."
        #expect(f.screen.contains("! February 2026 is closed; open months are"))
        f.press(.ctrl("s"))
        #expect(f.exchangeCount == 0)
        // Straight to the store, the refusal reads the same on the message line.
        let screen = try #require(f.app.screens[.recordHours] as? RecordHoursScreen)
        let error = StoreError.ledger(.closedMonth(month: "2026-02", openFrom: "2026-03-01"))
        #expect(screen.describe(error, f.app.context) == refusal)
    }

    @Test func statementIsWrittenToAFileNamedOnTheMessageLine() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Lee"), bob = try f.member("Bob Marsh")
        try f.exchange(.member(ann), .member(bob), 90)
        f.press(.function(4))
        f.type("\(ann)")
        f.press(.enter, .function(7))
        // F7 asks for the file name, offering one; Esc writes nothing, Enter writes it.
        #expect(f.line(containing: "File name")?.contains("statement-\(ann)-2026-03-15.txt") == true)
        f.press(.escape)
        #expect(f.message.contains("Not written."))
        #expect(!FileManager.default.fileExists(atPath: f.folder.appendingPathComponent("statement-\(ann)-2026-03-15.txt").path))
        f.press(.function(7), .enter)
        #expect(f.message == "Done: Statement written: statement-\(ann)-2026-03-15.txt in \(f.folder.path)")
        f.press(.function(7), .ctrl("u"))
        f.type("for-ann.txt")
        f.press(.enter)
        #expect(f.message == "Done: Statement written: for-ann.txt in \(f.folder.path)")
        let text = try String(contentsOfFile: f.folder.appendingPathComponent("statement-\(ann)-2026-03-15.txt").path, encoding: .utf8)
        #expect(text.contains("Ann Lee (member \(ann))"))
        #expect(text.contains("Hours given (the Given column)                                                   1:30"))
    }
}
