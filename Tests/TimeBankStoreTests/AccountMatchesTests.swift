import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

@Suite("Record hours pickers find accounts the same way for broad and narrow searches")
struct AccountMatchesTests {
    @Test(arguments: ["a", "m", "zo", "1010", "o'brien"])
    func broadAndNarrowPlansAgree(text: String) throws {
        let temp = TempDatabase()
        let store = try Store(path: temp.path)
        let admin = try store.signIn(username: "ann")
        let today = CalendarDate(year: 2026, month: 11, day: 29)!
        _ = try store.populateDemo(DemoOptions(members: 150, seed: 9, today: today), by: admin)
        _ = try store.addMember(Member(name: "Zoë 王 O'Brien", joined: today), by: admin)
        let narrow = try store.accountMatches(text, limit: 6, today: today, broadAbove: .max).map(\.number)
        let broad = try store.accountMatches(text, limit: 6, today: today, broadAbove: 0).map(\.number)
        #expect(narrow == broad)
        #expect(!narrow.isEmpty)
        // Members who have left come after everyone else.
        let statuses = try narrow.map { try #require(try store.member($0)).status == .left }
        #expect(statuses == statuses.sorted { !$0 && $1 })
    }
}
