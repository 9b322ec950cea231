import GRDB

/// A single month's connections without reading its pairs (issue #13): a month's report counted
/// connections, repeat pairs and each member's partners by reading every `report_pair_month` row
/// of the month (76,000 in a busy one). The counts are kept at write time instead, by triggers on
/// `report_pair_month` itself, so every writer of the ledger keeps them in the same statement.
///
/// - `report_member_month.partners`: the `report_pair_month` rows of that month in which the member
///   is `a` or `b`, that is the distinct members they have an original still standing with.
/// - `report_month_pairs`: per month, the `report_pair_month` rows (connections) and those with two
///   or more standing originals (repeats). A month's row is made with its first pair row and never
///   deleted; its counts fall to 0 when the last pair row goes.
///
/// The exchange triggers of v12a-report-month-aggregates make both members' month rows before the
/// pair row, so a partner is counted by updating two rows that exist. `timebank check`
/// (`Store.reportAggregateProblems`) recounts both from `report_pair_month` with the SQL of the backfill.
extension Schema {
    static func addReportMonthPartners(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_member_month ADD COLUMN partners INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE report_month_pairs (
                month TEXT PRIMARY KEY,
                connections INTEGER NOT NULL,
                repeats INTEGER NOT NULL
            ) WITHOUT ROWID;

            -- One grouped pass over the pair rows; each member's row is then found by its key.
            UPDATE report_member_month SET partners = counted.partners
                FROM (\(reportMemberPartnersFromPairs)) AS counted
                WHERE report_member_month.month = counted.month AND report_member_month.member = counted.member;
            INSERT INTO report_month_pairs (month, connections, repeats)
                SELECT month, connections, repeats FROM (\(reportMonthPairsFromPairs));

            CREATE TRIGGER report_pair_month_added AFTER INSERT ON report_pair_month
            BEGIN
                UPDATE report_member_month SET partners = partners + 1
                    WHERE month = NEW.month AND member IN (NEW.a, NEW.b);
                INSERT INTO report_month_pairs (month, connections, repeats) VALUES (NEW.month, 1, NEW.kept >= 2)
                    ON CONFLICT (month) DO UPDATE SET connections = connections + 1, repeats = repeats + excluded.repeats;
            END;
            -- Only a pair passing two standing originals, either way, changes a count.
            CREATE TRIGGER report_pair_month_kept AFTER UPDATE OF kept ON report_pair_month
                WHEN (NEW.kept >= 2) <> (OLD.kept >= 2)
            BEGIN
                UPDATE report_month_pairs SET repeats = repeats + (NEW.kept >= 2) - (OLD.kept >= 2) WHERE month = NEW.month;
            END;
            CREATE TRIGGER report_pair_month_removed AFTER DELETE ON report_pair_month
            BEGIN
                UPDATE report_member_month SET partners = partners - 1
                    WHERE month = OLD.month AND member IN (OLD.a, OLD.b);
                UPDATE report_month_pairs SET connections = connections - 1, repeats = repeats - (OLD.kept >= 2)
                    WHERE month = OLD.month;
            END;
            """)
    }

    /// Each member's partners per month, counted from `report_pair_month`: the backfill, and what
    /// `check` compares. Members with no pair row in a month have none (not listed).
    static let reportMemberPartnersFromPairs = """
        SELECT month, member, count(*) AS partners
        FROM (SELECT month, a AS member FROM report_pair_month UNION ALL SELECT month, b FROM report_pair_month)
        GROUP BY month, member
        """

    /// Connections and repeat pairs per month, counted from `report_pair_month`: the backfill, and
    /// what `check` compares. Months with no pair row have none (not listed).
    static let reportMonthPairsFromPairs = """
        SELECT month, count(*) AS connections, sum(kept >= 2) AS repeats
        FROM report_pair_month
        GROUP BY month
        """
}
