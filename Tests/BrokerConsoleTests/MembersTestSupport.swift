import Foundation
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

let membersToday = CalendarDate(year: 2026, month: 3, day: 15)!

/// A real database in a temporary folder, with two brokers and a few members whose names
/// exercise the search: accents, an apostrophe, CJK, phones and postcodes written with spaces.
final class MembersFixture {
    let folder: URL
    let store: Store
    let ann: Broker
    let bob: Broker
    private(set) var numbers: [String: Int] = [:]

    init(seed: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("members-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store(path: folder.appendingPathComponent("timebank.sqlite").path)
        ann = try store.signIn(username: "ann", displayName: "Ann Broker")
        bob = try store.addBroker(username: "bob", displayName: "Bob Broker", role: .broker, by: ann)
        if seed { try addPeople() }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var path: String { folder.appendingPathComponent("timebank.sqlite").path }

    func context(_ broker: Broker? = nil) -> ConsoleContext {
        ConsoleContext(store: store, broker: broker ?? ann, today: { membersToday })
    }

    func number(_ name: String) -> Int { numbers[name]! }

    @discardableResult
    func add(_ m: Member) throws -> Member {
        let saved = try store.addMember(m, by: ann)
        numbers[m.name] = saved.number
        return saved
    }

    private func addPeople() throws {
        let joined = CalendarDate(year: 2025, month: 6, day: 1)!
        try add(Member(name: "Zoë 王 O'Brien", preferredName: "Zoë", phone: "07700 900123", email: "zoe@example.org",
                       postcode: "GL1 2AB", area: "Westgate", joined: joined))
        try add(Member(name: "Seán Murphy", phone: "01452 555 777", email: "sean@example.org", postcode: "GL4 6NH",
                       area: "Tuffley", joined: joined))
        try add(Member(name: "Ahmed Khan", phone: "07700 900999", postcode: "GL2 0AA", area: "Westgate", joined: joined,
                       status: .onHold, statusReason: "Caring for a relative"))
        try add(Member(kind: .organisation, name: "Westgate Surgery", phone: "01452 300300", postcode: "GL1 1AA", area: "Westgate",
                       joined: joined, contactPerson: "Dr Patel"))
        let category = try store.categories().first { $0.name.lowercased().contains("guitar") || $0.keywords.contains("guitar") }
            ?? store.categories()[0]
        _ = try store.addOffer(Offer(member: number("Seán Murphy"), categoryID: category.id, title: "Guitar lessons",
                                     description: "Beginners welcome", created: joined), by: ann)
        _ = try store.addNeed(Need(member: number("Ahmed Khan"), categoryID: category.id, title: "Lift to the surgery",
                                   created: joined), by: ann)
    }
}

/// The console on a fixture's database at 80x24, driven by keys and read back as text.
struct ConsoleDriver {
    var app: ConsoleApp

    init(_ fixture: MembersFixture, broker: Broker? = nil) {
        app = ConsoleApp(context: fixture.context(broker), size: Size(width: 80, height: 24))
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = app.handle(key) }
    }

    mutating func type(_ text: String) {
        for c in text { _ = app.handle(.char(c)) }
    }

    var frame: Frame { app.render() }
    var lines: [String] { frame.lines }
    var screen: String { lines.joined(separator: "\n") }

    var members: MembersScreen { app.screens[.members] as! MembersScreen }

    /// What the runner does when another broker writes: reload the current screen.
    mutating func otherBrokerWrote() { app.reload() }

    /// Goes to the Members screen and waits for nothing: everything is synchronous.
    mutating func openMembers() { press(.char("2")) }
}
