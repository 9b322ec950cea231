import GRDB
import TimeBank

extension Store {
    /// Gives a broker another role (admins; never their own).
    public func setRole(username: String, to role: BrokerRole, by admin: Broker) throws {
        try authorize(.changeRole(own: username == admin.username), by: admin)
        try write { db in
            guard let before = try Store.currentBroker(db, username: username), before.active else {
                throw StoreError.notFound("'\(username.prefix(40))' is not an active broker.")
            }
            try db.execute(sql: "UPDATE broker SET role = ? WHERE username = ?", arguments: [role.rawValue, username])
            try Store.audit(db, broker: admin.username, action: "role", entity: "broker", id: username,
                            details: "\(before.role.rawValue) -> \(role.rawValue)")
        }
    }

    /// Records that a broker is also member `member` (nil: not a member), so they never record
    /// or reverse that account's hours themselves.
    public func linkMember(username: String, to member: Int?, by admin: Broker) throws {
        try authorize(.manageBrokers, by: admin)
        try write { db in
            if let member, try Store.member(db, member) == nil { throw StoreError.memberNotFound(member) }
            try db.execute(sql: "UPDATE broker SET member = ? WHERE username = ?", arguments: [member, username])
            guard db.changesCount == 1 else { throw StoreError.notFound("'\(username.prefix(40))' is not a broker here.") }
            try Store.audit(db, broker: admin.username, action: "link-member", entity: "broker", id: username,
                            details: member.map { "member=\($0)" } ?? "member=none")
        }
    }

    /// Marks a Unix login as shared by several brokers: the console opens on a sign-in screen
    /// and commands ask who is at the keyboard.
    public func markSharedLogin(_ unixName: String, shared: Bool = true, by admin: Broker) throws {
        try authorize(.manageBrokers, by: admin)
        guard BrokerName.isValidUsername(unixName) else {
            throw StoreError.invalid("'\(unixName.prefix(40))' is not a valid Unix account name.")
        }
        try write { db in
            if shared {
                try db.execute(sql: "INSERT OR IGNORE INTO shared_login (unix_name, created_at, created_by) VALUES (?, ?, ?)",
                               arguments: [unixName, Store.timestamp(), admin.username])
            } else {
                try db.execute(sql: "DELETE FROM shared_login WHERE unix_name = ?", arguments: [unixName])
            }
            try Store.audit(db, broker: admin.username, action: shared ? "shared-login" : "personal-login", entity: "login", id: unixName)
        }
    }

    public func isSharedLogin(_ unixName: String) throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM shared_login WHERE unix_name = ?", arguments: [unixName]) ?? 0 > 0 }
    }
}
