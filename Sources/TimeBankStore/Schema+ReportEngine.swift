import GRDB

/// What the report engine reads besides the monthly aggregates (issue #13), so that no report
/// of whole months walks the exchanges of its period:
/// - `member_report_profile`: every member's report attributes in number order, without reading
///   the wide member rows;
/// - `report_reversal`: every reversal between members with its original's date: an original
///   reversed after a period's end stood at that end, and reversals are few beside the ledger;
/// - `exchange_report_referral`, `referral_report_need`, `need_report_vetted`: originals made on
///   referrals by date, and whether their need asked for a vetted helper (safeguarding), and
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
            CREATE INDEX exchange_report_referral ON exchange(date, referral, giver, receiver, id)
                WHERE referral IS NOT NULL AND reverses IS NULL;
            CREATE INDEX referral_report_need ON referral(id, need);
            CREATE INDEX need_report_vetted ON need(id, needs_vetted_helper);
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
                original_date TEXT NOT NULL,
                reversal_date TEXT NOT NULL,
                giver INTEGER NOT NULL,
                receiver INTEGER NOT NULL,
                minutes INTEGER NOT NULL
            );
            INSERT INTO report_reversal (reversal, original_date, reversal_date, giver, receiver, minutes)
                \(reportReversalFromLedger);
            CREATE TRIGGER report_reversal_insert AFTER INSERT ON exchange
                WHEN NEW.reverses IS NOT NULL
            BEGIN
                INSERT INTO report_reversal (reversal, original_date, reversal_date, giver, receiver, minutes)
                    SELECT NEW.seq, o.date, NEW.date, g.member, r.member, o.minutes
                    FROM exchange o CROSS JOIN account g ON g.id = o.giver CROSS JOIN account r ON r.id = o.receiver
                    WHERE o.id = NEW.reverses AND g.kind = 'member' AND r.kind = 'member';
            END;
            """)
    }

    /// Reversals between members with their originals, from the ledger:
    /// the backfill, and what `timebank check` compares.
    static let reportReversalFromLedger = """
        SELECT x.seq, o.date, x.date, g.member, r.member, o.minutes
        FROM exchange x CROSS JOIN exchange o ON o.id = x.reverses
        CROSS JOIN account g ON g.id = o.giver CROSS JOIN account r ON r.id = o.receiver
        WHERE x.reverses IS NOT NULL AND g.kind = 'member' AND r.kind = 'member'
        """
}
