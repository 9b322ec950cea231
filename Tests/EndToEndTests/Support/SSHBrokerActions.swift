import Foundation

/// What a broker does during the SSH tests, over the same SSH server as their open console.
///
/// The Members and Record hours screens are not on main yet, so finding a member and recording
/// hours go through `timebank members --search` and `timebank record` as the broker's own Unix
/// account; once the screens land, these become keys typed into the broker's console.
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

    /// Searches the way a broker would (by surname) and returns the member found.
    static func find(_ member: Member, _ host: SSHBrokerHost, as account: SSHBrokerHost.Account) async throws -> Member {
        let surname = member.name.split(separator: " ").last.map(String.init) ?? member.name
        let r = try await host.runChecked(as: account, "members --search '\(surname)' --format json")
        guard let found = try members(fromJSON: r.stdout, activeOnly: false).first(where: { $0.number == member.number }) else {
            throw SSHTestError("searching '\(surname)' as \(account.name) did not find member \(member.number):\n\(r)")
        }
        return found
    }

    /// Records `hours` from giver to receiver with a fixed id, and returns the id.
    @discardableResult
    static func record(_ host: SSHBrokerHost, as account: SSHBrokerHost.Account, giver: Member, receiver: Member, hours: String,
                       note: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await host.runChecked(as: account, "record --giver \(giver.number) --receiver \(receiver.number) --hours \(hours) "
                                  + "--note '\(note)' --id \(id) --accept-credit-limit")
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
