import GRDB
import TimeBank

extension Store {
    /// Every member's report attributes, in number order, read through the covering index
    /// `member_report_profile` (migration v12b-report-engine) without reading the wide member rows.
    static func reportPeople(_ db: Database) throws -> ReportPeople {
        var people = ReportPeople()
        func text(_ row: RawRow, _ column: Int32) -> String { String(decoding: row.bytes(column), as: UTF8.self) }
        try db.forEachRawRow(sql: """
            SELECT number, kind = 'organisation', came_through, area, age_band, gender, ethnicity, disability, consent_share,
                   status IN ('active', 'on-hold')
            FROM member INDEXED BY member_report_profile ORDER BY number
            """) { row in
            people.append(number: row.int(0), kind: row.int(1) != 0 ? .organisation : .person, cameThrough: text(row, 2),
                          area: text(row, 3), ageBand: text(row, 4), gender: text(row, 5), ethnicity: text(row, 6),
                          disability: text(row, 7), mayBeNamed: row.int(8) != 0, isCurrent: row.int(9) != 0)
        }
        people.finish()
        return people
    }

    /// The names of the given members (milestones name those who may be named: a few thousand
    /// in a busy month), looked up in number order through the covering index `member_match`,
    /// which holds the name, so no row of the wide member table is read.
    static func memberNames(_ db: Database, _ numbers: [Int]) throws -> [Int: String] {
        guard !numbers.isEmpty else { return [:] }
        let json = "[" + numbers.sorted().map(String.init).joined(separator: ",") + "]"
        var out: [Int: String] = [:]
        try db.forEachRawRow(sql: """
            SELECT m.number, m.name FROM json_each(?) j CROSS JOIN member m INDEXED BY member_match ON m.number = j.value
            """, arguments: [json]) { row in
            out[row.int(0)] = String(decoding: row.bytes(1), as: UTF8.self)
        }
        return out
    }
}
