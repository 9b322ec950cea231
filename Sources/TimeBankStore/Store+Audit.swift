import Foundation
import GRDB
import TimeBank

/// One line of the audit log.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    public var at: String
    public var broker: String
    public var action: String
    public var entity: String
    public var entityID: String
    public var details: String
}

extension Store {
    /// Appends to the audit log inside the caller's transaction, so a write and its record commit together.
    static func audit(_ db: Database, broker: String, action: String, entity: String, id: String, details: String = "") throws {
        // Prepared once per connection, with the audit log's triggers: every write comes here.
        try db.cachedStatement(sql: "INSERT INTO audit (at, broker, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [timestamp(), broker, action, entity, id, details])
    }

    public func auditLog(entity: String? = nil, id: String? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try read { db in
            var sql = "SELECT * FROM audit"
            var args: StatementArguments = []
            if let entity {
                sql += " WHERE entity = ?"
                args += [entity]
                if let id {
                    sql += " AND entity_id = ?"
                    args += [id]
                }
            }
            sql += " ORDER BY id DESC LIMIT ?"
            args += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                AuditEntry(id: $0["id"], at: $0["at"], broker: $0["broker"], action: $0["action"], entity: $0["entity"],
                           entityID: $0["entity_id"], details: $0["details"])
            }
        }
    }
}
