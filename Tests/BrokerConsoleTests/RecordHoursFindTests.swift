import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Record hours' "Find an exchange": the matches follow each key, the highlight stays on the
/// exchange the broker chose when another broker writes, and ↓ moves by the rows shown.
@Suite("Record hours: find an exchange")
struct RecordHoursFindTests {
    @Test("Typing narrows the matches, and another broker's entry does not move the highlight off the chosen one")
    func selectionKeptByIdentity() throws {
        let f = try RecordHoursFixture()
        let ann = try f.member("Ann Archer"), bob = try f.member("Bob Baker")
        try f.exchange(.member(ann), .member(bob), 90, date: RecordHoursFixture.today.adding(days: -3))
        try f.exchange(.member(bob), .member(ann), 60, date: RecordHoursFixture.today.adding(days: -2))
        f.press(.ctrl("r"))
        f.type("ann")
        #expect(f.screen.contains("2 found"), "\(f.screen)")
        f.type(" 1:30")
        #expect(f.screen.contains("1 found"), "\(f.screen)")
        f.press(.ctrl("u"))
        f.type("archer")
        f.press(.down)  // onto the older entry, 1:30
        let chosen = try #require(f.line(containing: "Entry "))
        #expect(chosen.contains("1:30"), "\(f.screen)")
        // A newer entry by another broker comes in above it: the highlight stays on the 1:30.
        try f.exchange(.member(ann), .member(bob), 45, date: RecordHoursFixture.today)
        #expect(f.screen.contains("3 found"), "\(f.screen)")
        #expect(f.line(containing: "Entry ") == chosen, "\(f.screen)")
    }
}
