import GRDB

/// New members' activation (issue #13): the members who joined in a period, each with their first
/// exchange. A month can have 15,000 joiners at 100,000 members, their numbers spread over the
/// whole range, and each first exchange was a look-up in `report_member_first`. Each of its rows
/// now also keeps its member's joining day, kept by triggers whoever writes (a member's first
/// exchange, a reversal rereading it, an edit of the joining day), with an index by that day, so a
/// period reads its joiners' first exchanges in one range. Recounted by `timebank check`.
extension Schema {
    static func addReportJoinerFirsts(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE report_member_first ADD COLUMN joined TEXT;
            UPDATE report_member_first SET joined = (SELECT m.joined FROM member m WHERE m.number = report_member_first.member);
            CREATE INDEX report_member_first_joined ON report_member_first(joined, member, first_exchange);

            CREATE TRIGGER report_member_first_joined_insert AFTER INSERT ON report_member_first
            BEGIN
                UPDATE report_member_first SET joined = (SELECT m.joined FROM member m WHERE m.number = NEW.member)
                    WHERE member = NEW.member;
            END;
            CREATE TRIGGER report_member_first_joined_member AFTER UPDATE OF joined ON member
            BEGIN
                UPDATE report_member_first SET joined = NEW.joined WHERE member = NEW.number;
            END;
            """)
    }
}
