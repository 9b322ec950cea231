import GRDB
import TimeBank

extension Store {
    /// Every member's report attributes, in number order, read through the covering index
    /// `member_report_profile` (migration v12b-report-engine). Breakdown texts repeat on every row,
    /// so each column keeps the last few values it saw as bytes and makes a Swift string only
    /// for a value it has not met.
    static func reportPeople(_ db: Database) throws -> ReportPeople {
        var people = ReportPeople()
        var seen = (area: SeenValues(), ageBand: SeenValues(), gender: SeenValues(), ethnicity: SeenValues(),
                    disability: SeenValues(), cameThrough: SeenValues())
        try db.forEachRawRow(sql: """
            SELECT number, kind = 'organisation', came_through, area, age_band, gender, ethnicity, disability, consent_share,
                   status IN ('active', 'on-hold')
            FROM member INDEXED BY member_report_profile ORDER BY number
            """) { row in
            let cameThrough = row.bytes(2)
            let codes = people.withCodes { area, ageBand, gender, ethnicity, disability, came in
                (seen.area.code(row.bytes(3), in: &area), seen.ageBand.code(row.bytes(4), in: &ageBand),
                 seen.gender.code(row.bytes(5), in: &gender), seen.ethnicity.code(row.bytes(6), in: &ethnicity),
                 seen.disability.code(row.bytes(7), in: &disability), seen.cameThrough.code(cameThrough, in: &came))
            }
            let service = seen.cameThrough.isService(codes.5, codes: people.cameThrough)
            people.appendCoded(number: row.int(0), isOrganisation: row.int(1) != 0, cameThroughService: service,
                               mayBeNamed: row.int(8) != 0, isCurrent: row.int(9) != 0,
                               codes: (codes.0, codes.1, codes.2, codes.3, codes.4, codes.5))
        }
        people.finish()
        return people
    }

    /// The values one column has met, as bytes, with their codes.
    struct SeenValues {
        private var values: [[UInt8]] = []
        private var codes: [Int32] = []
        private var service: [Int32: Bool] = [:]

        mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, in table: inout ReportCodes) -> Int32 {
            for (i, v) in values.enumerated() where v.count == bytes.count && v.elementsEqual(bytes) { return codes[i] }
            let c = table.code(String(decoding: bytes, as: UTF8.self))
            // Free text such as an area can take many values: past 64 the dictionary of `ReportCodes` answers.
            if values.count < 64 {
                values.append(Array(bytes))
                codes.append(c)
            }
            return c
        }

        mutating func isService(_ code: Int32, codes table: ReportCodes) -> Bool {
            if let known = service[code] { return known }
            let s = CameThrough(rawValue: table.names[Int(code)])?.isService == true
            service[code] = s
            return s
        }
    }

    /// The names of the given members (milestones name the few who may be named).
    static func memberNames(_ db: Database, _ numbers: [Int]) throws -> [Int: String] {
        guard !numbers.isEmpty else { return [:] }
        let json = "[" + numbers.map(String.init).joined(separator: ",") + "]"
        var out: [Int: String] = [:]
        try db.forEachRawRow(sql: "SELECT m.number, m.name FROM json_each(?) j CROSS JOIN member m ON m.number = j.value",
                             arguments: [json]) { row in
            out[row.int(0)] = String(decoding: row.bytes(1), as: UTF8.self)
        }
        return out
    }
}
