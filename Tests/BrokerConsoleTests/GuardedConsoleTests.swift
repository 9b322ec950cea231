import Foundation
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

import Testing

/// A clock the test moves by hand.
final class HandClock: @unchecked Sendable {
    var now = Date(timeIntervalSince1970: 1_900_000_000)
}

@Suite("Sign-in and the idle lock")
struct GuardedConsoleTests {
    static let annPin = "482916"
    static let bobPin = "654321"

    let fixture: MembersFixture
    let clock = HandClock()
    var console: GuardedConsole

    init() throws {
        fixture = try MembersFixture()
        try fixture.store.setPin(username: "ann", to: PinSecret(bytes: Array(Self.annPin.utf8)), by: fixture.ann, iterations: 1000)
        try fixture.store.setPin(username: "bob", to: PinSecret(bytes: Array(Self.bobPin.utf8)), by: fixture.bob, iterations: 1000)
        let fixture = fixture, clock = clock
        console = GuardedConsole(store: fixture.store, owner: nil, size: Size(width: 80, height: 24), clock: { clock.now }) { broker in
            ConsoleApp(context: fixture.context(broker), size: Size(width: 80, height: 24))
        }
    }

    var text: String { console.render().lines.joined(separator: "\n") }

    mutating func type(_ s: String) {
        for c in s { _ = console.handle(.char(c)) }
    }

    mutating func signIn(_ username: String, _ pin: String) {
        type(username)
        _ = console.handle(.enter)
        type(pin)
        _ = console.handle(.enter)
    }

    /// Starts a member sign-up and types a name, leaving it unsaved.
    mutating func halfFillAMember(_ name: String) {
        _ = console.handle(.char("2"))
        _ = console.handle(.char("+"))
        type(name)
    }

    @Test mutating func aSharedLoginOpensOnSignInAndSignsChangesByTheBrokerWhoSignedIn() throws {
        #expect(text.contains("Sign in"))
        #expect(text.contains("1  ann  Ann Broker"))
        #expect(console.signedIn == nil)
        type("2")  // picked from the list by its number
        _ = console.handle(.enter)
        type(Self.bobPin)
        _ = console.handle(.enter)
        #expect(console.signedIn?.username == "bob")
        #expect(!console.isLocked)
        #expect(text.contains("Bob Broker (broker)"))
    }

    @Test mutating func aWrongPinIsRefusedAndTheUsernameStays() {
        signIn("bob", "000000")
        #expect(console.signedIn == nil)
        #expect(text.contains("That PIN is wrong."))
        type(Self.bobPin)
        _ = console.handle(.enter)
        #expect(console.signedIn?.username == "bob")
    }

    @Test mutating func idleLockShowsNothingAboutMembersAndTheSameBrokerFindsTheirFormAsLeft() {
        signIn("bob", Self.bobPin)
        _ = console.handle(.char("2"))
        #expect(text.contains("Zoë 王 O'Brien"))
        halfFillAMember("Half Filled Person")
        #expect(text.contains("Half Filled Person"))
        clock.now += 4 * 60 + 59
        #expect(console.tick(now: clock.now) == false)
        clock.now += 1
        #expect(console.tick(now: clock.now) == true)
        #expect(console.isLocked)
        let locked = text
        #expect(locked.contains("Locked. Signed in: Bob Broker (bob)"))
        for private_ in ["Zoë", "07700", "GL1", "Seán", "Westgate", "Half Filled"] {
            #expect(!locked.contains(private_), "\(private_) is on the locked screen")
        }
        type(Self.bobPin)
        _ = console.handle(.enter)
        #expect(!console.isLocked)
        #expect(text.contains("Half Filled Person"))
    }

    @Test mutating func anotherBrokerSignsInAndTheFirstBrokersFormIsKeptAsideForThemAlone() {
        signIn("bob", Self.bobPin)
        halfFillAMember("Half Filled Person")
        _ = console.handle(.function(12))
        #expect(console.isLocked)
        _ = console.handle(.tab)
        signIn("ann", Self.annPin)
        #expect(console.signedIn?.username == "ann")
        _ = console.handle(.char("2"))
        #expect(!text.contains("Half Filled Person"))
        _ = console.handle(.function(12))
        _ = console.handle(.tab)
        signIn("bob", Self.bobPin)
        #expect(console.signedIn?.username == "bob")
        #expect(text.contains("Half Filled Person"))
        #expect(text.contains("Your unsaved work from before is back"))
    }

    @Test mutating func afterEightHoursInAllTheBrokerSignsInAgain() {
        signIn("bob", Self.bobPin)
        for _ in 0..<(8 * 60) {
            clock.now += 60
            _ = console.handle(.ctrl("l"))  // a key every minute: never idle
        }
        #expect(console.isLocked)
        #expect(text.contains("signed in for 8 hours"))
    }

    @Test mutating func aViewerIsNotOfferedRecordHoursSaveAndIsToldWhy() throws {
        _ = try fixture.store.addBroker(username: "vic", displayName: "Vic Viewer", role: .viewer, by: fixture.ann)
        let vic = try #require(try fixture.store.broker(username: "vic"))
        try fixture.store.setPin(username: "vic", to: PinSecret(bytes: Array(Self.annPin.utf8)), by: vic, iterations: 1000)
        var console = GuardedConsole(store: fixture.store, owner: nil, size: Size(width: 80, height: 24), clock: { [clock] in clock.now }) {
            [fixture] broker in ConsoleApp(context: fixture.context(broker), size: Size(width: 80, height: 24))
        }
        for c in "vic" { _ = console.handle(.char(c)) }
        _ = console.handle(.enter)
        for c in Self.annPin { _ = console.handle(.char(c)) }
        _ = console.handle(.enter)
        #expect(console.signedIn?.username == "vic")
        _ = console.handle(.char("5"))
        let lines = console.render().lines
        #expect(lines[23].contains("F5 Slip"))
        #expect(!lines[23].contains("Save"))
        _ = console.handle(.ctrl("s"))
        #expect(console.render().lines[22].contains("Only a broker or an admin can record hours; you are a viewer."))
    }

    @Test func aBrokersOwnLoginChoosesAPinAtFirstStartAndOnlyThatBrokerUnlocks() throws {
        let own = try MembersFixture(seed: false)
        var console = GuardedConsole(store: own.store, owner: own.ann, size: Size(width: 80, height: 24), clock: { [clock] in clock.now }) {
            [own] broker in ConsoleApp(context: own.context(broker), size: Size(width: 80, height: 24))
        }
        func type(_ s: String) { for c in s { _ = console.handle(.char(c)) } }
        func text() -> String { console.render().lines.joined(separator: "\n") }
        #expect(console.isLocked)
        #expect(text().contains("Ann Broker, choose a PIN"))
        type("12345"); _ = console.handle(.enter)
        type("12345"); _ = console.handle(.enter)
        #expect(text().contains("A PIN needs at least 6 digits"))
        type("482916"); _ = console.handle(.enter)
        type("482917"); _ = console.handle(.enter)
        #expect(text().contains("The two PINs differ"))
        type("482916"); _ = console.handle(.enter)
        type("482916"); _ = console.handle(.enter)
        #expect(!console.isLocked)
        #expect(try own.store.signInState(username: "ann")?.hasPin == true)
        _ = console.handle(.function(12))
        #expect(console.isLocked)
        _ = console.handle(.tab)  // nobody else signs in on a broker's own login
        #expect(!text().contains("Username:"))
        type("482916"); _ = console.handle(.enter)
        #expect(!console.isLocked)
        #expect(console.signedIn?.username == "ann")
    }

    @Test func aPinAnAdminSetIsChangedAtTheBrokersNextConsoleStart() throws {
        try fixture.store.setPin(username: "bob", to: PinSecret(bytes: Array("111111".utf8)), by: fixture.ann, iterations: 1000)
        let fixture = fixture
        let console = GuardedConsole(store: fixture.store, owner: fixture.bob, size: Size(width: 80, height: 24)) { broker in
            ConsoleApp(context: fixture.context(broker), size: Size(width: 80, height: 24))
        }
        #expect(console.isLocked)
        #expect(console.render().lines.joined().contains("Bob Broker, choose a PIN"))
    }

    @Test mutating func aBrokerRemovedWhileSignedInIsShownTheDoorAndNothingElse() throws {
        signIn("bob", Self.bobPin)
        halfFillAMember("Half Filled Person")
        try fixture.store.removeBroker(username: "bob", by: fixture.ann)
        console.reload(nil)
        #expect(console.isLocked)
        #expect(console.signedIn == nil)
        #expect(text.contains("Bob Broker is no longer a broker here."))
        #expect(!text.contains("Half Filled Person"))
    }
}
