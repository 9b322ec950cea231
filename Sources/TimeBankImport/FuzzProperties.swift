import Foundation
import TimeBank

/// What must hold for any input to each parser: the fuzz targets (scripts/fuzz.sh) trap when
/// a property fails, and `swift test` replays the kept corpora (Tests/FuzzCorpus) through the
/// same checks. Each returns the properties that failed, empty when all hold.
public enum FuzzProperties {
    public static let targets = ["csv", "durations", "dates", "mappings"]

    public static func check(_ target: String, _ bytes: [UInt8]) -> [String] {
        switch target {
        case "csv": return csv(bytes)
        case "durations": return durations(bytes)
        case "dates": return dates(bytes)
        case "mappings": return mappings(bytes)
        default: return ["no fuzz target \(target)"]
        }
    }

    /// The reader either refuses with a line inside the file, or gives records whose lines rise
    /// and whose fields, written back as RFC 4180, read back the same.
    public static func csv(_ bytes: [UInt8]) -> [String] {
        let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        do {
            let records = try CSVFile.records(bytes: bytes)
            var failures: [String] = []
            if zip(records, records.dropFirst()).contains(where: { $0.line >= $1.line }) { failures.append("record lines do not rise") }
            if records.contains(where: { $0.line < 1 || $0.line > lineCount }) { failures.append("a record line is outside the file") }
            let written = records.map { r in r.fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
                .joined(separator: "\r\n")
            if !records.isEmpty, let again = try? CSVFile.records(bytes: Array(written.utf8)), again.map(\.fields) != records.map(\.fields) {
                failures.append("records written back do not read back the same")
            }
            return failures
        } catch let error as CSVFileError {
            if let line = error.line, line < 1 || line > lineCount { return ["refusal names line \(line) of a \(lineCount)-line file"] }
            return []
        } catch {
            return ["an error that is not a CSVFileError: \(error)"]
        }
    }

    /// A duration read is 1 minute to 24 hours, and its clock form reads back the same.
    public static func durations(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.prefix(256), as: UTF8.self)
        guard let minutes = try? DurationParser.parse(text) else { return [] }
        var failures: [String] = []
        if minutes < 1 || minutes > DurationParser.maximum { failures.append("\(minutes) minutes is outside 1...1440") }
        if (try? DurationParser.parse(MinutesFormat.clock(minutes))) != minutes { failures.append("\(minutes) does not read back from its clock form") }
        return failures
    }

    /// A date read is a real calendar day whose ISO and British forms read back the same.
    public static func dates(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.prefix(256), as: UTF8.self)
        var failures: [String] = []
        let today = CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(dayNumber: 0)
        if let d = try? DateParser.parse(text, today: today), CalendarDate(iso: d.iso) != d { failures.append("typed date \(d.iso) does not read back") }
        if let d = ImportValues.date(text) {
            if ImportValues.date(d.iso) != d { failures.append("file date \(d.iso) does not read back as ISO") }
            if d.year >= 1000, d.year <= 9999, ImportValues.date(d.british) != d { failures.append("file date \(d.iso) does not read back as DD/MM/YYYY") }
        }
        _ = ImportValues.integer(text)
        _ = ImportValues.hoursAsMinutes(text)
        return failures
    }

    /// The first byte picks a kind and format; the rest is a file. The mapping refuses the file
    /// or gives rows and problems at lines inside it, in order.
    public static func mappings(_ bytes: [UInt8]) -> [String] {
        guard let first = bytes.first else { return [] }
        let kinds = ImportKind.allCases
        let kind = kinds[Int(first) % kinds.count]
        let format: ImportFormat = first & 0x80 == 0 ? .timebank : .timeoverflow
        let rest = Array(bytes.dropFirst())
        let lineCount = rest.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        do {
            let file = try ImportFile.read(bytes: rest, kind: kind, format: format, today: CalendarDate(year: 2026, month: 11, day: 29) ?? CalendarDate(dayNumber: 0))
            var failures: [String] = []
            let lines = file.rows.map(\.line)
            if zip(lines, lines.dropFirst()).contains(where: { $0.0 >= $0.1 }) { failures.append("row lines do not rise") }
            if (lines + file.problems.map(\.line)).contains(where: { $0 < 1 || $0 > lineCount }) { failures.append("a line outside the file") }
            for case .exchange(let e) in file.rows where e.minutes < 1 || e.minutes > DurationParser.maximum {
                failures.append("an exchange of \(e.minutes) minutes was accepted")
            }
            return failures
        } catch {
            return []
        }
    }
}
