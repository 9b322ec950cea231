import GRDB
import TimeBank

/// Admins keep the category list: rename a service, add one, or retire one (a retired category
/// stays on old listings and exchanges but is no longer offered for new ones).
extension Store {
    /// Adds a category (id 0) or saves changes to one. Admins only.
    public func saveCategory(_ c: TimeBank.Category, by broker: Broker) throws -> TimeBank.Category {
        try authorize(.editCategories, by: broker)
        let code = c.code.trimmingCharacters(in: .whitespaces).lowercased()
        let group = c.group.trimmingCharacters(in: .whitespaces)
        let name = c.name.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 40, code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            throw StoreError.invalid("A category code is 1 to 40 letters, digits, dots or hyphens, such as garden.weeding.")
        }
        if let problem = TextRules.controlProblem("The category's group", group) ?? TextRules.controlProblem("The category's name", name)
            ?? c.keywords.lazy.compactMap({ TextRules.controlProblem("A keyword", $0) }).first {
            throw StoreError.invalid(problem)
        }
        guard !group.isEmpty, !name.isEmpty, TextRules.fits(group, characters: 60), TextRules.fits(name, characters: 80) else {
            throw StoreError.invalid("A category needs a group (up to 60 characters) and a name (up to 80).")
        }
        let keywords = c.keywords.map { $0.lowercased() }.joined(separator: " ")
        return try write { db in
            if let other = try Int.fetchOne(db, sql: "SELECT id FROM category WHERE code = ?", arguments: [code]), other != c.id {
                throw StoreError.invalid("The code \(code) is already used by another category.")
            }
            let id: Int64
            if c.id == 0 {
                try db.execute(sql: """
                    INSERT INTO category (code, grp, name, keywords, suggests_vetting, involves_travel, active) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [code, group, name, keywords, c.suggestsVetting, c.involvesTravel, c.active])
                id = db.lastInsertedRowID
            } else {
                try db.execute(sql: """
                    UPDATE category SET code = ?, grp = ?, name = ?, keywords = ?, suggests_vetting = ?, involves_travel = ?, active = ? WHERE id = ?
                    """, arguments: [code, group, name, keywords, c.suggestsVetting, c.involvesTravel, c.active, c.id])
                guard db.changesCount == 1 else { throw StoreError.notFound("There is no category number \(c.id).") }
                id = Int64(c.id)
            }
            try Store.audit(db, broker: broker.username, action: c.id == 0 ? "create" : "update", entity: "category", id: String(id),
                            details: "\(code): \(group) › \(name)\(c.active ? "" : " (retired)")")
            return try TimeBank.Category.fetchExisting(db, sql: "SELECT * FROM category WHERE id = ?", arguments: [id], missing: "The category was not found.")
        }
    }
}
