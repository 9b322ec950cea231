import GRDB

/// Months' member rows packed for reports (issue #13): a month's report reads three months of
/// `report_member_month` (the month, the one before and the same month a year before), 50,000 to
/// 70,000 rows each at 100,000 members, and stepping them through SQLite was half its work. Where
/// a month has a pack, a report reads that one blob instead (`MemberMonthPack`).
///
/// A pack is never trusted beyond what it was made from: any change to a month's rows, by
/// whatever writes them (an exchange dated in it, a reversal of one of its originals, a later
/// running total, the month after's `active_before`), notes the member in
/// `report_month_pack_changed` in the same statement, and a report reads those members' rows
/// themselves. `Store.packMonths` packs a month again once many of its members changed (the
/// console, in the background, after each report); `timebank check` compares every pack, with
/// its changed members, against the rows.
extension Schema {
    static func addReportMonthPacks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE report_month_pack (
                month TEXT PRIMARY KEY NOT NULL,
                members INTEGER NOT NULL,
                rows BLOB NOT NULL
            );
            CREATE TABLE report_month_pack_changed (
                month TEXT NOT NULL,
                member INTEGER NOT NULL,
                PRIMARY KEY (month, member)
            ) WITHOUT ROWID;
            CREATE TRIGGER report_month_pack_insert AFTER INSERT ON report_member_month
            BEGIN
                \(notePackChanged("NEW"))
            END;
            CREATE TRIGGER report_month_pack_update AFTER UPDATE ON report_member_month
            BEGIN
                \(notePackChanged("OLD"))
                \(notePackChanged("NEW"))
            END;
            CREATE TRIGGER report_month_pack_delete AFTER DELETE ON report_member_month
            BEGIN
                \(notePackChanged("OLD"))
            END;
            """)
    }

    /// Notes a member-month row that changed, when its month has a pack.
    private static func notePackChanged(_ row: String) -> String {
        """
        INSERT INTO report_month_pack_changed (month, member)
            SELECT \(row).month, \(row).member WHERE EXISTS (SELECT 1 FROM report_month_pack WHERE month = \(row).month)
            ON CONFLICT (month, member) DO NOTHING;
        """
    }
}
