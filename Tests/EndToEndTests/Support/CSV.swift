import Foundation
import TimeBankImport

/// CSV as the tests read it: through the program's one CSV reader (`CSVFile`, over CSV.swift),
/// which refuses a quote in the middle of an unquoted field, text after a closing quote, an
/// unterminated quoted field, bytes that are not UTF-8 and control characters. Every record
/// must have the header's number of fields.
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
        guard !text.isEmpty else { return [] }
        do {
            return try CSVFile.records(bytes: Array(text.utf8)).map(\.fields)
        } catch let error as CSVFileError {
            throw ParseError(description: error.description)
        }
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
