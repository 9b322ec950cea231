import GRDB

extension Store {
    /// The report aggregates (migrations v11a-report-aggregates, v12a-report-month-aggregates and
    /// v12e-report-month-partners) against a recomputation from the ledger: each kept row that differs, is missing or is extra,
    /// named with all its columns (at most 20 of each table).
    static func reportAggregateProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        problems += try memberMonthProblems(db)
        problems += try pairMonthProblems(db)
        problems += try monthCategoryProblems(db)
        problems += try memberPartnersProblems(db)
        problems += try monthPairsProblems(db)
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

    private static func memberMonthProblems(_ db: Database) throws -> [String] {
        let columns = ["given_minutes", "received_minutes", "kept_given", "kept_given_minutes",
                       "kept_received", "kept_received_minutes", "given_through"]
        let differs = columns.map { "k.\($0) IS NOT r.\($0)" }.joined(separator: " OR ")
        let kept = columns.map { "k.\($0) AS kept_\($0)" }.joined(separator: ", ")
        let ledger = columns.map { "r.\($0) AS ledger_\($0)" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            SELECT coalesce(r.member, k.member) AS member, coalesce(r.month, k.month) AS month,
                   k.member IS NOT NULL AS has_kept, r.member IS NOT NULL AS has_ledger, \(kept), \(ledger)
            FROM (\(Schema.reportMemberMonthRowsFromLedger)) r
            FULL OUTER JOIN report_member_month k ON k.month = r.month AND k.member = r.member
            WHERE k.member IS NULL OR r.member IS NULL OR \(differs)
            ORDER BY 2, 1
            LIMIT 20
            """).map { row in
            func figures(_ prefix: String, present: Bool) -> String {
                guard present else { return "none" }
                func n(_ column: String) -> Int { row[prefix + column] as Int? ?? 0 }
                return "given \(n("given_minutes")) and received \(n("received_minutes")) minutes, "
                    + "\(n("kept_given")) standing given for \(n("kept_given_minutes")) minutes, "
                    + "\(n("kept_received")) standing received for \(n("kept_received_minutes")) minutes, "
                    + "\(n("given_through")) minutes given through the month"
            }
            return "The report's month figures of member \(row["member"] as Int? ?? 0) in \(row["month"] as String? ?? "?") "
                + "(kept: \(figures("kept_", present: row["has_kept"] as Bool? ?? false))) "
                + "differ from the ledger (\(figures("ledger_", present: row["has_ledger"] as Bool? ?? false)))."
        }
    }

    private static func pairMonthProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.month, k.month) AS month, coalesce(r.a, k.a) AS a, coalesce(r.b, k.b) AS b,
                   k.kept AS kept, r.kept AS ledger
            FROM (\(Schema.reportPairMonthFromLedger)) r
            FULL OUTER JOIN report_pair_month k ON k.month = r.month AND k.a = r.a AND k.b = r.b
            WHERE k.kept IS NOT r.kept
            ORDER BY 1, 2, 3
            LIMIT 20
            """).map { row in
            "The report's standing exchanges between members \(row["a"] as Int? ?? 0) and \(row["b"] as Int? ?? 0) "
                + "in \(row["month"] as String? ?? "?") (kept \(describeCount(row["kept"] as Int?))) "
                + "differ from the ledger (\(describeCount(row["ledger"] as Int?)))."
        }
    }

    private static func monthCategoryProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.month, k.month) AS month, coalesce(r.category, k.category) AS category,
                   k.month IS NOT NULL AS has_kept, r.month IS NOT NULL AS has_ledger,
                   k.minutes AS kept_minutes, k.exchanges AS kept_exchanges, r.minutes AS ledger_minutes, r.exchanges AS ledger_exchanges
            FROM (\(Schema.reportMonthCategoryFromLedger)) r
            FULL OUTER JOIN report_month_category k ON k.month = r.month AND k.category = r.category
            WHERE k.month IS NULL OR r.month IS NULL OR k.minutes IS NOT r.minutes OR k.exchanges IS NOT r.exchanges
            ORDER BY 1, 2
            LIMIT 20
            """).map { row in
            func figures(_ prefix: String, present: Bool) -> String {
                guard present else { return "none" }
                let exchanges = row[prefix + "exchanges"] as Int? ?? 0
                return "\(exchanges) exchange\(exchanges == 1 ? "" : "s") for \(row[prefix + "minutes"] as Int? ?? 0) minutes"
            }
            let category = row["category"] as String? ?? ""
            return "The report's net exchanges \(category.isEmpty ? "without a category" : "in category \(category)") "
                + "in \(row["month"] as String? ?? "?") (kept \(figures("kept_", present: row["has_kept"] as Bool? ?? false))) "
                + "differ from the ledger (\(figures("ledger_", present: row["has_ledger"] as Bool? ?? false)))."
        }
    }

    /// Partners kept on member rows (migration v12e-report-month-partners) against a recount
    /// from `report_pair_month`, itself compared with the ledger above. A member with no pair row
    /// in the month has no partners.
    private static func memberPartnersProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT k.member AS member, k.month AS month, k.partners AS kept, coalesce(r.partners, 0) AS counted
            FROM report_member_month k
            LEFT JOIN (\(Schema.reportMemberPartnersFromPairs)) r ON r.month = k.month AND r.member = k.member
            WHERE k.partners IS NOT coalesce(r.partners, 0)
            ORDER BY 2, 1
            LIMIT 20
            """).map { row in
            "The report's partners of member \(row["member"] as Int? ?? 0) in \(row["month"] as String? ?? "?") "
                + "(kept \(row["kept"] as Int? ?? 0)) differ from the standing pairs of that month (\(row["counted"] as Int? ?? 0))."
        }
    }

    /// Connections and repeat pairs kept per month (migration v12e-report-month-partners) against a
    /// recount from `report_pair_month`. A month's row stays once made, so a kept row of zeros
    /// agrees with a month that has no pair row.
    private static func monthPairsProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT coalesce(r.month, k.month) AS month,
                   coalesce(k.connections, 0) AS kept_connections, coalesce(k.repeats, 0) AS kept_repeats,
                   coalesce(r.connections, 0) AS connections, coalesce(r.repeats, 0) AS repeats
            FROM (\(Schema.reportMonthPairsFromPairs)) r
            FULL OUTER JOIN report_month_pairs k ON k.month = r.month
            WHERE coalesce(k.connections, 0) <> coalesce(r.connections, 0) OR coalesce(k.repeats, 0) <> coalesce(r.repeats, 0)
            ORDER BY 1
            LIMIT 20
            """).map { row in
            func figures(_ prefix: String) -> String {
                let c = row[prefix + "connections"] as Int? ?? 0, r = row[prefix + "repeats"] as Int? ?? 0
                return "\(c) connection\(c == 1 ? "" : "s"), \(r) repeat pair\(r == 1 ? "" : "s")"
            }
            return "The report's connections in \(row["month"] as String? ?? "?") (kept \(figures("kept_"))) "
                + "differ from the standing pairs of that month (\(figures("")))."
        }
    }

    private static func describeCount(_ count: Int?) -> String { count.map(String.init) ?? "none" }

}
