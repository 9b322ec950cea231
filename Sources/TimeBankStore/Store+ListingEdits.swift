import Foundation
import GRDB
import TimeBank

/// Browsing, editing and closing offers and needs. Listings are not part of the ledger, so they
/// may be changed in place; every change is audited with the broker's name.
extension Store {
    /// The listings matching a query, newest first: the total and one window of rows.
    public func listings(_ q: ListingQuery, offset: Int = 0, limit: Int = 200) throws -> (total: Int, rows: [ListingRow]) {
        try read { db in
            let table = q.kind == .offer ? "offer" : "need"
            var conditions: [String] = []
            var args: [String: (any DatabaseValueConvertible)?] = [:]
            if let status = q.status { conditions.append("l.status = :status"); args["status"] = status.rawValue }
            if let c = q.categoryID { conditions.append("l.category = :category"); args["category"] = c }
            if let m = q.member { conditions.append("l.member = :member"); args["member"] = m }
            var phrases: [String] = []
            for (i, word) in q.search.split(separator: " ").prefix(6).enumerated() {
                if let n = Int(word) {
                    conditions.append("(l.id = :n\(i) OR l.member = :n\(i))")
                    args["n\(i)"] = n
                } else if word.contains(where: { $0.isLetter || $0.isNumber }) {
                    // A word as the index's tokenizer reads it (accents and case ignored), matching
                    // the start of a word: "garden" finds "gardening", "o'brien" finds O'Brien.
                    phrases.append("\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"*")
                }
            }
            if !phrases.isEmpty {
                conditions.append("l.id IN (SELECT rowid FROM \(table)_text WHERE \(table)_text MATCH :words)")
                args["words"] = phrases.joined(separator: " AND ")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let from = "FROM \(table) l JOIN member m ON m.number = l.member JOIN category c ON c.id = l.category \(whereClause)"
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(args)) ?? 0
            args["limit"] = limit
            args["offset"] = offset
            let rows = try Row.fetchAll(db, sql: "SELECT \(Store.listingColumns(q.kind)) \(from) ORDER BY l.created DESC, l.id DESC LIMIT :limit OFFSET :offset",
                                        arguments: StatementArguments(args))
            return (total, try rows.map { try Store.listingRow(from: $0, kind: q.kind) })
        }
    }

    /// One listing with its member and category, or nil.
    public func listing(_ kind: ListingRow.Kind, id: Int) throws -> ListingRow? {
        try read { db in try Store.listingRow(db, kind, id: id) }
    }

    static func listingRow(_ db: Database, _ kind: ListingRow.Kind, id: Int) throws -> ListingRow? {
        let table = kind == .offer ? "offer" : "need"
        return try Row.fetchOne(db, sql: """
            SELECT \(listingColumns(kind)) FROM \(table) l JOIN member m ON m.number = l.member JOIN category c ON c.id = l.category
            WHERE l.id = ?
            """, arguments: [id]).map { try listingRow(from: $0, kind: kind) }
    }

    static func listingColumns(_ kind: ListingRow.Kind) -> String {
        let needOnly = kind == .need
            ? "l.needs_vetted_helper, l.requires_travel, (SELECT count(*) FROM referral r WHERE r.need = l.id AND r.status IN ('proposed', 'contacted', 'agreed')) AS live"
            : "0 AS needs_vetted_helper, 0 AS requires_travel, 0 AS live"
        return """
            l.id, l.member, m.name AS member_name, l.title, l.description, l.area, l.availability, l.status, l.created, l.version, \(needOnly),
            \(listingCategoryColumns.map { "c.\($0.column) AS \($0.alias)" }.joined(separator: ", "))
            """
    }

    /// The category table's columns beside a listing, each under a `c_` name.
    static let listingCategoryColumns: [(column: String, alias: String)] = [
        ("id", "c_id"), ("code", "c_code"), ("grp", "c_grp"), ("name", "c_name"), ("keywords", "c_keywords"),
        ("suggests_vetting", "c_vetting"), ("involves_travel", "c_travel"), ("active", "c_active"),
    ]

    /// A listing beside its member's name and its category (the `c_` columns of `listingColumns`).
    static func listingRow(from row: Row, kind: ListingRow.Kind) throws -> ListingRow {
        let table = kind == .offer ? "offer" : "need"
        func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value { try row.stored(column, of: table) }
        // The category's columns under their own names, read by the one Category record.
        var categoryColumns: [String: (any DatabaseValueConvertible)?] = [:]
        for (column, alias) in listingCategoryColumns { categoryColumns[column] = row[alias] as DatabaseValue? }
        let category = try TimeBank.Category(row: Row(categoryColumns))
        return ListingRow(kind: kind, id: try value("id"), member: try value("member"), memberName: try value("member_name"), category: category,
                          title: try value("title"), description: try value("description"), area: try value("area"),
                          availability: Availability(rawValue: try value("availability")), status: try row.storedCase("status", of: table),
                          needsVettedHelper: try value("needs_vetted_helper"), requiresTravel: try value("requires_travel"),
                          created: try row.storedDate("created", of: table), liveReferrals: try value("live"),
                          version: try value("version"))
    }

    /// Saves a changed offer (title, description, category, area, availability, status).
    public func updateOffer(_ o: Offer, by broker: Broker) throws -> Offer {
        try authorize(.editOffersAndNeeds, by: broker)
        try Store.validateListing(title: o.title, description: o.description, area: o.area)
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [o.id]) else {
                throw StoreError.notFound("There is no offer number \(o.id).")
            }
            let current = try Offer(row: row)
            try Store.requireVersion(db, current: current.version, expected: o.version, entity: "offer", id: String(o.id), record: "offer \(o.id)")
            try Store.requireCategory(db, o.categoryID)
            try db.execute(sql: """
                UPDATE offer SET category = ?, title = ?, description = ?, area = ?, availability = ?, status = ?, review = ?,
                    version = version + 1 WHERE id = ?
                """, arguments: [o.categoryID, o.title.trimmingCharacters(in: .whitespaces), o.description, o.area.trimmingCharacters(in: .whitespaces),
                                 o.availability.rawValue, o.status.rawValue, o.review?.iso, o.id])
            // The member search also finds people by what they offer.
            let member: Int = try Int.fetchOne(db, sql: "SELECT member FROM offer WHERE id = ?", arguments: [o.id]) ?? o.member
            try MemberSearchIndex.reindex(db, member: member)
            var saved = o
            saved.title = o.title.trimmingCharacters(in: .whitespaces)
            saved.area = o.area.trimmingCharacters(in: .whitespaces)
            try Store.audit(db, broker: broker.username, action: "update", entity: "offer", id: String(o.id),
                            details: Store.versionedDetails(current.version + 1, Store.listingChanges(from: current, to: saved)))
            return try Offer.fetchExisting(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [o.id], missing: "The offer was not found.")
        }
    }

    /// Saves a changed need, including whether it needs a vetted helper.
    public func updateNeed(_ n: Need, by broker: Broker) throws -> Need {
        try authorize(.editOffersAndNeeds, by: broker)
        try Store.validateListing(title: n.title, description: n.description, area: n.area)
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [n.id]) else {
                throw StoreError.notFound("There is no need number \(n.id).")
            }
            let current = try Need(row: row)
            try Store.requireVersion(db, current: current.version, expected: n.version, entity: "need", id: String(n.id), record: "need \(n.id)")
            try Store.requireCategory(db, n.categoryID)
            try db.execute(sql: """
                UPDATE need SET category = ?, title = ?, description = ?, area = ?, availability = ?, needs_vetted_helper = ?,
                    requires_travel = ?, status = ?, review = ?, version = version + 1 WHERE id = ?
                """, arguments: [n.categoryID, n.title.trimmingCharacters(in: .whitespaces), n.description, n.area.trimmingCharacters(in: .whitespaces),
                                 n.availability.rawValue, n.needsVettedHelper, n.requiresTravel, n.status.rawValue, n.review?.iso, n.id])
            var saved = n
            saved.title = n.title.trimmingCharacters(in: .whitespaces)
            saved.area = n.area.trimmingCharacters(in: .whitespaces)
            try Store.audit(db, broker: broker.username, action: "update", entity: "need", id: String(n.id),
                            details: Store.versionedDetails(current.version + 1, Store.listingChanges(from: current, to: saved)))
            return try Need.fetchExisting(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [n.id], missing: "The need was not found.")
        }
    }

    /// Closes (or reopens) an offer or a need without touching anything else about it.
    public func setStatus(_ kind: ListingRow.Kind, id: Int, to status: ListingStatus, by broker: Broker) throws {
        try authorize(.editOffersAndNeeds, by: broker)
        let table = kind == .offer ? "offer" : "need"
        try write { db in
            guard let member = try Int.fetchOne(db, sql: "SELECT member FROM \(table) WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("There is no \(table) number \(id).")
            }
            try db.execute(sql: "UPDATE \(table) SET status = ?, version = version + 1 WHERE id = ?", arguments: [status.rawValue, id])
            if kind == .offer { try MemberSearchIndex.reindex(db, member: member) }
            try Store.audit(db, broker: broker.username, action: status == .closed ? "close" : "status", entity: table, id: String(id),
                            details: "status=\(status.rawValue)")
        }
    }

    static func requireCategory(_ db: Database, _ id: Int) throws {
        guard try Int.fetchOne(db, sql: "SELECT id FROM category WHERE id = ?", arguments: [id]) != nil else {
            throw StoreError.invalid("There is no category number \(id).")
        }
    }
}
