import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// Completing a pending member's vetting: the review date follows the setting unless typed,
/// activation is offered in the same step, and the welcome credit it grants is named.
@Suite("Vetting completion and activation")
struct MembersVettingActivationTests {
    let fixture: MembersFixture
    init() throws { fixture = try MembersFixture() }

    var zoe: Int { fixture.number("Zoë 王 O'Brien") }

    /// Opens Zoë's card (pending) and fills in two references, ID seen and induction.
    func completeVetting(review: String? = nil) -> ConsoleDriver {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("v"))
        d.type("Jo Smith")
        d.press(.tab)
        d.type("-10")
        d.press(.tab)
        d.type("Rev. Green")
        d.press(.tab)
        d.type("yesterday")
        d.press(.tab, .tab, .tab)
        d.type("2026-03-01")  // ID seen
        d.press(.tab)
        d.type("today")       // induction
        if let review {
            d.press(.tab)
            d.type(review)
        }
        d.press(.ctrl("s"))
        return d
    }

    var message: (ConsoleDriver) -> String { { $0.app.message.map { $0.prefix + $0.text } ?? "" } }

    @Test func theReviewDateIsThreeYearsOnAndActivationGrantsTheNamedWelcomeCredit() throws {
        #expect(try fixture.store.member(zoe)?.status == .pending)
        var d = completeVetting()
        #expect(try fixture.store.vetting(member: zoe).review == CalendarDate(year: 2029, month: 3, day: 15))
        #expect(message(d) == "Done: Vetting of Zoë 王 O'Brien saved: complete, review 15/03/2029.")
        #expect(d.screen.contains("Make active?"), "\(d.screen)")
        #expect(d.screen.contains("welcome credit of 2:00"))
        d.press(.enter)  // Make active
        #expect(try fixture.store.member(zoe)?.status == .active)
        #expect(message(d) == "Done: Welcome credit of 2:00 from the pot granted; Zoë 王 O'Brien is active.")
        #expect(try fixture.store.balance(.member(zoe)).balanceMinutes == 120)
    }

    @Test func theSettingSetsTheYearsAndATypedDateStands() throws {
        try fixture.store.setVettingReviewYears(2, by: fixture.ann)
        _ = completeVetting()
        #expect(try fixture.store.vetting(member: zoe).review == CalendarDate(year: 2028, month: 3, day: 15))
        let other = try MembersFixture()
        let typed = MembersVettingActivationTests(fixture: other).completeVetting(review: "2026-12-01")
        #expect(try other.store.vetting(member: other.number("Zoë 王 O'Brien")).review == CalendarDate(year: 2026, month: 12, day: 1))
        #expect(message(typed) == "Done: Vetting of Zoë 王 O'Brien saved: complete.")
    }

    @Test func notNowLeavesThemPendingWithNoCredit() throws {
        var d = completeVetting()
        d.press(.right, .enter)  // Not now
        #expect(try fixture.store.member(zoe)?.status == .pending)
        #expect(try fixture.store.balance(.member(zoe)).balanceMinutes == 0)
        #expect(!d.screen.contains("Make active?"))
    }

    @Test func activatingFromTheEditFormNamesTheWelcomeCredit() throws {
        var v = Vetting(references: [VettingReference(referee: "Jo", received: membersToday), VettingReference(referee: "Al", received: membersToday)],
                        idSeen: membersToday, induction: membersToday)
        v.review = CalendarDate(year: 2027, month: 1, day: 1)
        try fixture.store.saveVetting(member: zoe, v, by: fixture.ann)
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("e"))
        for _ in 0..<40 where d.members.memberForm?.form.focusedField?.id != "status" { d.press(.tab) }
        d.press(.right)  // pending → active
        d.press(.ctrl("s"))
        #expect(message(d) == "Done: Saved member \(zoe), now active; welcome credit 2:00 from the pot granted.")
    }
}

extension MembersVettingActivationTests {
    init(fixture: MembersFixture) { self.fixture = fixture }
}
