import GRDB

/// Aggregates that reports read instead of walking every earlier ledger row of every member and
/// pair (issue #13): kept by triggers in the same transaction as every ledger insert, backfilled
/// here from the ledger, and recomputed by `timebank check` (`Store.reportAggregateProblems`).
/// Only exchanges between two members count; the pot and opening balances are apart.
///
/// - `report_member_month`: minutes each member gave other members per month of service,
///   originals positive in their month, a reversal negative in its own month (against the
///   original giver), so "given before a date" is a sum of earlier months.
/// - `report_member_first`: each member's first original with another member never reversed.
/// - `report_pair_first`: the same for each pair of members (smaller number first).
///
/// A reversal rereads the first dates of its two members and their pair from the ledger:
/// reversals are few, and a member's own rows are reached through indexes.
extension Schema {
    static func addReportAggregates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_member_month (
                member INTEGER NOT NULL,
                month TEXT NOT NULL,
                given_minutes INTEGER NOT NULL,
                PRIMARY KEY (member, month)
            ) WITHOUT ROWID;
            CREATE TABLE report_member_first (
                member INTEGER PRIMARY KEY,
                first_exchange TEXT NOT NULL
            );
            CREATE TABLE report_pair_first (
                a INTEGER NOT NULL,
                b INTEGER NOT NULL,
                first_exchange TEXT NOT NULL,
                PRIMARY KEY (a, b),
                CHECK (a < b)
            ) WITHOUT ROWID;
            CREATE INDEX report_pair_first_date ON report_pair_first(first_exchange, a, b);

            INSERT INTO report_member_month (member, month, given_minutes) \(reportMemberMonthFromLedger);
            INSERT INTO report_member_first (member, first_exchange) \(reportMemberFirstFromLedger);
            INSERT INTO report_pair_first (a, b, first_exchange) \(reportPairFirstFromLedger);

            CREATE TRIGGER report_aggregates_original AFTER INSERT ON exchange
                WHEN NEW.reverses IS NULL AND \(betweenMembers)
            BEGIN
                INSERT INTO report_member_month (member, month, given_minutes)
                    SELECT member, substr(NEW.date, 1, 7), NEW.minutes FROM account WHERE id = NEW.giver
                    ON CONFLICT (member, month) DO UPDATE SET given_minutes = given_minutes + excluded.given_minutes;
                \(reportFirstsOnOriginal)
            END;

            CREATE TRIGGER report_aggregates_reversal AFTER INSERT ON exchange
                WHEN NEW.reverses IS NOT NULL AND \(betweenMembers)
            BEGIN
                INSERT INTO report_member_month (member, month, given_minutes)
                    SELECT member, substr(NEW.date, 1, 7), -NEW.minutes FROM account WHERE id = NEW.receiver
                    ON CONFLICT (member, month) DO UPDATE SET given_minutes = given_minutes + excluded.given_minutes;
                \(reportFirstsOnReversal)
            END;
            """)
    }

    /// The first dates an original between members may move earlier (trigger body; v11a and v12a).
    static let reportFirstsOnOriginal = """
        INSERT INTO report_member_first (member, first_exchange)
            SELECT member, NEW.date FROM account WHERE id IN (NEW.giver, NEW.receiver)
            ON CONFLICT (member) DO UPDATE SET first_exchange = min(first_exchange, excluded.first_exchange);
        INSERT INTO report_pair_first (a, b, first_exchange)
            SELECT min(g.member, r.member), max(g.member, r.member), NEW.date
            FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver
            ON CONFLICT (a, b) DO UPDATE SET first_exchange = min(first_exchange, excluded.first_exchange);
        """

    /// The first dates a reversal between members rereads from the ledger (trigger body; v11a and v12a).
    static let reportFirstsOnReversal = """
        DELETE FROM report_member_first WHERE member IN (SELECT member FROM account WHERE id IN (NEW.giver, NEW.receiver));
        INSERT INTO report_member_first (member, first_exchange)
            SELECT member, first FROM (
                SELECT a.member, min(coalesce(\(firstGiven("a.id")), \(firstReceived("a.id"))),
                                     coalesce(\(firstReceived("a.id")), \(firstGiven("a.id")))) AS first
                FROM account a WHERE a.id IN (NEW.giver, NEW.receiver))
            WHERE first IS NOT NULL;
        DELETE FROM report_pair_first
            WHERE a = (SELECT min(g.member, r.member) FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver)
              AND b = (SELECT max(g.member, r.member) FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver);
        INSERT INTO report_pair_first (a, b, first_exchange)
            SELECT a, b, first FROM (
                SELECT min(g.member, r.member) AS a, max(g.member, r.member) AS b,
                       min(coalesce(\(firstBetween("g.id", "r.id")), \(firstBetween("r.id", "g.id"))),
                           coalesce(\(firstBetween("r.id", "g.id")), \(firstBetween("g.id", "r.id")))) AS first
                FROM account g CROSS JOIN account r WHERE g.id = NEW.giver AND r.id = NEW.receiver)
            WHERE first IS NOT NULL;
        """

    /// The trigger's condition: both sides are member accounts.
    static let betweenMembers = "(SELECT count(*) FROM account WHERE id IN (NEW.giver, NEW.receiver) AND kind = 'member') = 2"

    /// The standing rule of the first dates, once: an original (not a reversal) that no reversal undid.
    static let neverReversed = "e.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM exchange x WHERE x.reverses = e.id)"

    /// The first date the account gave / received an original with a member that was never reversed.
    static func firstGiven(_ account: String) -> String {
        "(SELECT min(e.date) FROM exchange e CROSS JOIN account o ON o.id = e.receiver WHERE e.giver = \(account) AND o.kind = 'member' AND \(neverReversed))"
    }

    static func firstReceived(_ account: String) -> String {
        "(SELECT min(e.date) FROM exchange e CROSS JOIN account o ON o.id = e.giver WHERE e.receiver = \(account) AND o.kind = 'member' AND \(neverReversed))"
    }

    static func firstBetween(_ giver: String, _ receiver: String) -> String {
        "(SELECT min(e.date) FROM exchange e WHERE e.giver = \(giver) AND e.receiver = \(receiver) AND \(neverReversed))"
    }

    /// The aggregates recomputed from the ledger in one pass each: the backfill, and what `check` compares.
    static let reportMemberMonthFromLedger = """
        SELECT CASE WHEN e.reverses IS NULL THEN g.member ELSE r.member END AS member, substr(e.date, 1, 7) AS month,
               sum(CASE WHEN e.reverses IS NULL THEN e.minutes ELSE -e.minutes END) AS given_minutes
        FROM exchange e CROSS JOIN account g ON g.id = e.giver CROSS JOIN account r ON r.id = e.receiver
        WHERE g.kind = 'member' AND r.kind = 'member'
        GROUP BY 1, 2
        """

    static let neverReversedBetweenMembers = """
        SELECT e.date, g.member AS gm, r.member AS rm
        FROM exchange e CROSS JOIN account g ON g.id = e.giver CROSS JOIN account r ON r.id = e.receiver
        WHERE g.kind = 'member' AND r.kind = 'member' AND \(neverReversed)
        """

    static let reportMemberFirstFromLedger = """
        SELECT member, min(date) AS first_exchange
        FROM (SELECT gm AS member, date FROM (\(neverReversedBetweenMembers))
              UNION ALL SELECT rm, date FROM (\(neverReversedBetweenMembers)))
        GROUP BY member
        """

    static let reportPairFirstFromLedger = """
        SELECT min(gm, rm) AS a, max(gm, rm) AS b, min(date) AS first_exchange
        FROM (\(neverReversedBetweenMembers))
        GROUP BY 1, 2
        """
}
