// Shared plumbing for reading the shipped data files: UTF-8 text, one record a
// line, `#` comment lines and blank lines ignored, tab-separated columns with a
// header row. Every problem is reported with the file name and line number.
import Foundation

/// A malformed or unreadable data file.
///
/// `line` is 1-based and counts every physical line (comments and blank lines
/// included), so it matches what an editor shows; it is 0 when the problem is
/// about the file as a whole (unreadable, empty, missing header).
public struct ResourceFileError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file's name (not its full path).
    public let file: String
    public let line: Int
    /// What is wrong. With a line number it reads as a clause ("vetting is
    /// empty"); for the whole file it reads after the file name ("is empty").
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// One sentence, e.g. `taxonomy.tsv, line 12: vetting must be "yes" or "no", not "maybe".`
    /// or, for the whole file, `areas.tsv has a header but no areas.`
    public var description: String {
        line > 0 ? "\(file), line \(line): \(reason)." : "\(file) \(reason)."
    }

    public var errorDescription: String? { description }
}

/// Text-level helpers shared by the loaders.
enum ResourceText {
    /// Horizontal white space other than the tab, which separates fields.
    static var spaces: CharacterSet { CharacterSet.whitespaces.subtracting(CharacterSet(charactersIn: "\t")) }

    /// Reads a whole file as UTF-8, dropping a leading byte-order mark.
    static func read(_ url: URL) throws -> String {
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ResourceFileError(file: name, line: 0, reason: "cannot be read (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ResourceFileError(file: name, line: 0, reason: "is not valid UTF-8 text")
        }
        return text
    }

    /// The lines that carry content: 1-based line number and the line with
    /// surrounding spaces removed. Blank lines and lines whose first non-blank
    /// character is `#` are skipped. Handles LF, CRLF and CR line ends.
    static func contentLines(_ text: String) -> [(line: Int, text: String)] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // "\r\n" is a single Character in Swift, so this splits CRLF once.
        let raw = body.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        let spaces = Self.spaces
        var result: [(line: Int, text: String)] = []
        for (index, line) in raw.enumerated() {
            let trimmed = line.trimmingCharacters(in: spaces)
            if trimmed.hasPrefix("#") || trimmed.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            result.append((index + 1, trimmed))
        }
        return result
    }

    /// The code point of the first control character in `value`, or nil.
    static func controlCharacter(in value: String) -> String? {
        for scalar in value.unicodeScalars where scalar.properties.generalCategory == .control {
            return String(format: "U+%04X", scalar.value)
        }
        return nil
    }
}

/// A tab-separated table with a header row. Columns are found by header name,
/// so their order may change and extra columns are ignored.
struct TSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]

        /// The trimmed value of a column that the header is known to contain.
        subscript(column: String) -> String { fields[column] ?? "" }
    }

    let file: String
    let rows: [Row]

    init(text: String, file: String, columns required: [String]) throws {
        self.file = file
        var lines = ResourceText.contentLines(text)
        guard !lines.isEmpty else {
            throw ResourceFileError(file: file, line: 0,
                                    reason: "is empty; expected a header row (\(required.joined(separator: ", ")))")
        }
        let headerLine = lines.removeFirst()
        let header = headerLine.text.split(separator: "\t", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }  // fields hold no tabs
        var seen = Set<String>()
        for name in header where !name.isEmpty {
            if !seen.insert(name).inserted {
                throw ResourceFileError(file: file, line: headerLine.line, reason: "the header names column \"\(name)\" twice")
            }
        }
        let missing = required.filter { !seen.contains($0) }
        if !missing.isEmpty {
            let hint = header.count == 1 ? " (columns must be separated by tabs)" : ""
            throw ResourceFileError(
                file: file, line: headerLine.line,
                reason: "the header lacks column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))\(hint)")
        }

        var rows: [Row] = []
        rows.reserveCapacity(lines.count)
        for (number, text) in lines {
            let values = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard values.count == header.count else {
                let hint = values.count == 1 ? " (columns must be separated by tabs)" : ""
                throw ResourceFileError(
                    file: file, line: number,
                    reason: "expected \(header.count) tab-separated fields, found \(values.count)\(hint)")
            }
            var fields: [String: String] = [:]
            for (name, value) in zip(header, values) where !name.isEmpty {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if let bad = ResourceText.controlCharacter(in: trimmed) {
                    throw ResourceFileError(file: file, line: number, reason: "\(name) contains control character \(bad)")
                }
                fields[name] = trimmed
            }
            rows.append(Row(line: number, fields: fields))
        }
        self.rows = rows
    }

    /// The value of `column`, which must not be empty.
    func required(_ column: String, in row: Row) throws -> String {
        let value = row[column]
        if value.isEmpty {
            throw ResourceFileError(file: file, line: row.line, reason: "\(column) is empty")
        }
        return value
    }

    /// A `yes`/`no` column (case-insensitive).
    func yesNo(_ column: String, in row: Row) throws -> Bool {
        switch row[column].lowercased() {
        case "yes": return true
        case "no": return false
        case "": throw ResourceFileError(file: file, line: row.line, reason: "\(column) is empty; write yes or no")
        case let other:
            throw ResourceFileError(file: file, line: row.line, reason: "\(column) must be \"yes\" or \"no\", not \"\(other)\"")
        }
    }

    func error(_ row: Row, _ reason: String) -> ResourceFileError {
        ResourceFileError(file: file, line: row.line, reason: reason)
    }
}

/// Replaces tabs, line breaks and other control characters with spaces so a
/// value can be written as one TSV field.
func tsvField(_ value: String) -> String {
    String(String.UnicodeScalarView(value.unicodeScalars.map {
        $0.properties.generalCategory == .control ? " " : $0
    })).trimmingCharacters(in: .whitespaces)
}
