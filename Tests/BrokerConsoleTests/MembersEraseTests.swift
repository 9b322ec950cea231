import Foundation
import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// Erasure on request from the member card: admins only, the reason, the balance question,
/// the member number typed again, then one last question whose default is Cancel.
@Suite("Member card: erase")
struct MembersEraseTests {
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

    @Test func anAdminErasesAfterTheReasonTheBalanceAndTheNumberRetyped() throws {
        let sean = fixture.number("Seán Murphy"), zoe = fixture.number("Zoë 王 O'Brien")
        // Seán gave 1:30 h, so his balance is +1:30 h and the form asks what becomes of it.
        _ = try fixture.store.record(ExchangeRequest(date: membersToday, giver: .member(sean), receiver: .member(zoe), minutes: 90,
                                                     description: "Guitar lesson"), by: fixture.ann)
        var d = card(of: "sean")
        d.press(.ctrl("d"))
        #expect(d.screen.contains("Erase member \(sean) Seán Murphy"))
        #expect(d.screen.contains("Balance +1:30 h") && d.screen.contains("Choose…"))
        d.type("Asked to be forgotten")
        d.press(.tab, .char(" "), .tab)
        #expect(d.screen.contains("Donate it to the community pot"))

        // A wrong number refuses in one sentence and erases nothing.
        d.type(String(sean + 1))
        d.press(.ctrl("s"))
        #expect(d.screen.contains("The number typed is not \(sean), so nothing was erased."))
        #expect(d.members.question == nil)
        #expect(try fixture.store.member(sean)?.name == "Seán Murphy")

        // The right number asks once more; Enter lands on Cancel.
        d.press(.ctrl("u"))
        d.type(String(sean))
        d.press(.ctrl("s"))
        #expect(d.screen.contains("Erase member \(sean)?"))
        #expect(d.screen.contains("[Cancel]"))
        d.press(.enter)
        #expect(d.screen.contains("Nothing was erased."))
        #expect(try fixture.store.member(sean)?.name == "Seán Murphy")

        d.press(.ctrl("s"))
        d.press(.char("e"))
        #expect(d.members.mode == .card)
        #expect(d.lines[2].contains("\(sean) Former member \(sean)"))
        #expect(d.screen.contains("Done: Member \(sean) is now \"Former member \(sean)\"; their hours stay in the ledger."))
        #expect(try fixture.store.member(sean)?.name == "Former member \(sean)")
        #expect(try fixture.store.balance(.member(sean)).balanceMinutes == 0, "his 1:30 h went to the pot")
        let erasure = try #require(try fixture.store.auditLog(entity: "member", id: String(sean)).first { $0.action == "erase" })
        #expect(erasure.broker == "ann")
        #expect(erasure.details.contains("reason: Asked to be forgotten"))
        #expect(erasure.details.contains("donate"))
    }

    @Test func theNumberRetypedInFullWidthDigitsIsTheSameNumber() throws {
        let ahmed = fixture.number("Ahmed Khan")
        var d = card(of: "ahmed")
        d.press(.ctrl("d"))
        d.type("Moved away")
        d.press(.tab)
        // An East Asian input method types digits in full width: １, ２, … are U+FF11, U+FF12, …
        d.type(String(String(ahmed).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10) ?? $0) }))
        d.press(.ctrl("s"))
        #expect(!d.screen.contains("The number typed is not"))
        #expect(d.screen.contains("Erase member \(ahmed)?"))
    }

    @Test func aZeroBalanceIsNotAskedAboutAndEscDiscardsAfterAsking() throws {
        let ahmed = fixture.number("Ahmed Khan")
        var d = card(of: "ahmed")
        d.press(.ctrl("d"))
        #expect(d.screen.contains("Erase member \(ahmed) Ahmed Khan"))
        #expect(!d.screen.contains("Balance"))
        d.type("Moved away")
        d.press(.escape)
        #expect(d.screen.contains("Discard?"))
        d.press(.enter)  // Keep editing
        d.press(.escape, .char("d"))
        #expect(d.members.mode == .card)
        #expect(try fixture.store.member(ahmed)?.name == "Ahmed Khan")
    }

    @Test func aBrokerIsNeitherShownTheKeyNorAllowedIt() throws {
        let zoe = fixture.number("Zoë 王 O'Brien")
        var d = card(of: "zoe", broker: fixture.bob)
        #expect(!d.app.registry.bindings.contains { $0.action == MembersAction.erase })
        d.press(.char("?"))
        #expect(!d.screen.contains("Erase the member"))
        d.press(.escape)
        d.press(.ctrl("d"))
        #expect(d.members.eraseForm == nil)
        #expect(d.screen.contains("admin"))
        #expect(try fixture.store.member(zoe)?.name == "Zoë 王 O'Brien")

        var admin = card(of: "zoe")
        admin.press(.char("?"))
        #expect(admin.screen.contains("Ctrl-D") && admin.screen.contains("Erase the member's personal data"))
    }

    @Test func anErasedMemberCannotBeErasedAgain() throws {
        let ahmed = fixture.number("Ahmed Khan")
        try fixture.store.erase(member: ahmed, reason: "Asked by letter", balance: nil, by: fixture.ann, today: membersToday)
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("former")
        d.press(.enter)
        d.press(.ctrl("d"))
        #expect(d.members.eraseForm == nil)
        #expect(d.screen.contains("Member \(ahmed) is already erased."))
    }
}
