import Foundation
import GRDB
import TimeBank

/// The part of `check` that reads what is stored the way the program reads it: every value it
/// could not read (a date that is not a day, an id that is not a UUID, a status, kind or role that
/// is none of its words, a timestamp that is not a moment), every control character
/// in text, an exchange inside a closed month, audit rows missing from their sequence, and a
/// member search index that disagrees with the members. Each finding names where it is.
extension Store {
    /// The tables whose text a broker, an import or a script supplies (the audit log's details
    /// are the program's own, with line breaks by design).
    static let textTables = ["member", "member_note", "vetting", "vetting_reference", "category", "offer", "need", "referral",
                             "referral_step", "exchange", "broker", "setting", "closed_month"]

    /// Free text that may run over several lines, where a line feed is allowed (see TextRules).
    static let multilineColumns: Set<String> = ["description", "text", "note", "address", "accessibility_needs"]

    /// How a row of each table is named in a finding.
    static func keyColumn(_ table: String) -> String {
        switch table {
        case "member": return "number"
        case "vetting": return "member"
        case "setting": return "key"
        case "closed_month": return "month"
        default: return "id"
        }
    }

    static func storedValueProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let limit = 20
        for (table, column) in Schema.dateColumns {
            let key = keyColumn(table)
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(key) AS k, \(column) AS v FROM \(table) WHERE \(column) IS NOT NULL AND NOT \(Schema.isDay(column)) LIMIT \(limit)
                """)
            for row in rows {
                problems.append("\(table) \(StoredValue.shown(StoredValue.text(row["k"]))): \(column) '\(StoredValue.shown(row["v"]))' is not a day in the calendar.")
            }
        }
        for column in ["id", "reverses", "grp"] {
            // 8-4-4-4-12 hexadecimal digits, as UUID(uuidString:) reads them.
            let isUUID = """
                (length(\(column)) = 36 AND substr(\(column), 9, 1) = '-' AND substr(\(column), 14, 1) = '-'
                 AND substr(\(column), 19, 1) = '-' AND substr(\(column), 24, 1) = '-'
                 AND length(replace(\(column), '-', '')) = 32 AND NOT lower(replace(\(column), '-', '')) GLOB '*[^0-9a-f]*')
                """
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, \(column) AS v FROM exchange WHERE \(column) IS NOT NULL AND NOT \(isUUID) LIMIT \(limit)
                """)
            for row in rows {
                problems.append("exchange #\(row["seq"] as Int64): \(column) '\(StoredValue.shown(row["v"]))' is not a UUID.")
            }
        }
        problems += try enumeratedValueProblems(db, limit: limit)
        problems += try timestampProblems(db, limit: limit)
        problems += try wholeNumberProblems(db, limit: limit)
        problems += try controlCharacterProblems(db, limit: limit)
        problems += try ledgerHistoryProblems(db)
        problems += try searchIndexProblems(db, limit: limit)
        return problems
    }

    /// The columns that hold one of a fixed set of words, and those words: the domain's own cases,
    /// so a status the program cannot read (which the records refuse) is named here.
    static let enumeratedColumns: [(table: String, column: String, values: [String])] = [
        ("member", "status", MemberStatus.allCases.map(\.rawValue)),
        ("member", "kind", MemberKind.allCases.map(\.rawValue)),
        ("member", "came_through", [""] + CameThrough.allCases.map(\.rawValue)),
        ("offer", "status", ListingStatus.allCases.map(\.rawValue)),
        ("need", "status", ListingStatus.allCases.map(\.rawValue)),
        ("referral", "status", ReferralStatus.allCases.map(\.rawValue)),
        ("referral_step", "status", ReferralStatus.allCases.map(\.rawValue)),
        ("broker", "role", BrokerRole.allCases.map(\.rawValue)),
        ("account", "kind", ["member", "pot", "opening"]),
    ]

    /// The timestamps the program reads back (written by `Store.timestamp`); NULL only where allowed.
    static let timestampColumns: [(table: String, column: String, optional: Bool)] = [
        ("exchange", "recorded_at", false), ("referral", "created_at", false), ("referral", "updated_at", false),
        ("referral_step", "at", false), ("broker", "locked_until", true),
    ]

    /// A status, kind or role that is none of its words (CHECK constraints keep them out, unless
    /// a file was edited with them off).
    static func enumeratedValueProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        for (table, column, values) in enumeratedColumns {
            let key = keyColumn(table)
            let allowed = values.map { "'\($0)'" }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(key) AS k, \(column) AS v FROM \(table) WHERE \(column) IS NULL OR \(column) NOT IN (\(allowed)) LIMIT \(limit)
                """)
            let words = values.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
            for row in rows {
                let value: DatabaseValue = row["v"]
                let shown = value.isNull ? "NULL" : "'\(StoredValue.shown(StoredValue.text(value)))'"
                problems.append("\(table) \(StoredValue.shown(StoredValue.text(row["k"]))): \(column) \(shown) is not one of \(words).")
            }
        }
        return problems
    }

    /// A timestamp that is not one `Store.timestamp` writes, or not a real moment.
    static func timestampProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        for (table, column, optional) in timestampColumns {
            let key = keyColumn(table)
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(key) AS k, \(column) AS v FROM \(table)
                WHERE \(optional ? "\(column) IS NOT NULL AND" : "\(column) IS NULL OR") NOT \(Schema.isTimestamp(column)) LIMIT \(limit)
                """)
            for row in rows {
                let value: DatabaseValue = row["v"]
                let shown = value.isNull ? "NULL" : "'\(StoredValue.shown(StoredValue.text(value)))'"
                problems.append("\(table) \(StoredValue.shown(StoredValue.text(row["k"]))): \(column) \(shown) is not a UTC timestamp.")
            }
        }
        return problems
    }

    /// The tables read back through records (see Records/), whose number columns must hold numbers.
    static let recordTables = ["member", "vetting", "vetting_reference", "category", "offer", "need", "referral", "referral_step",
                               "exchange", "account", "broker"]

    /// Text or a fraction in an INTEGER column (a number, a flag, a reference): SQLite keeps what it
    /// is given when a file is edited with its CHECKs off, and the records refuse it.
    static func wholeNumberProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        for table in recordTables {
            let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                .filter { ($0["type"] as String).uppercased().hasPrefix("INT") }
                .map { $0["name"] as String }
            guard !columns.isEmpty else { continue }
            let notWhole = columns.map { "typeof(\($0)) NOT IN ('integer', 'null')" }
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(keyColumn(table)) AS k, \(columns.joined(separator: ", ")) FROM \(table)
                WHERE \(notWhole.joined(separator: " OR ")) LIMIT \(limit)
                """)
            for row in rows {
                for column in columns {
                    let value: DatabaseValue = row[column]
                    if value.isNull { continue }
                    if case .int64 = value.storage { continue }
                    problems.append("\(table) \(StoredValue.shown(StoredValue.text(row["k"]))): \(column) '\(StoredValue.shown(StoredValue.text(value)))' is not a whole number.")
                }
            }
        }
        return problems
    }

    /// Control characters in any text column of the tables brokers fill.
    static func controlCharacterProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        for table in textTables {
            let columns = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table])
                .filter { ($0["type"] as String).uppercased().hasPrefix("TEXT") }
                .map { $0["name"] as String }
            let key = keyColumn(table)
            for column in columns {
                let multiline = multilineColumns.contains(column)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(key) AS k FROM \(table)
                    WHERE \(column) GLOB ? OR instr(\(column), char(0)) > 0 LIMIT \(limit)
                    """, arguments: ["*\(TextRules.globClass(multiline: multiline))*"])
                for row in rows {
                    problems.append("\(table) \(StoredValue.shown(StoredValue.text(row["k"]))): \(column) holds a control character.")
                }
            }
        }
        return problems
    }

    /// Exchanges dated in a closed month but recorded after it was closed, and gaps in the audit log.
    static func ledgerHistoryProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let lateInClosed = try Row.fetchAll(db, sql: """
            SELECT e.id, e.date, c.month FROM exchange e JOIN closed_month c ON c.month = substr(e.date, 1, 7)
            WHERE e.recorded_at > c.closed_at ORDER BY e.seq LIMIT 20
            """)
        for row in lateInClosed {
            problems.append("exchange \(row["id"] as String): dated \(row["date"] as String) inside the closed month \(row["month"] as String).")
        }
        // Audit ids count up from 1 and rows are never deleted, so every gap is a lost row.
        if let gaps = try Row.fetchOne(db, sql: "SELECT coalesce(max(id), 0) AS top, coalesce(min(id), 1) AS low, count(*) AS n FROM audit") {
            let top: Int64 = gaps["top"], low: Int64 = gaps["low"], count: Int64 = gaps["n"]
            if top != count {
                let first = low > 1 ? 1 : try Int64.fetchOne(db, sql: """
                    SELECT a.id + 1 FROM audit a WHERE a.id < (SELECT max(id) FROM audit)
                      AND NOT EXISTS (SELECT 1 FROM audit b WHERE b.id = a.id + 1) ORDER BY a.id LIMIT 1
                    """) ?? 1
                let lost = top - count
                problems.append("audit: \(lost) row\(lost == 1 ? " is" : "s are") missing from the sequence 1–\(top), the first at id \(first).")
            }
        }
        return problems
    }

    /// The member search index, compared with the members it is built from.
    static func searchIndexProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        let missing = try Int.fetchAll(db, sql: """
            SELECT number FROM member m WHERE NOT EXISTS (SELECT 1 FROM member_search s WHERE s.rowid = m.number) LIMIT \(limit)
            """)
        for n in missing { problems.append("member \(n): missing from the search index.") }
        let extra = try Int64.fetchAll(db, sql: """
            SELECT rowid FROM member_search s WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.number = s.rowid) LIMIT \(limit)
            """)
        for n in extra { problems.append("member \(n): in the search index but not a member.") }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.number, m.name, m.preferred_name, m.phone, m.email, m.postcode, s.names, s.contact
            FROM member m JOIN member_search s ON s.rowid = m.number ORDER BY m.number
            """)
        var differing = 0
        while let row = try rows.next() {
            let number: Int = row[0]
            let names = MemberSearchIndex.names(row[1], row[2])
            let contact = MemberSearchIndex.contact(number: number, phone: row[3], email: row[4], postcode: row[5])
            guard names != (row[6] as String? ?? "") || contact != (row[7] as String? ?? "") else { continue }
            differing += 1
            if differing <= limit { problems.append("member \(number): the search index disagrees with the member's name or contact details.") }
        }
        if differing > limit { problems.append("\(differing - limit) more members disagree with the search index.") }
        return problems
    }
}
