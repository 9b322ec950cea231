import Foundation

/// What a broker does during the SSH tests: keys typed into their console over SSH, and the
/// command line as their own Unix account where a test needs to look from outside.
enum SSHBrokerActions {
    struct Member: Sendable {
        var number: Int
        var name: String
    }

    /// Active people (not organisations) in the database, by number.
    static func activeMembers(_ host: SSHBrokerHost, as account: SSHBrokerHost.Account) async throws -> [Member] {
        let r = try await host.runChecked(as: account, "members --format json")
        return try members(fromJSON: r.stdout, activeOnly: true)
    }

    /// Finds a member on the Members screen by typing their surname, as a broker at the keyboard.
    static func findOnScreen(_ member: Member, in console: SSHConsole) async throws {
        let surname = member.name.split(separator: " ").last.map(String.init) ?? member.name
        try await console.press("2")
        try await console.waitFor("· Members")
        try await console.press(surname, literal: true)
        try await console.waitFor(String(member.number))
        try await console.press("Escape")
    }

    /// Records hours on the Record hours screen (giver and receiver by number, the duration,
    /// Ctrl-S), and waits for the console to confirm it.
    static func recordOnScreen(in console: SSHConsole, giver: Member, receiver: Member, hours: String) async throws {
        try await console.press("5")
        try await console.waitFor("· Record hours")
        try await console.press("Enter")  // the slip opens at rest, where number keys switch screens
        try await console.press(String(giver.number), literal: true)
        try await console.press("Tab")
        try await console.press(String(receiver.number), literal: true)
        try await console.press("Tab")
        try await console.press(hours, literal: true)
        try await console.press("C-s")
        let screen = try await console.waitFor("Recorded", seconds: 10)
        if screen.contains("credit limit") {
            try await console.press("y")
            try await console.waitFor("Recorded", seconds: 10)
        }
        try await console.press("Escape")
        try await console.press("1")
    }

    /// The id of the one exchange `broker` recorded between the two members.
    static func recordedID(_ host: SSHBrokerHost, as account: SSHBrokerHost.Account, giver: Member, receiver: Member,
                           by broker: String) async throws -> String {
        let all = try await exchanges(host, as: account)
        let ids = all.filter {
            $0.value["giver"] as? String == String(giver.number) && $0.value["receiver"] as? String == String(receiver.number)
                && $0.value["recorded_by"] as? String == broker
        }.map(\.key)
        guard ids.count == 1, let id = ids.first else {
            throw SSHTestError("expected one exchange \(giver.number) → \(receiver.number) by \(broker), found \(ids.count)")
        }
        return id
    }

    /// Records `hours` from giver to receiver with a fixed id, and returns the id.
    @discardableResult
    static func record(_ host: SSHBrokerHost, as account: SSHBrokerHost.Account, giver: Member, receiver: Member, hours: String,
                       note: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await host.runChecked(as: account, "record --giver \(giver.number) --receiver \(receiver.number) --hours \(hours) "
                                  + "--note '\(note)' --id \(id) --accept-credit-limit --allow-duplicate")
        return id
    }

    /// The exchanges in `timebank export exchanges --format json`, keyed by id, as `account` reads them.
    static func exchanges(_ host: SSHBrokerHost, as account: SSHBrokerHost.Account) async throws -> [String: [String: Any]] {
        let r = try await host.runChecked(as: account, "export exchanges --format json")
        guard let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] else {
            throw SSHTestError("export exchanges is not a JSON array:\n\(r.stdout.prefix(500))")
        }
        var byID: [String: [String: Any]] = [:]
        for row in rows { if let id = row["id"] as? String { byID[id] = row } }
        return byID
    }

    /// The "This month" exchange count on the Today screen, as drawn on the broker's terminal.
    static func thisMonthExchanges(on screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" exchange") && $0.contains(" hours") }) else { return nil }
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.hasPrefix("exchange") }), index > 0 else { return nil }
        return Int(words[index - 1])
    }

    private static func members(fromJSON text: String, activeOnly: Bool) throws -> [Member] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw SSHTestError("members output is not a JSON array:\n\(text.prefix(500))")
        }
        return rows.compactMap { row in
            guard let number = row["number"] as? Int, let name = row["name"] as? String else { return nil }
            if activeOnly && (row["status"] as? String != "active" || row["kind"] as? String == "organisation") { return nil }
            return Member(number: number, name: name)
        }
    }
}
