import GRDB
import TimeBank

/// Offer and need rows (`SELECT * FROM offer`, `… FROM need`), decoded here and nowhere else.
extension Offer: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: try row.stored("id", of: "offer"), member: try row.stored("member", of: "offer"),
                  categoryID: try row.stored("category", of: "offer"), title: try row.stored("title", of: "offer"),
                  description: try row.stored("description", of: "offer"), area: try row.stored("area", of: "offer"),
                  availability: Availability(rawValue: try row.stored("availability", of: "offer")),
                  status: try row.storedCase("status", of: "offer"), created: try row.storedDate("created", of: "offer"),
                  review: try row.storedOptionalDate("review", of: "offer"), version: try row.storedOptional("version", of: "offer") ?? 1)
    }
}

extension Need: FetchableRecord {
    public init(row: Row) throws {
        self.init(id: try row.stored("id", of: "need"), member: try row.stored("member", of: "need"),
                  categoryID: try row.stored("category", of: "need"), title: try row.stored("title", of: "need"),
                  description: try row.stored("description", of: "need"), area: try row.stored("area", of: "need"),
                  availability: Availability(rawValue: try row.stored("availability", of: "need")),
                  needsVettedHelper: try row.stored("needs_vetted_helper", of: "need"),
                  requiresTravel: try row.stored("requires_travel", of: "need"),
                  status: try row.storedCase("status", of: "need"), created: try row.storedDate("created", of: "need"),
                  review: try row.storedOptionalDate("review", of: "need"), version: try row.storedOptional("version", of: "need") ?? 1)
    }
}
