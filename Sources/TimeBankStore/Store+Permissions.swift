import GRDB
import TimeBank

extension Store {
    /// The one gate of every write: the broker's role and member link as the database holds them
    /// now (an admin may have changed them since the console started), against `Permissions`.
    /// Called first, so a refused change writes nothing and never opens the file for writing.
    public func authorize(_ action: BrokerAction, by broker: Broker) throws {
        let current = try read { db in try Store.currentBroker(db, username: broker.username) }
        guard let current, current.active else { throw StoreError.notABroker(username: broker.username) }
        if let refusal = Permissions.refusal(role: current.role, ownMember: current.member, for: action) {
            throw StoreError.refused(refusal)
        }
    }

    static func currentBroker(_ db: Database, username: String) throws -> Broker? {
        try Broker.fetchOne(db, sql: "SELECT * FROM broker WHERE username = ?", arguments: [username])
    }
}
