import GRDB

extension Store {
    /// Who was active the month before and each month's active members (migration
    /// v12j-report-month-active) against a recount from the member-month rows.
    static func reportMonthActiveProblems(_ db: Database) throws -> [String] {
        var problems = try Row.fetchAll(db, sql: """
            SELECT r.month, r.member, k.active_before AS kept, r.active_before AS recounted
            FROM (\(Schema.reportMemberMonthActiveBefore)) r
            JOIN report_member_month k ON k.month = r.month AND k.member = r.member
            WHERE k.active_before IS NOT r.active_before
            ORDER BY 1, 2
            LIMIT 20
            """).map { row in
            "The report's note that member \(row["member"] as Int? ?? 0) was active the month before \(row["month"] as String? ?? "?") "
                + "(kept \(row["kept"] as Int? ?? 0 != 0 ? "yes" : "no")) differs from the month before's figures "
                + "(\(row["recounted"] as Int? ?? 0 != 0 ? "yes" : "no"))."
        }
        problems += try monthCountProblems(db, table: "report_month_active", column: "members", recount: Schema.reportMonthActiveFromMembers) {
            "The report's count of members active in \($0) (kept \($1)) differs from the members' month figures (\($2))."
        }
        return problems
    }
}
