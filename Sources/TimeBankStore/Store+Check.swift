import Foundation
import GRDB
import TimeBank

extension Store {
    /// Verifies the whole file: SQLite's own integrity, references, the zero-sum ledger, and that
    /// every cached figure equals the one recomputed from the ledger. Empty means healthy.
    public func check() throws -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.prefix(20).map { "SQLite integrity: \($0)" } }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in orphans.prefix(20) {
                problems.append("Row \(row[1] as Int64? ?? 0) of \(row[0] as String? ?? "?") points at a missing row in \(row[2] as String? ?? "?").")
            }
            let sums = try Row.fetchExisting(db, sql: "SELECT coalesce(sum(given_minutes), 0) AS g, coalesce(sum(received_minutes), 0) AS r FROM account",
                                             arguments: [], missing: "The accounts cannot be summed.")
            let g: Int = sums["g"], r: Int = sums["r"]
            if g != r { problems.append("The balances do not sum to zero: \(g - r) minutes out.") }
            // One pass over the ledger, not one per account: a reversal takes its minutes back out
            // of the original giver's "given" and the original receiver's "received".
            let drift = try Row.fetchAll(db, sql: """
                WITH moves(id, given, received) AS (
                    SELECT giver, CASE WHEN reverses IS NULL THEN minutes ELSE 0 END,
                                  CASE WHEN reverses IS NULL THEN 0 ELSE -minutes END FROM exchange
                    UNION ALL
                    SELECT receiver, CASE WHEN reverses IS NULL THEN 0 ELSE -minutes END,
                                     CASE WHEN reverses IS NULL THEN minutes ELSE 0 END FROM exchange),
                recomputed AS (SELECT id, sum(given) AS given, sum(received) AS received FROM moves GROUP BY id)
                SELECT a.id, a.kind, a.member, a.given_minutes, a.received_minutes,
                       coalesce(r.given, 0) AS given, coalesce(r.received, 0) AS received
                FROM account a LEFT JOIN recomputed r ON r.id = a.id
                WHERE a.given_minutes <> coalesce(r.given, 0) OR a.received_minutes <> coalesce(r.received, 0)
                LIMIT 20
                """)
            for row in drift {
                let kind: String = row["kind"]
                let who = kind == "pot" ? "the pot" : kind == "opening" ? "the opening balances" : "member \(row["member"] as Int? ?? 0)"
                problems.append("The cached figures of \(who) (given \(row["given_minutes"] as Int), received \(row["received_minutes"] as Int)) differ from the ledger (given \(row["given"] as Int), received \(row["received"] as Int)).")
            }
            let monthDrift = try Row.fetchAll(db, sql: """
                WITH recomputed AS (
                    SELECT substr(e.date, 1, 7) AS month, coalesce(e.category, '') AS category,
                           (e.giver = (SELECT id FROM account WHERE kind = 'pot') OR e.receiver = (SELECT id FROM account WHERE kind = 'pot')) AS with_pot,
                           sum(CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END) AS minutes,
                           sum(CASE WHEN e.reverses IS NULL THEN 1 ELSE -1 END) AS exchanges
                    FROM exchange e GROUP BY 1, 2, 3)
                SELECT coalesce(r.month, t.month) AS month, coalesce(r.category, t.category) AS category
                FROM recomputed r FULL OUTER JOIN month_total t
                  ON t.month = r.month AND t.category = r.category AND t.with_pot = r.with_pot
                WHERE coalesce(r.minutes, 0) <> coalesce(t.minutes, 0) OR coalesce(r.exchanges, 0) <> coalesce(t.exchanges, 0)
                LIMIT 20
                """)
            for row in monthDrift {
                problems.append("The monthly total for \(row["month"] as String? ?? "?") \(row["category"] as String? ?? "") differs from the ledger.")
            }
            let missingAccounts = try Int.fetchOne(db, sql: "SELECT count(*) FROM member m WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.member = m.number)") ?? 0
            if missingAccounts > 0 { problems.append("\(missingAccounts) members have no account.") }
            let miscounted = try String.fetchAll(db, sql: """
                SELECT coalesce(c.status, k.status) FROM (SELECT status, count(*) AS n FROM member GROUP BY status) c
                FULL JOIN member_count k ON k.status = c.status
                WHERE coalesce(c.n, 0) <> coalesce(k.members, 0)
                """)
            if !miscounted.isEmpty { problems.append("The kept count of members differs from the file for: \(miscounted.joined(separator: ", ")).") }
            let pots = try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE kind = 'pot'") ?? 0
            if pots != 1 { problems.append("There should be exactly one community pot account; there are \(pots).") }
            let badReversals = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM exchange r JOIN exchange o ON o.id = r.reverses
                WHERE o.reverses IS NOT NULL OR o.giver <> r.receiver OR o.receiver <> r.giver OR o.minutes <> r.minutes
                """) ?? 0
            if badReversals > 0 { problems.append("\(badReversals) reversals do not mirror their original exchange.") }
            let unsearchable = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM exchange e LEFT JOIN category c ON c.code = e.category LEFT JOIN exchange_text t ON t.rowid = e.seq
                        WHERE t.words IS NOT (\(Schema.exchangeSearchWords)))
                     + (SELECT count(*) FROM exchange_text t WHERE NOT EXISTS (SELECT 1 FROM exchange e WHERE e.seq = t.rowid))
                """) ?? 0
            if unsearchable > 0 { problems.append("The exchange search index disagrees with the ledger for \(unsearchable) exchange\(unsearchable == 1 ? "" : "s").") }
            problems += try Store.storedValueProblems(db)
            problems += try Store.reportAggregateProblems(db)
            problems += try Store.reportPairRecurrenceProblems(db)
            problems += try Store.reportNeedFactProblems(db)
            problems += try Store.reportEngineProblems(db)
            problems += try Store.reportNewPairProblems(db)
            problems += try Store.reportMonthActiveProblems(db)
            problems += try Store.reportMonthPotProblems(db)
            problems += try Store.reportJoinerFirstProblems(db)
            problems += try Store.reportMonthPackProblems(db)
            problems += try Store.reportNeedWaitingProblems(db)
            problems += try Store.reportHelperVettingProblems(db)
            return problems
        }
    }
}
