import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// A console at 80x24 on a demo time bank of 120 members (seed 3), with a stand-in Members
/// screen that remembers what it was asked to show.
final class MatchFixture {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    let test: TestStore
    var store: Store { test.store }
    let broker: Broker
    var app: ConsoleApp

    init(role: BrokerRole = .admin) throws {
        test = try TestStore(demoMembers: 120, seed: 3, today: Self.today)
        if role == .admin {
            broker = test.broker
        } else {
            broker = try test.store.addBroker(username: "bob", displayName: "Bob Broker", role: role, by: test.broker)
        }
        let context = ConsoleContext(store: test.store, broker: broker, today: { MatchFixture.today })
        let screens: [any ConsoleScreen] = [TodayScreen(), MembersSpy(), OffersNeedsScreen(), MatchScreen(),
                                            RecordHoursScreen(statementFolder: test.folder.path)]
        app = ConsoleApp(context: context, size: Size(width: 80, height: 24), screens: screens)
    }

    func type(_ text: String) {
        for character in text { _ = app.handle(.char(character)) }
    }

    func press(_ keys: Key...) {
        for key in keys { _ = app.handle(key) }
    }

    var frame: Frame { app.render() }
    var lines: [String] { frame.lines }
    var screen: String { lines.joined(separator: "\n") }
    var message: String { app.message.map { $0.prefix + $0.text } ?? "" }

    func line(containing text: String) -> String? { lines.first { $0.contains(text) } }

    /// What the stand-in Members screen was last asked to show.
    var memberShown: Int? { (app.screens[.members] as? MembersSpy)?.shown }

    /// An open need that needs a vetted helper and has at least two helpers to rank.
    func vettedNeed() throws -> ListingRow {
        let open = try store.listings(ListingQuery(kind: .need, status: .open), limit: 1000).rows
        return try #require(open.first { $0.needsVettedHelper && ((try? store.rankHelpers(forNeed: $0.id, today: Self.today).count) ?? 0) >= 2 },
                            "the demo has an open need for a vetted helper")
    }

    /// Goes to Match and ranks the helpers for a need by searching its number, as a broker would.
    func openMatch(for need: Int) {
        press(.char("4"), .ctrl("n"), .char("/"))
        type(String(need))
        press(.enter)
    }
}

/// Stands in for the Members screen, which another developer is building.
struct MembersSpy: ConsoleScreen {
    let id = ScreenID.members
    var bindings: [KeyBinding] { [] }
    var shown: Int?
    mutating func reload(_ context: ConsoleContext, in body: Rect) {}
    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse { .ignored }
    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        frame.put("Member card \(shown.map(String.init) ?? "-")", row: rect.row, column: rect.column)
    }
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {
        if case .showMember(let n) = intent { shown = n }
    }
}
