import GRDB

/// Per-month aggregates reports read instead of every exchange of a period (issue #13): a year's
/// report reads twelve small rows per member, pair and category, not a year of the ledger. Kept by
/// triggers in the same statement as every ledger insert, backfilled here from the ledger, and
/// recomputed by `timebank check` (`Store.reportAggregateProblems`) from the same SQL as the backfill.
/// Only entries between two member accounts count; the pot and opening balances are never here.
///
/// - `report_member_month`: a member's net minutes given and received in a month of service
///   (a reversal negative in its own month, against the original's giver and receiver), the
///   originals of that month still standing (no reversal of any date undid them), and the running
///   total of minutes given through that month. A row exists once the member has any entry in
///   the month, and is never deleted.
/// - `report_pair_month`: the originals still standing between two members in a month; the row
///   goes when the last of them is reversed.
/// - `report_month_category`: net minutes and exchanges per category ('' for none) and month.
///
/// `report_member_first` and `report_pair_first` (v11a) are kept exactly as before.
///
/// Registered with immediate foreign key checks: it recreates no table that others refer to, and
/// the deferred check would reread every foreign key of a million-row ledger after the backfill.
extension Schema {
    static func addReportMonthAggregates(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER report_aggregates_original;
            DROP TRIGGER report_aggregates_reversal;
            DROP TABLE report_member_month;

            CREATE TABLE report_member_month (
                month TEXT NOT NULL,
                member INTEGER NOT NULL,
                given_minutes INTEGER NOT NULL,
                received_minutes INTEGER NOT NULL,
                kept_given INTEGER NOT NULL,
                kept_given_minutes INTEGER NOT NULL,
                kept_received INTEGER NOT NULL,
                kept_received_minutes INTEGER NOT NULL,
                given_through INTEGER NOT NULL,
                PRIMARY KEY (month, member)
            ) WITHOUT ROWID;
            CREATE TABLE report_pair_month (
                month TEXT NOT NULL,
                a INTEGER NOT NULL,
                b INTEGER NOT NULL,
                kept INTEGER NOT NULL CHECK (kept > 0),
                PRIMARY KEY (month, a, b),
                CHECK (a < b)
            ) WITHOUT ROWID;
            CREATE TABLE report_month_category (
                month TEXT NOT NULL,
                category TEXT NOT NULL,
                minutes INTEGER NOT NULL,
                exchanges INTEGER NOT NULL,
                PRIMARY KEY (month, category)
            ) WITHOUT ROWID;

            INSERT INTO report_member_month (\(memberMonthColumns)) SELECT \(memberMonthColumns) FROM (\(reportMemberMonthRowsFromLedger));
            INSERT INTO report_pair_month (month, a, b, kept) SELECT month, a, b, kept FROM (\(reportPairMonthFromLedger));
            INSERT INTO report_month_category (month, category, minutes, exchanges)
                SELECT month, category, minutes, exchanges FROM (\(reportMonthCategoryFromLedger));
            -- Indexed after the backfill: one sort instead of a million scattered inserts.
            CREATE INDEX report_member_month_member ON report_member_month(member, month);
            CREATE INDEX report_pair_month_pair ON report_pair_month(a, b, month, kept);

            CREATE TRIGGER report_month_aggregates_original AFTER INSERT ON exchange
                WHEN NEW.reverses IS NULL AND \(betweenMembers)
            BEGIN
                \(memberMonthMoves(member: "(SELECT member FROM account WHERE id = NEW.giver)", given: "NEW.minutes", received: "0"))
                UPDATE report_member_month SET kept_given = kept_given + 1, kept_given_minutes = kept_given_minutes + NEW.minutes
                    WHERE month = substr(NEW.date, 1, 7) AND member = (SELECT member FROM account WHERE id = NEW.giver);
                \(memberMonthMoves(member: "(SELECT member FROM account WHERE id = NEW.receiver)", given: "0", received: "NEW.minutes"))
                UPDATE report_member_month SET kept_received = kept_received + 1, kept_received_minutes = kept_received_minutes + NEW.minutes
                    WHERE month = substr(NEW.date, 1, 7) AND member = (SELECT member FROM account WHERE id = NEW.receiver);
                INSERT INTO report_pair_month (month, a, b, kept)
                    SELECT substr(NEW.date, 1, 7), min(g.member, r.member), max(g.member, r.member), 1
                    FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver
                    ON CONFLICT (month, a, b) DO UPDATE SET kept = kept + 1;
                \(monthCategoryMoves(sign: ""))
                \(reportFirstsOnOriginal)
            END;

            CREATE TRIGGER report_month_aggregates_reversal AFTER INSERT ON exchange
                WHEN NEW.reverses IS NOT NULL AND \(betweenMembers)
            BEGIN
                \(memberMonthMoves(member: "(SELECT member FROM account WHERE id = NEW.receiver)", given: "-NEW.minutes", received: "0"))
                \(memberMonthMoves(member: "(SELECT member FROM account WHERE id = NEW.giver)", given: "0", received: "-NEW.minutes"))
                UPDATE report_member_month SET kept_given = kept_given - 1, kept_given_minutes = kept_given_minutes - NEW.minutes
                    WHERE month = \(originalMonth) AND member = (SELECT member FROM account WHERE id = NEW.receiver);
                UPDATE report_member_month SET kept_received = kept_received - 1, kept_received_minutes = kept_received_minutes - NEW.minutes
                    WHERE month = \(originalMonth) AND member = (SELECT member FROM account WHERE id = NEW.giver);
                DELETE FROM report_pair_month WHERE month = \(originalMonth) AND a = \(pairA) AND b = \(pairB) AND kept = 1;
                UPDATE report_pair_month SET kept = kept - 1 WHERE month = \(originalMonth) AND a = \(pairA) AND b = \(pairB);
                \(monthCategoryMoves(sign: "-"))
                \(reportFirstsOnReversal)
            END;
            """)
    }

    static let memberMonthColumns = """
        month, member, given_minutes, received_minutes, kept_given, kept_given_minutes, \
        kept_received, kept_received_minutes, given_through
        """

    /// The month of the original a reversal undoes, through the unique index on exchange ids.
    private static let originalMonth = "(SELECT substr(o.date, 1, 7) FROM exchange o WHERE o.id = NEW.reverses)"
    private static let pairA = "(SELECT min(g.member, r.member) FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver)"
    private static let pairB = "(SELECT max(g.member, r.member) FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver)"

    /// Adds net minutes to a member's row of the entry's month. A new row's running total starts
    /// from the member's previous row; a backdated entry also moves the running total of every
    /// later row of the member (none at all for an entry in the newest month, the usual case).
    private static func memberMonthMoves(member: String, given: String, received: String) -> String {
        var sql = """
            INSERT INTO report_member_month (\(memberMonthColumns))
                    SELECT substr(NEW.date, 1, 7), m.member, \(given), \(received), 0, 0, 0, 0,
                           \(given) + coalesce((SELECT p.given_through FROM report_member_month p
                                                WHERE p.member = m.member AND p.month < substr(NEW.date, 1, 7)
                                                ORDER BY p.month DESC LIMIT 1), 0)
                    FROM (SELECT \(member) AS member) m WHERE m.member IS NOT NULL
                    ON CONFLICT (month, member) DO UPDATE SET
                        given_minutes = given_minutes + excluded.given_minutes,
                        received_minutes = received_minutes + excluded.received_minutes,
                        given_through = given_through + excluded.given_minutes;
            """
        if given != "0" {
            sql += """

                UPDATE report_member_month SET given_through = given_through + \(given)
                    WHERE member = \(member) AND month > substr(NEW.date, 1, 7);
                """
        }
        return sql
    }

    private static func monthCategoryMoves(sign: String) -> String {
        """
        INSERT INTO report_month_category (month, category, minutes, exchanges)
                VALUES (substr(NEW.date, 1, 7), coalesce(NEW.category, ''), \(sign)NEW.minutes, \(sign)1)
                ON CONFLICT (month, category) DO UPDATE SET
                    minutes = minutes + excluded.minutes, exchanges = exchanges + excluded.exchanges;
        """
    }

    /// Entries between two members with their members, month, sign and whether they still stand
    /// (an original no reversal undid): the one reading of the ledger the three from-ledger queries
    /// share. The reversal is found by a join, once per entry, through the unique index on `reverses`.
    private static let entriesBetweenMembers = """
        SELECT substr(e.date, 1, 7) AS month, e.category, e.minutes,
               CASE WHEN e.reverses IS NULL THEN 1 ELSE -1 END AS sign,
               CASE WHEN e.reverses IS NULL THEN g.member ELSE r.member END AS original_giver,
               CASE WHEN e.reverses IS NULL THEN r.member ELSE g.member END AS original_receiver,
               CASE WHEN e.reverses IS NULL AND x.reverses IS NULL THEN 1 ELSE 0 END AS kept
        FROM exchange e CROSS JOIN account g ON g.id = e.giver CROSS JOIN account r ON r.id = e.receiver
        LEFT JOIN exchange x ON x.reverses = e.id
        WHERE g.kind = 'member' AND r.kind = 'member'
        """

    /// `report_member_month` recomputed from the ledger: the backfill, and what `check` compares.
    /// Each entry is read once and counted on both its sides (side 0 the original's giver, 1 its receiver).
    static let reportMemberMonthRowsFromLedger = """
        WITH monthly AS (
            SELECT month, CASE s.side WHEN 0 THEN original_giver ELSE original_receiver END AS member,
                   sum(CASE s.side WHEN 0 THEN sign * minutes ELSE 0 END) AS given_minutes,
                   sum(CASE s.side WHEN 1 THEN sign * minutes ELSE 0 END) AS received_minutes,
                   sum(CASE s.side WHEN 0 THEN kept ELSE 0 END) AS kept_given,
                   sum(CASE s.side WHEN 0 THEN kept * minutes ELSE 0 END) AS kept_given_minutes,
                   sum(CASE s.side WHEN 1 THEN kept ELSE 0 END) AS kept_received,
                   sum(CASE s.side WHEN 1 THEN kept * minutes ELSE 0 END) AS kept_received_minutes
            FROM (\(entriesBetweenMembers)) CROSS JOIN (SELECT 0 AS side UNION ALL SELECT 1) s
            GROUP BY 1, 2)
        SELECT month, member, given_minutes, received_minutes, kept_given, kept_given_minutes, kept_received, kept_received_minutes,
               sum(given_minutes) OVER (PARTITION BY member ORDER BY month) AS given_through
        FROM monthly
        """

    /// `report_pair_month` recomputed from the ledger.
    static let reportPairMonthFromLedger = """
        SELECT month, min(original_giver, original_receiver) AS a, max(original_giver, original_receiver) AS b, sum(kept) AS kept
        FROM (\(entriesBetweenMembers))
        WHERE kept = 1
        GROUP BY 1, 2, 3
        """

    /// `report_month_category` recomputed from the ledger.
    static let reportMonthCategoryFromLedger = """
        SELECT month, coalesce(category, '') AS category, sum(sign * minutes) AS minutes, sum(sign) AS exchanges
        FROM (\(entriesBetweenMembers))
        GROUP BY 1, 2
        """
}
