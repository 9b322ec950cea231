import Foundation
import GRDB
import TimeBank

/// What a broker's sign-in looks like to the people who manage brokers.
public struct BrokerSignInState: Hashable, Sendable {
    public var broker: Broker
    public var hasPin: Bool
    public var mustChangePin: Bool
    public var lastSignIn: String?
    /// When the lockout after wrong PINs ends, if it has not yet.
    public var lockedUntil: Date?
}

/// A successful PIN check.
public struct SignedIn: Sendable {
    public var broker: Broker
    /// An admin set this PIN: the broker must choose their own now.
    public var mustChangePin: Bool
}

extension Store {
    /// Rounds of PBKDF2 for new PINs (OWASP's current figure); stored beside each hash.
    public static let pinIterations = PinHash.currentIterations

    /// Sets `username`'s PIN. Anyone may set their own; an admin may set another's, which that
    /// broker must then change at their next sign-in. The PIN itself is never logged.
    public func setPin(username: String, to pin: PinSecret, by actor: Broker, iterations: Int = Store.pinIterations) throws {
        let own = username == actor.username
        if !own { try authorize(.manageBrokers, by: actor) }
        if let problem = pin.problem { throw StoreError.invalid(problem) }
        guard try broker(username: username)?.active == true else { throw StoreError.notFound("'\(username.prefix(40))' is not an active broker.") }
        let hashed = try PinHash.make(pin, iterations: iterations)
        try write { db in
            try db.execute(sql: """
                UPDATE broker SET pin_hash = ?, pin_algorithm = ?, pin_iterations = ?, pin_salt = ?, pin_must_change = ?,
                    pin_failures = 0, locked_until = NULL WHERE username = ?
                """, arguments: [hashed.hashHex, hashed.algorithm, hashed.iterations, Data(hashed.salt), !own, username])
            try Store.audit(db, broker: actor.username, action: "set-pin", entity: "broker", id: username,
                            details: own ? "" : "must change at next sign-in")
        }
    }

    /// Checks `username`'s PIN. A wrong one is counted (per broker, whatever the terminal) and
    /// audited; from the fifth in a row the broker is locked out for a while and not even checked.
    public func checkPin(username: String, _ pin: PinSecret, now: Date = Date()) throws -> SignedIn {
        guard let row = try read({ db in try Row.fetchOne(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username]) }),
              (row["active"] as Bool) else {
            throw StoreError.notFound("'\(username.prefix(40))' is not a broker here.")
        }
        if let until = try row.storedOptionalTimestamp("locked_until", of: "broker"), until > now {
            throw StoreError.invalid(Store.lockedOutSentence(until.timeIntervalSince(now)))
        }
        guard let stored = Store.pinHash(from: row) else {
            throw StoreError.invalid("\(username) has no PIN yet; set one with 'timebank brokers set-pin'.")
        }
        if try stored.matches(pin) {
            return try write { db in
                try db.execute(sql: "UPDATE broker SET pin_failures = 0, locked_until = NULL, last_sign_in = ? WHERE username = ?",
                               arguments: [Store.timestamp(now), username])
                try Store.audit(db, broker: username, action: "sign-in", entity: "broker", id: username)
                let b = try Store.currentBroker(db, username: username)
                return SignedIn(broker: try b ?? Broker(row: row), mustChangePin: row["pin_must_change"])
            }
        }
        let lockSeconds: Int = try write { db in
            try db.execute(sql: "UPDATE broker SET pin_failures = pin_failures + 1 WHERE username = ?", arguments: [username])
            let failures = try Int.fetchOne(db, sql: "SELECT pin_failures FROM broker WHERE username = ?", arguments: [username]) ?? 1
            let seconds = PinLockout.lockSeconds(afterFailures: failures)
            if seconds > 0 {
                try db.execute(sql: "UPDATE broker SET locked_until = ? WHERE username = ?",
                               arguments: [Store.timestamp(now.addingTimeInterval(TimeInterval(seconds))), username])
            }
            try Store.audit(db, broker: username, action: "pin-failed", entity: "broker", id: username,
                            details: "failures=\(failures)\(seconds > 0 ? " locked=\(seconds)s" : "")")
            return seconds
        }
        if lockSeconds > 0 {
            throw StoreError.invalid("Wrong PIN, too many in a row: try again in \(PinLockout.wording(seconds: lockSeconds)).")
        }
        throw StoreError.invalid("That PIN is wrong.")
    }

    static func lockedOutSentence(_ seconds: TimeInterval) -> String {
        "Too many wrong PINs: try again in \(PinLockout.wording(seconds: Int(seconds.rounded(.up)))), or ask an admin."
    }

    static func pinHash(from row: Row) -> PinHash? {
        guard let hex: String = row["pin_hash"], let hash = PinHash.bytes(hex: hex), let algorithm: String = row["pin_algorithm"],
              let iterations: Int = row["pin_iterations"], let salt: Data = row["pin_salt"] else { return nil }
        return PinHash(algorithm: algorithm, iterations: iterations, salt: Array(salt), hash: hash)
    }

    /// Ends a lockout after wrong PINs (admins).
    public func clearLockout(username: String, by admin: Broker) throws {
        try authorize(.manageBrokers, by: admin)
        try write { db in
            try db.execute(sql: "UPDATE broker SET pin_failures = 0, locked_until = NULL WHERE username = ?", arguments: [username])
            guard db.changesCount == 1 else { throw StoreError.notFound("'\(username.prefix(40))' is not a broker here.") }
            try Store.audit(db, broker: admin.username, action: "clear-lockout", entity: "broker", id: username)
        }
    }

    public func signInStates(now: Date = Date()) throws -> [BrokerSignInState] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM broker ORDER BY username").map { row in
                let until = try row.storedOptionalTimestamp("locked_until", of: "broker")
                return BrokerSignInState(broker: try Broker(row: row), hasPin: row["pin_hash"] != nil,
                                         mustChangePin: row["pin_must_change"], lastSignIn: row["last_sign_in"],
                                         lockedUntil: until.flatMap { $0 > now ? $0 : nil })
            }
        }
    }

    public func signInState(username: String, now: Date = Date()) throws -> BrokerSignInState? {
        try signInStates(now: now).first { $0.broker.username == username }
    }
}
