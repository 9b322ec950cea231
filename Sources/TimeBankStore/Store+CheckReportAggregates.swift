import GRDB

extension Store {
    /// The report aggregates (migration v11a-report-aggregates) against a recomputation from the
    /// ledger: each kept row that differs, is missing or is extra, named (at most 20 of each table).
    static func reportAggregateProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        for row in try Row.fetchAll(db, sql: """
            SELECT coalesce(r.member, k.member) AS member, coalesce(r.month, k.month) AS month,
                   k.given_minutes AS kept, r.given_minutes AS ledger
            FROM (\(Schema.reportMemberMonthFromLedger)) r
            FULL OUTER JOIN report_member_month k ON k.member = r.member AND k.month = r.month
            WHERE k.given_minutes IS NOT r.given_minutes
            LIMIT 20
            """) {
            problems.append("The report's minutes given by member \(row["member"] as Int? ?? 0) in \(row["month"] as String? ?? "?") "
                + "(kept \(describe(row["kept"] as Int?))) differ from the ledger (\(describe(row["ledger"] as Int?))).")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT coalesce(r.member, k.member) AS member, k.first_exchange AS kept, r.first_exchange AS ledger
            FROM (\(Schema.reportMemberFirstFromLedger)) r
            FULL OUTER JOIN report_member_first k ON k.member = r.member
            WHERE k.first_exchange IS NOT r.first_exchange
            LIMIT 20
            """) {
            problems.append("The report's first exchange of member \(row["member"] as Int? ?? 0) "
                + "(kept \(row["kept"] as String? ?? "none")) differs from the ledger (\(row["ledger"] as String? ?? "none")).")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT coalesce(r.a, k.a) AS a, coalesce(r.b, k.b) AS b, k.first_exchange AS kept, r.first_exchange AS ledger
            FROM (\(Schema.reportPairFirstFromLedger)) r
            FULL OUTER JOIN report_pair_first k ON k.a = r.a AND k.b = r.b
            WHERE k.first_exchange IS NOT r.first_exchange
            LIMIT 20
            """) {
            problems.append("The report's first exchange between members \(row["a"] as Int? ?? 0) and \(row["b"] as Int? ?? 0) "
                + "(kept \(row["kept"] as String? ?? "none")) differs from the ledger (\(row["ledger"] as String? ?? "none")).")
        }
        return problems
    }

    private static func describe(_ minutes: Int?) -> String { minutes.map { "\($0) minutes" } ?? "none" }
}
