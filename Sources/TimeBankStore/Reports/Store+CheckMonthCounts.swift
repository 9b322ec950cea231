import GRDB

extension Store {
    /// A table of one count per month (`month`, `column`) against its recount (`recount` selects
    /// `month` and `column`): each month that differs, named by `describe(month, kept, recounted)`.
    /// A month kept at 0 and absent from the recount agrees: such rows are never deleted.
    static func monthCountProblems(_ db: Database, table: String, column: String, recount: String,
                                   describe: (String, Int, Int) -> String) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(k.month, r.month) AS month, coalesce(k.\(column), 0) AS kept, coalesce(r.\(column), 0) AS recounted
            FROM \(table) k FULL OUTER JOIN (\(recount)) r ON r.month = k.month
            WHERE coalesce(k.\(column), 0) <> coalesce(r.\(column), 0)
            ORDER BY 1
            LIMIT 20
            """).map { row in describe(row["month"] as String? ?? "?", row["kept"] as Int? ?? 0, row["recounted"] as Int? ?? 0) }
    }
}
