import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// A new member's skills are recorded in the same sitting as their sign-up (the form's Offers
/// step), and a member's card adds an offer or a need for them with the member filled in.
@Suite("Sign-up offers and card keys")
struct SignUpOffersTests {
    let fixture: MembersFixture
    init() throws { fixture = try MembersFixture() }

    func focus(_ d: inout ConsoleDriver, _ id: String) {
        for _ in 0..<60 where d.members.memberForm?.form.focusedField?.id != id { d.press(.tab) }
    }

    func message(_ d: ConsoleDriver) -> String { d.app.message.map { $0.prefix + $0.text } ?? "" }

    @Test func theOffersStepSavesTheirSkillsWithTheMember() throws {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.press(.char("+"))
        d.type("Priya Shah")
        focus(&d, "offerCategory0")
        #expect(d.screen.contains("Offers: what they can do"))
        d.type("garden")
        #expect(d.screen.contains("9 match"))
        d.press(.down, .down, .tab)  // the third match: garden.clearance
        d.type("Clearing overgrown gardens")
        d.press(.tab)
        d.type("garden.lawn")
        d.press(.tab)
        d.type("Mowing")
        d.press(.ctrl("s"))
        let added = try #require(try fixture.store.members(MemberQuery(search: "priya"), today: membersToday).rows.first)
        #expect(message(d) == "Done: Added member \(added.number) Priya Shah with 2 offers.")
        let offers = try fixture.store.offers(member: added.number)
        let codes = try Dictionary(uniqueKeysWithValues: fixture.store.categories().map { ($0.id, $0.code) })
        #expect(Set(offers.map { "\(codes[$0.categoryID] ?? "?") \($0.title)" }) == ["garden.clearance Clearing overgrown gardens", "garden.lawn Mowing"])
    }

    @Test func anOfferWithoutACategoryStopsTheWholeSignUp() throws {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.press(.char("+"))
        d.type("Priya Shah")
        focus(&d, "offerTitle0")
        d.type("Knitting lessons")
        d.press(.ctrl("s"))
        #expect(message(d).hasPrefix("Error: Not saved"))
        #expect(d.members.memberForm?.form.errors["offerCategory0"] == "Which category?")
        #expect(try fixture.store.members(MemberQuery(search: "priya"), today: membersToday).total == 0)
    }

    @Test func theCardAddsAnOfferAndANeedForThatMember() throws {
        let zoe = fixture.number("Zoë 王 O'Brien")
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("o"))
        #expect(d.screen.contains("New offer for Zoë 王 O'Brien (\(zoe))"), "\(d.screen)")
        #expect(d.screen.contains("Member \(zoe): Zoë 王 O'Brien"))
        d.type("garden.lawn")
        d.press(.tab)
        d.type("Mowing small lawns")
        d.press(.ctrl("s"))
        #expect(message(d).hasPrefix("Done: Added offer"))
        #expect(try fixture.store.offers(member: zoe).map(\.title) == ["Mowing small lawns"])

        d.press(.char("2"))
        #expect(d.members.mode == .card)
        d.press(.ctrl("w"))
        #expect(d.screen.contains("New need for Zoë 王 O'Brien (\(zoe))"))
        d.press(.escape)  // back to her card, nothing saved
        #expect(d.app.current == .members && d.members.mode == .card)
        #expect(try fixture.store.needs(member: zoe).isEmpty)
    }
}
