import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

/// An error about a field, on the message line and beside the field, goes once the field is fixed.
@Suite("Form errors clear when fixed")
struct FormErrorClearsTests {
    @Test func availabilityTypedAsTheHintSaysIsAcceptedAndTheErrorGoes() throws {
        let fixture = try MembersFixture()
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("e"))
        for _ in 0..<40 where d.members.memberForm?.form.focusedField?.id != "availability" { d.press(.tab) }
        d.type("soon")
        d.press(.tab)
        #expect(d.app.message?.kind == .error)
        #expect(d.members.memberForm?.form.errors["availability"] != nil)
        d.press(.backTab, .ctrl("u"))
        d.type("weekdays, Sat am")
        d.press(.tab)
        #expect(d.app.message?.kind != .error, "\(d.app.message.map(\.text) ?? "")")
        #expect(d.app.message?.text == "Available is fine now.")
        #expect(d.members.memberForm?.form.errors["availability"] == nil)
        #expect(!d.screen.contains("! Write days"))
        d.press(.ctrl("s"))
        let saved = try #require(try fixture.store.member(fixture.number("Zoë 王 O'Brien")))
        #expect(saved.availability == Availability.weekdays.union(.slot(day: 5, part: .morning)))
    }
}

@Suite("Offer and need form errors clear when fixed")
struct ListingFormErrorClearsTests {
    @Test func theNotSavedErrorGoesOnceTheMarkedFieldsAreFixed() throws {
        let fixture = try MembersFixture()
        var d = ConsoleDriver(fixture)
        d.press(.char("3"), .char("+"))
        d.type("\(fixture.number("Seán Murphy"))")
        d.press(.tab)
        d.type("garden.lawn")
        d.press(.ctrl("s"))  // no title
        #expect(d.app.message?.kind == .error)
        #expect(d.screen.contains("! Required"))
        d.type("Mowing")     // the cursor was put in Title, the field marked
        #expect(d.app.message?.kind != .error, "\(d.app.message.map(\.text) ?? "")")
        #expect(!d.screen.contains("! Required"))
        #expect(!d.screen.contains("Error:"))
    }
}

@Suite("Vetting form errors clear when fixed")
struct VettingFormErrorClearsTests {
    @Test func aWrongDateFixedClearsTheErrorLine() throws {
        let fixture = try MembersFixture()
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("zoe")
        d.press(.enter, .ctrl("v"), .tab)
        d.type("31/02")
        d.press(.tab)
        #expect(d.app.message?.kind == .error)
        d.press(.backTab, .ctrl("u"))
        d.type("28/02")
        d.press(.tab)
        #expect(d.app.message?.kind != .error)
        #expect(d.app.message?.text == "Received is fine now.")
        #expect(!d.screen.contains("! "))
    }
}
