import GRDB

/// What the report engine reads besides the monthly aggregates (issue #13), so that no report
/// of whole months walks the exchanges of its period:
/// - `member_report_profile`: every member's report attributes in number order, without reading
///   the wide member rows;
/// - `report_reversal`: every reversal between members with its original's date: an original
///   reversed after a period's end stood at that end, and reversals are few beside the ledger;
/// - `report_referral_exchange`: originals made on referrals by date, with the helper and whether
///   their need asks for a vetted helper (kept when the need changes), for safeguarding, and
///   `vetting_report_overdue`: reviews by date;
/// - `report_people_version`: moved by every change to a member, so a console keeps the members'
///   report attributes between reports until one changes;
/// - `exchange_report_received`: originals by receiver and date with their minutes (the pot's
///   receipts; what it gave is `exchange_given_recently`).
extension Schema {
    static func addReportEngine(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX member_report_profile
                ON member(number, kind, came_through, area, age_band, gender, ethnicity, disability, consent_share, status);
            CREATE INDEX vetting_report_overdue ON vetting(complete, next_review, member);
            CREATE INDEX exchange_report_received ON exchange(receiver, date, minutes) WHERE reverses IS NULL;

            CREATE TABLE report_people_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
            INSERT INTO report_people_version (id, version) VALUES (1, 1);
            CREATE TRIGGER report_people_version_insert AFTER INSERT ON member
                BEGIN UPDATE report_people_version SET version = version + 1; END;
            CREATE TRIGGER report_people_version_update AFTER UPDATE ON member
                BEGIN UPDATE report_people_version SET version = version + 1; END;
            CREATE TRIGGER report_people_version_delete AFTER DELETE ON member
                BEGIN UPDATE report_people_version SET version = version + 1; END;

            CREATE TABLE report_reversal (
                reversal INTEGER PRIMARY KEY,
                original INTEGER NOT NULL UNIQUE,
                original_date TEXT NOT NULL,
                reversal_date TEXT NOT NULL,
                giver INTEGER NOT NULL,
                receiver INTEGER NOT NULL,
                minutes INTEGER NOT NULL
            );
            INSERT INTO report_reversal (reversal, original, original_date, reversal_date, giver, receiver, minutes)
                \(reportReversalFromLedger);
            CREATE TRIGGER report_reversal_insert AFTER INSERT ON exchange
                WHEN NEW.reverses IS NOT NULL
            BEGIN
                INSERT INTO report_reversal (reversal, original, original_date, reversal_date, giver, receiver, minutes)
                    SELECT NEW.seq, o.seq, o.date, NEW.date, g.member, r.member, o.minutes
                    FROM exchange o CROSS JOIN account g ON g.id = o.giver CROSS JOIN account r ON r.id = o.receiver
                    WHERE o.id = NEW.reverses AND g.kind = 'member' AND r.kind = 'member';
            END;

            CREATE TABLE report_referral_exchange (
                exchange INTEGER PRIMARY KEY,
                date TEXT NOT NULL,
                need INTEGER NOT NULL,
                helper INTEGER NOT NULL,
                needs_vetted INTEGER NOT NULL
            );
            INSERT INTO report_referral_exchange (exchange, date, need, helper, needs_vetted) \(reportReferralExchangeFromLedger);
            CREATE INDEX report_referral_exchange_vetted ON report_referral_exchange(needs_vetted, date, helper, exchange);
            CREATE INDEX report_referral_exchange_need ON report_referral_exchange(need);
            CREATE TRIGGER report_referral_exchange_insert AFTER INSERT ON exchange
                WHEN NEW.referral IS NOT NULL AND NEW.reverses IS NULL
            BEGIN
                INSERT INTO report_referral_exchange (exchange, date, need, helper, needs_vetted)
                    SELECT NEW.seq, NEW.date, n.id, g.member, n.needs_vetted_helper
                    FROM referral f CROSS JOIN need n ON n.id = f.need
                    CROSS JOIN account g ON g.id = NEW.giver CROSS JOIN account r ON r.id = NEW.receiver
                    WHERE f.id = NEW.referral AND g.kind = 'member' AND r.kind = 'member';
            END;
            CREATE TRIGGER report_referral_exchange_need AFTER UPDATE OF needs_vetted_helper ON need
            BEGIN
                UPDATE report_referral_exchange SET needs_vetted = NEW.needs_vetted_helper WHERE need = NEW.id;
            END;
            """)
    }

    /// Reversals between members with their originals, from the ledger:
    /// the backfill, and what `timebank check` compares.
    static let reportReversalFromLedger = """
        SELECT x.seq AS reversal, o.seq AS original, o.date AS original_date, x.date AS reversal_date,
               g.member AS giver, r.member AS receiver, o.minutes AS minutes
        FROM exchange x CROSS JOIN exchange o ON o.id = x.reverses
        CROSS JOIN account g ON g.id = o.giver CROSS JOIN account r ON r.id = o.receiver
        WHERE x.reverses IS NOT NULL AND g.kind = 'member' AND r.kind = 'member'
        """

    /// Originals between members made on a referral, with the need and the helper, from the ledger.
    static let reportReferralExchangeFromLedger = """
        SELECT e.seq AS exchange, e.date AS date, n.id AS need, g.member AS helper, n.needs_vetted_helper AS needs_vetted
        FROM exchange e CROSS JOIN referral f ON f.id = e.referral CROSS JOIN need n ON n.id = f.need
        CROSS JOIN account g ON g.id = e.giver CROSS JOIN account r ON r.id = e.receiver
        WHERE e.referral IS NOT NULL AND e.reverses IS NULL AND g.kind = 'member' AND r.kind = 'member'
        """
}
