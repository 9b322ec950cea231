import Foundation
import GRDB
import TimeBank

extension Store {
    public func brokers() throws -> [Broker] {
        try read { db in try Broker.fetchAll(db, sql: "SELECT * FROM broker ORDER BY username") }
    }

    public func broker(username: String) throws -> Broker? {
        try read { db in
            try Broker.fetchOne(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username])
        }
    }

    /// The broker acting as this Unix user. The first user of a new database becomes its admin;
    /// anyone else must have been added by an admin.
    public func signIn(username: String, displayName: String? = nil) throws -> Broker {
        // Most sign-ins only look; reading first keeps a refused command from touching the file.
        if let known = try broker(username: username) {
            guard known.active else { throw StoreError.notABroker(username: username) }
            return known
        }
        return try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username]) {
                let b = try Broker(row: row)
                guard b.active else { throw StoreError.notABroker(username: username) }
                return b
            }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM broker") ?? 0
            guard count == 0 else { throw StoreError.notABroker(username: username) }
            try db.execute(sql: "INSERT INTO broker (username, display_name, role, created_at) VALUES (?, ?, 'admin', ?)",
                           arguments: [username, Store.printable(displayName ?? username, orElse: username), Store.timestamp()])
            try Store.audit(db, broker: username, action: "create", entity: "broker", id: username, details: "role=admin (first user)")
            return try Broker.fetchExisting(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username], missing: "The broker was not found.")
        }
    }

    public func addBroker(username: String, displayName: String, role: BrokerRole, by admin: Broker) throws -> Broker {
        try authorize(.manageBrokers, by: admin)
        guard BrokerName.isValidUsername(username) else {
            throw StoreError.invalid("'\(username.prefix(40))' is not a valid Unix account name.")
        }
        let name = displayName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, TextRules.fits(name, characters: 80), !TextRules.containsForbidden(name) else {
            throw StoreError.invalid("A broker's name must be 1 to 80 printable characters.")
        }
        return try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM broker WHERE username = ?", arguments: [username]) ?? 0 > 0 {
                throw StoreError.invalid("'\(username)' is already a broker.")
            }
            try db.execute(sql: "INSERT INTO broker (username, display_name, role, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [username, name, role.rawValue, Store.timestamp()])
            try Store.audit(db, broker: admin.username, action: "create", entity: "broker", id: username, details: "role=\(role.rawValue)")
            return try Broker.fetchExisting(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username], missing: "The broker was not found.")
        }
    }

    /// Ends a broker's access; their name stays on everything they recorded.
    public func removeBroker(username: String, by admin: Broker) throws {
        try authorize(.manageBrokers, by: admin)
        guard username != admin.username else { throw StoreError.invalid("You cannot remove yourself; ask another admin.") }
        try write { db in
            try db.execute(sql: "UPDATE broker SET active = 0 WHERE username = ? AND active = 1", arguments: [username])
            guard db.changesCount == 1 else { throw StoreError.notFound("'\(username)' is not an active broker.") }
            try Store.audit(db, broker: admin.username, action: "remove", entity: "broker", id: username)
        }
    }

    /// A name from outside (the account's GECOS field) with any control character taken out,
    /// as nothing may store one; what is left, or the fallback if nothing is.
    static func printable(_ text: String, orElse fallback: String) -> String {
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.filter { !TextRules.isForbidden($0) })
        let cleaned = String(kept).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || !TextRules.fits(cleaned, characters: 80) ? fallback : cleaned
    }
}
