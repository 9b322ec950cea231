import Foundation
import TimeBank

/// A whole import file read and mapped: the rows to write, and every row that cannot be,
/// with its line and one sentence. A file-wide problem (not UTF-8, a broken header, broken
/// quoting) throws `CSVFileError` instead: nothing of such a file is read as data.
public struct ImportFile: Sendable {
    public var rows: [ImportedRow] = []
    public var problems: [RowProblem] = []

    public static func read(path: String, kind: ImportKind, format: ImportFormat, today: CalendarDate = .today()) throws -> ImportFile {
        var reader = Reader(kind: kind, format: format, today: today)
        try CSVFile.forEachRecord(path: path) { try reader.take($0) }
        return try reader.finish()
    }

    public static func read(bytes: [UInt8], kind: ImportKind, format: ImportFormat, today: CalendarDate = .today()) throws -> ImportFile {
        var reader = Reader(kind: kind, format: format, today: today)
        try CSVFile.forEachRecord(bytes: bytes) { try reader.take($0) }
        return try reader.finish()
    }

    /// Maps records one by one as the reader hands them over.
    struct Reader {
        let kind: ImportKind
        let format: ImportFormat
        let today: CalendarDate
        var timebank: TimeBankMapping?
        var timeoverflow: TimeOverflowMapping?
        var seen: [String: Int] = [:]
        var file = ImportFile()
        var sawHeader = false

        init(kind: ImportKind, format: ImportFormat, today: CalendarDate) {
            self.kind = kind
            self.format = format
            self.today = today
        }

        mutating func take(_ record: CSVRecord) throws {
            switch format {
            case .timebank:
                guard let mapping = timebank else {
                    timebank = try TimeBankMapping(kind: kind, header: record)
                    sawHeader = true
                    return
                }
                let today = self.today
                append { () throws(RowProblemError) in try mapping.map(record, today: today) }
            case .timeoverflow:
                if timeoverflow == nil {
                    timeoverflow = try TimeOverflowMapping(kind: kind, line: record.line)
                    if TimeOverflowMapping.isHeader(record) { sawHeader = true; return }
                }
                guard let mapping = timeoverflow else { return }
                let key = record.fields.joined(separator: "\u{1F}")
                let occurrence = seen[key, default: 0]
                seen[key] = occurrence + 1
                let today = self.today
                append { () throws(RowProblemError) in try mapping.map(record, occurrence: occurrence, today: today) }
            }
        }

        private mutating func append(_ map: () throws(RowProblemError) -> ImportedRow) {
            do {
                file.rows.append(try map())
            } catch {
                file.problems.append(error.problem)
            }
        }

        func finish() throws -> ImportFile {
            if file.rows.isEmpty, file.problems.isEmpty {
                throw CSVFileError(line: nil, sawHeader ? "The file has a header and no rows." : "The file has no rows.")
            }
            return file
        }
    }
}
