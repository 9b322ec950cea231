import Foundation
import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

@Suite("Member card")
struct MembersCardTests {
    let fixture: MembersFixture

    init() throws {
        fixture = try MembersFixture()
    }

    func card(of search: String, broker: Broker? = nil) -> ConsoleDriver {
        var d = ConsoleDriver(fixture, broker: broker)
        d.openMembers()
        d.type(search)
        d.press(.enter)
        return d
    }

    @Test func enterOpensTheProfileWithEveryField() {
        let d = card(of: "zoe")
        let screen = d.screen
        #expect(d.lines[2].contains("\(fixture.number("Zoë 王 O'Brien")) Zoë 王 O'Brien (Zoë)"))
        #expect(d.lines[2].contains("pending") && d.lines[2].contains("vetting missing"))
        #expect(d.lines[3].contains("[Profile]"))
        for label in ["Kind", "Name", "Preferred name", "Phone", "Email", "Address", "Postcode", "Area", "Joined", "Status"] {
            #expect(screen.contains(label), "\(label)")
        }
        #expect(screen.contains("07700 900123") && screen.contains("GL1 2AB"))
        #expect(d.lines[23].contains("Esc Back") && d.lines[23].contains("Ctrl-E Edit") && d.lines[23].contains("Ctrl-N Note"))
    }

    @Test func typingOnAnOpenCardSearchesAfreshAndRunsNoCommand() {
        var d = card(of: "zoe")
        d.type("sean")
        #expect(d.members.mode == .list && d.members.memberForm == nil && d.members.card == nil)
        #expect(d.members.list.query.search == "sean", "a fresh search, not one added to “zoe”")
        #expect(d.screen.contains("Seán Murphy") && !d.screen.contains("Zoë 王 O'Brien"))
    }

    @Test func profileScrollsToTheFieldsBelow() {
        var d = card(of: "zoe")
        d.press(.end)
        for label in ["Accessibility needs", "Contact by phone", "Photos", "Age band", "Disability", "Do not match with"] {
            #expect(d.screen.contains(label), "\(label)")
        }
    }

    @Test func tabsShowOffersNeedsStatementNotesAndVetting() throws {
        var d = card(of: "guitar")
        d.press(.right)
        #expect(d.lines[3].contains("[Offers]"))
        #expect(d.screen.contains("[open] Guitar lessons"))
        #expect(d.screen.contains("Beginners welcome"))
        d.press(.right)
        #expect(d.screen.contains("No needs yet."))
        let sean = fixture.number("Seán Murphy"), zoe = fixture.number("Zoë 王 O'Brien")
        let given = try fixture.store.record(ExchangeRequest(date: membersToday, giver: .member(sean), receiver: .member(zoe), minutes: 90,
                                                             description: "Guitar lesson"), by: fixture.ann)
        _ = given
        d.press(.right)
        d.otherBrokerWrote()
        #expect(d.lines[3].contains("[Statement]"))
        #expect(d.screen.contains("Given 1:30 h · received 0:00 h · balance +1:30 h"))
        #expect(d.screen.contains("2026-03-15 Zoë 王 O'Brien"))
        #expect(d.screen.contains("Guitar lesson"))
        d.press(.right)
        #expect(d.screen.contains("No notes yet. Press n to add one."))
        d.press(.right)
        #expect(d.screen.contains("MISSING"))
        #expect(d.screen.contains("ID seen") && d.screen.contains("NOT SEEN"))
        #expect(d.screen.contains("Induction") && d.screen.contains("NOT ATTENDED"))
        d.press(.right)
        #expect(d.lines[3].contains("[Profile]"))
    }

    @Test func statementShowsReversalsApart() throws {
        let sean = fixture.number("Seán Murphy"), zoe = fixture.number("Zoë 王 O'Brien")
        let outcome = try fixture.store.record(ExchangeRequest(date: membersToday, giver: .member(sean), receiver: .member(zoe), minutes: 60), by: fixture.ann)
        guard case .recorded(let e) = outcome else { Issue.record("not recorded"); return }
        _ = try fixture.store.reverse(e.id, reason: "Wrong member", date: membersToday, by: fixture.ann)
        var d = card(of: "guitar")
        d.press(.right, .right, .right)
        #expect(d.screen.contains("REVERSAL"))
        #expect(d.screen.contains("(reversed)"))
        #expect(d.screen.contains("Given 0:00 h · received 0:00 h · balance 0:00 h"))
    }

    @Test func aNoteIsAddedWithOneKeySignedAndNewestFirst() throws {
        var d = card(of: "zoe")
        d.press(.ctrl("n"))
        #expect(d.screen.contains("New note, signed Ann Broker"))
        #expect(d.members.capturesText)
        d.type("Rang about gardening.")
        d.press(.enter)
        d.type("Will call back 1 April; q and 2 are text here.")
        #expect(d.app.current == .members)
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Note added"))
        #expect(d.lines[3].contains("[Notes]"))
        #expect(d.screen.contains("· Ann Broker"))
        #expect(d.screen.contains("Rang about gardening."))
        #expect(d.screen.contains("Will call back 1 April; q and 2 are text here."))
        try fixture.store.addNote(member: fixture.number("Zoë 王 O'Brien"), text: "Bob's later note", by: fixture.bob)
        d.otherBrokerWrote()
        let bob = d.lines.firstIndex { $0.contains("Bob Broker") } ?? 99
        let ann = d.lines.firstIndex { $0.contains("Ann Broker") && !$0.contains("Members") } ?? -1
        #expect(bob < ann)
    }

    @Test func escOnAnUnsavedNoteAsksFirst() {
        var d = card(of: "zoe")
        d.press(.ctrl("n"))
        d.type("Half a thought")
        d.press(.escape)
        #expect(d.screen.contains("Discard?"))
        d.press(.enter)           // the default is to keep editing
        #expect(d.members.mode == .note)
        d.press(.escape, .char("d"))
        #expect(d.members.mode == .card)
    }

    @Test func anotherBrokersEditAppearsOnAnOpenCard() throws {
        var d = card(of: "zoe")
        var m = try #require(try fixture.store.member(fixture.number("Zoë 王 O'Brien")))
        m.phone = "07700 900555"
        _ = try fixture.store.updateMember(m, by: fixture.bob, today: membersToday)
        d.otherBrokerWrote()
        #expect(d.screen.contains("07700 900555"))
    }

    @Test func vettingIsRecordedAndDueDatesAreMarked() throws {
        var d = card(of: "zoe")
        d.press(.ctrl("v"))
        #expect(d.lines[2].contains("Vetting of"))
        d.type("Jo Smith (neighbour)")
        d.press(.tab)
        d.type("-10")
        d.press(.tab)
        d.type("Rev. Green")
        d.press(.tab)
        d.type("yesterday")
        d.press(.tab, .tab, .tab)  // past the empty third reference
        d.type("2026-03-01")       // ID seen
        d.press(.tab)
        d.type("today")            // induction
        d.press(.tab)
        d.type("2026-04-01")       // review within 30 days
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Vetting of Zoë 王 O'Brien saved: complete"))
        d.press(.escape)  // "Not now" to making her active, which completing her vetting offers
        #expect(d.lines[3].contains("[Vetting]"))
        #expect(d.screen.contains("COMPLETE"))
        #expect(d.screen.contains("2026-04-01 — DUE within 30 days"))
        #expect(d.screen.contains("Jo Smith (neighbour), received 2026-03-05"))
    }

    @Test func aWrongDateInTheVettingFormIsNamedBesideIt() {
        var d = card(of: "zoe")
        d.press(.ctrl("v"), .tab)
        d.type("31/02")
        d.press(.tab)
        let row = d.lines.first { $0.contains("Received") && $0.contains("! ") } ?? ""
        #expect(row.contains("31/02") && row.contains("not a day"))
    }
}

@Suite("Members screen intents and timing")
struct MembersIntentTests {
    @Test func anotherScreenCanOpenAMembersCard() throws {
        let fixture = try MembersFixture()
        var screen = MembersScreen()
        screen.receive(.showMember(fixture.number("Seán Murphy")), fixture.context(), in: Rect(row: 0, column: 0, width: 80, height: 20))
        #expect(screen.mode == .card)
        var frame = Frame(width: 80, height: 20)
        screen.render(into: &frame, in: frame.bounds, fixture.context())
        #expect(frame.line(0).contains("Seán Murphy"))
    }

    @Test func theTimingFunctionTypesIntoTheSearchLine() throws {
        let fixture = try MembersFixture()
        let result = MembersSearchTiming.measure(store: fixture.store, broker: fixture.ann, today: membersToday)
        #expect(result.samples.count == 100)
        #expect(result.worst >= result.median && result.median > 0)
        #expect(result.description.contains("100 keystrokes"))
    }
}
