import Foundation

/// A strict RFC 4180 reader, written independently of the code under test: fields separated by
/// commas, records by CRLF (a bare LF is accepted too), quoted fields may hold commas, quotes
/// (doubled) and line breaks. Throws on a quote in the middle of an unquoted field or an
/// unterminated quoted field.
enum CSV {
    struct Table: Sendable {
        var header: [String]
        var rows: [[String]]

        /// The rows as dictionaries keyed by the header.
        var records: [[String: String]] {
            rows.map { row in Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) }) }
        }

        func column(_ name: String) -> [String] {
            guard let i = header.firstIndex(of: name) else { return [] }
            return rows.map { i < $0.count ? $0[i] : "" }
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> Table {
        let records = try parseRecords(text)
        guard let header = records.first else { throw ParseError(description: "CSV has no header row") }
        for (i, r) in records.enumerated() where r.count != header.count {
            throw ParseError(description: "CSV record \(i + 1) has \(r.count) fields, the header has \(header.count): \(r)")
        }
        return Table(header: header, rows: Array(records.dropFirst()))
    }

    static func parseRecords(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var chars = Array(text.unicodeScalars)[...]
        var atRecordStart = true
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            atRecordStart = false
            switch c {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else { throw ParseError(description: "a quote inside an unquoted field: \(field)\"") }
                inQuotes = true
                fieldWasQuoted = true
            case ",":
                record.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                guard chars.first == "\n" else { throw ParseError(description: "a bare CR outside quotes") }
                chars.removeFirst()
                fallthrough
            case "\n":
                record.append(field); field = ""; fieldWasQuoted = false
                records.append(record); record = []
                atRecordStart = true
            default:
                if fieldWasQuoted { throw ParseError(description: "text after a closing quote: \(c)") }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw ParseError(description: "an unterminated quoted field") }
        if !atRecordStart { record.append(field); records.append(record) }
        return records
    }
}

/// JSON through Foundation's own parser, independent of the code under test.
enum JSON {
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    }

    static func array(_ text: String) throws -> [[String: Any]] {
        guard let a = try parse(text) as? [[String: Any]] else { throw SupportError("not a JSON array of objects: \(text.prefix(300))") }
        return a
    }

    static func object(_ text: String) throws -> [String: Any] {
        guard let o = try parse(text) as? [String: Any] else { throw SupportError("not one JSON object: \(text.prefix(300))") }
        return o
    }
}
