import GRDB
import TimeBank

/// A category row (`SELECT * FROM category`); keywords are stored as one space-separated text.
extension TimeBank.Category: FetchableRecord {
    public init(row: Row) throws {
        let keywords: String = try row.stored("keywords", of: "category")
        self.init(id: try row.stored("id", of: "category"), code: try row.stored("code", of: "category"),
                  group: try row.stored("grp", of: "category"), name: try row.stored("name", of: "category"),
                  keywords: keywords.split(separator: " ").map(String.init),
                  suggestsVetting: try row.stored("suggests_vetting", of: "category"),
                  involvesTravel: try row.stored("involves_travel", of: "category"), active: try row.stored("active", of: "category"))
    }
}
