import Foundation
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// A real database in a temporary folder, removed when the test ends.
final class TestStore {
    let folder: URL
    let store: Store
    let broker: Broker

    init(demoMembers: Int = 0, seed: UInt64 = 7, today: CalendarDate = CalendarDate(year: 2026, month: 11, day: 29)!) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("console-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("tb.sqlite").path)
        broker = try store.signIn(username: "ann", displayName: "Ann Lee")
        if demoMembers > 0 {
            _ = try store.populateDemo(DemoOptions(members: demoMembers, seed: seed, today: today), by: broker)
        }
    }

    func context(today: CalendarDate = CalendarDate(year: 2026, month: 11, day: 29)!) -> ConsoleContext {
        ConsoleContext(store: store, broker: broker, today: { today })
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}
