import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// Fields that take a member are type-ahead pickers by name or number, as Record hours' Giver
/// is: the owner of a new offer or need, and the member form's do-not-match list.
@Suite("Member pickers in forms")
struct MemberPickerFieldTests {
    let fixture: MembersFixture
    init() throws { fixture = try MembersFixture() }

    @Test func aNewOffersMemberIsPickedByName() throws {
        var d = ConsoleDriver(fixture)
        d.press(.char("3"), .char("+"))
        d.type("sean")
        #expect(d.screen.contains("Enter/Tab take"))
        let row = try #require(d.lines.first { $0.contains("Seán Murphy") && $0.contains("\(fixture.number("Seán Murphy"))") }, "\(d.screen)")
        #expect(row.contains("›"))
        d.press(.tab)
        #expect(d.screen.contains("Member \(fixture.number("Seán Murphy")): Seán Murphy · Tuffley"), "\(d.screen)")
        #expect(!d.screen.contains("Enter/Tab take"))
        d.type("garden.lawn")
        d.press(.tab)
        d.type("Mowing for neighbours")
        d.press(.ctrl("s"))
        let offers = try fixture.store.offers(member: fixture.number("Seán Murphy"))
        #expect(offers.contains { $0.title == "Mowing for neighbours" })
    }

    @Test func theArrowsChooseAmongSeveralMatches() throws {
        var d = ConsoleDriver(fixture)
        d.press(.char("3"), .char("+"))
        d.type("s")  // a word of two names starts with s: Seán Murphy and Westgate Surgery, in name order
        d.press(.down, .tab)
        let shown = d.lines.first { $0.contains("Member ") && $0.contains(" · ") } ?? ""
        #expect(shown.contains("Westgate Surgery"), "\(d.screen)")
    }

    @Test func doNotMatchTakesNamesAndKeepsNumbers() throws {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("e"))
        for _ in 0..<40 where d.members.memberForm?.form.focusedField?.id != "doNotMatch" { d.press(.tab) }
        d.type("ahmed")
        #expect(d.screen.contains("Ahmed Khan"))
        d.press(.enter)
        let ahmed = fixture.number("Ahmed Khan"), sean = fixture.number("Seán Murphy")
        #expect(d.members.memberForm?.form.value(of: "doNotMatch") == "\(ahmed)")
        d.type(", murphy")
        d.press(.tab)
        #expect(d.members.memberForm?.form.value(of: "doNotMatch") == "\(ahmed), \(sean)")
        d.press(.ctrl("s"))
        #expect(try fixture.store.member(fixture.number("Zoë 王 O'Brien"))?.doNotMatch.sorted() == [ahmed, sean].sorted())
    }
}
