import GRDB
import TimeBank

/// A broker row (`SELECT * FROM broker`): an unknown role is damage, never read as a viewer.
extension Broker: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: try row.stored("id", of: "broker"), username: try row.stored("username", of: "broker"),
                  displayName: try row.stored("display_name", of: "broker"), role: try row.storedCase("role", of: "broker"),
                  active: try row.stored("active", of: "broker"), member: try row.storedOptional("member", of: "broker"))
    }
}
