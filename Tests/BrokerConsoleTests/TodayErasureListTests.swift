import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Today's fifth list: members who left longer ago than the retention period (6 years by
/// default) are due for erasure, with the day they left and the years since.
@Suite struct TodayErasureListTests {
    /// The store records when a member left as the moment their record was saved as left, so the
    /// member leaves now and the console's calendar moves on instead.
    func consoleAfterALeaver(days: Int) throws -> (app: ConsoleApp, test: TestStore, member: Int, left: CalendarDate) {
        let test = try TestStore()
        var leaver = Member(name: "Zoë 王 O'Brien", joined: CalendarDate(year: 2015, month: 3, day: 1)!, status: .left)
        leaver.statusReason = "Moved away"
        let left = CalendarDate.today(timeZone: TimeZone(identifier: "UTC") ?? .current)
        let number = try test.store.addMember(leaver, by: test.broker).number
        let today = left.adding(days: days)
        let context = ConsoleContext(store: test.store, broker: test.broker, today: { today })
        let app = ConsoleApp(context: context, size: Size(width: 80, height: 24), screens: [TodayScreen(), MembersSpy()])
        return (app, test, number, left)
    }

    @Test("A member who left more than six years ago is listed, with the day they left and the years since; Enter opens their card")
    func leftMoreThanSixYearsAgo() throws {
        var (app, test, member, left) = try consoleAfterALeaver(days: 7 * 366)
        _ = test
        _ = app.handle(.left)  // from the first list back round to the last
        let lines = app.render().lines
        let tabs = try #require(lines.first { $0.contains("[Erasure 1]") })
        for label in ["Follow-ups 0", "Unmatched 0", "Vetting 0", "Inactive 0"] { #expect(tabs.contains(label)) }
        let row = try #require(lines.first { $0.contains("Zoë 王 O'Brien") })
        #expect(row.contains(String(member)))
        #expect(row.contains(left.british))
        #expect(row.split(separator: " ").contains("7"))  // 7 × 366 days is seven whole years, not eight
        _ = app.handle(.enter)
        #expect(app.current == .members)
        #expect((app.screens[.members] as? MembersSpy)?.shown == member)
    }

    @Test("A member who left a year ago is not yet due for erasure")
    func leftAYearAgo() throws {
        var (app, test, _, _) = try consoleAfterALeaver(days: 365)
        _ = test
        _ = app.handle(.left)
        let lines = app.render().lines
        #expect(lines.contains { $0.contains("[Erasure 0]") })
        #expect(!lines.contains { $0.contains("O'Brien") })
        #expect(lines.contains { $0.contains("Nobody who left is past the retention period.") })
    }

    @Test("More than 200 members due: the count is the true one and End pages down to the last of them")
    func moreThanTwoHundredDue() throws {
        let test = try TestStore()
        let joined = CalendarDate(year: 2015, month: 3, day: 1)!
        var numbers: [Int] = []
        for i in 1...250 {
            var leaver = Member(name: "Leaver \(i)", joined: joined, status: .left)
            leaver.statusReason = "Moved away"
            numbers.append(try test.store.addMember(leaver, by: test.broker).number)
        }
        let today = CalendarDate.today(timeZone: TimeZone(identifier: "UTC") ?? .current).adding(days: 7 * 366)
        let context = ConsoleContext(store: test.store, broker: test.broker, today: { today })
        var app = ConsoleApp(context: context, size: Size(width: 80, height: 24), screens: [TodayScreen(), MembersSpy()])
        _ = app.handle(.left)
        var lines = app.render().lines
        #expect(lines.contains { $0.contains("[Erasure 250]") })
        #expect(lines.contains { $0.contains("Leaver 1 ") })
        _ = app.handle(.end)
        lines = app.render().lines
        // Left in the order they were added (ties broken by number), so the last is the 250th.
        #expect(lines.contains { $0.contains("Leaver 250") })
        _ = app.handle(.enter)
        #expect(app.current == .members)
        #expect((app.screens[.members] as? MembersSpy)?.shown == numbers.last)
    }
}
