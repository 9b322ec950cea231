import Foundation
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// A console on a fresh database file, opened on Record hours, driven by keys at 80x24.
final class RecordHoursFixture {
    static let today = CalendarDate(year: 2026, month: 3, day: 15)!

    let folder: URL
    let store: Store
    let broker: Broker
    var app: ConsoleApp

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("timebank.sqlite").path)
        broker = try store.signIn(username: "tester", displayName: "Test Broker")
        let context = ConsoleContext(store: store, broker: broker, today: { RecordHoursFixture.today })
        let screens: [any ConsoleScreen] = [TodayScreen(), RecordHoursScreen(statementFolder: folder.path)]
        app = ConsoleApp(context: context, size: Size(width: 80, height: 24), screens: screens)
        _ = app.handle(.char("5"))
        _ = app.handle(.enter)  // the screen opens at rest; Enter goes into the slip
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func member(_ name: String, status: MemberStatus = .active) throws -> Int {
        try store.addMember(Member(name: name, joined: Self.today.adding(days: -100), status: status), by: broker).number
    }

    func exchange(_ giver: AccountRef, _ receiver: AccountRef, _ minutes: Minutes, date: CalendarDate = today) throws {
        _ = try store.record(ExchangeRequest(date: date, giver: giver, receiver: receiver, minutes: minutes), by: broker,
                             acceptCreditLimit: true)
        app.reload()
    }

    func type(_ text: String) {
        for character in text { _ = app.handle(.char(character)) }
    }

    func press(_ keys: Key...) {
        for key in keys { _ = app.handle(key) }
    }

    var lines: [String] { app.render().lines }
    var screen: String { lines.joined(separator: "\n") }
    var message: String { app.message.map { $0.prefix + $0.text } ?? "" }

    /// The first rendered line containing `text`.
    func line(containing text: String) -> String? { lines.first { $0.contains(text) } }

    func balance(_ ref: AccountRef) throws -> Minutes { try store.balance(ref).balanceMinutes }

    var exchangeCount: Int { (try? store.exchangeCount()) ?? -1 }
}
