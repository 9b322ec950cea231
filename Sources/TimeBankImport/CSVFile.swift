import CSV
import Foundation

/// The one CSV reader: every import, and every test that reads CSV, goes through it.
///
/// The bytes are checked first (`CSVByteCheck`: UTF-8, control characters, quotes), then
/// CSV.swift splits the records as a stream, so a file of any size is read in constant
/// memory. It takes what spreadsheets save: a byte-order mark or none, CRLF or LF, quoted
/// fields holding commas, quotes and line breaks. Blank lines are skipped.
public enum CSVFile {
    /// Hands each record of the file at `path` to `body`, in order, with the line it starts on.
    public static func forEachRecord(path: String, _ body: (CSVRecord) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVFileError(line: nil, "The file \(path) cannot be opened for reading.")
        }
        var check = CSVByteCheck()
        while true {
            let chunk = handle.readData(ofLength: 256 * 1024)
            if chunk.isEmpty { break }
            try check.feed(chunk)
        }
        try? handle.close()
        try check.finish()
        guard let stream = InputStream(fileAtPath: path) else {
            throw CSVFileError(line: nil, "The file \(path) cannot be opened for reading.")
        }
        try split(try CSVReader(stream: stream), body)
    }

    /// The same for bytes in memory (tests, fuzzing, small files).
    public static func forEachRecord(bytes: [UInt8], _ body: (CSVRecord) throws -> Void) throws {
        var check = CSVByteCheck()
        try check.feed(bytes)
        try check.finish()
        let stream = InputStream(data: Data(bytes))
        try split(try CSVReader(stream: stream), body)
    }

    public static func records(bytes: [UInt8]) throws -> [CSVRecord] {
        var out: [CSVRecord] = []
        try forEachRecord(bytes: bytes) { out.append($0) }
        return out
    }

    private static func split(_ reader: CSVReader, _ body: (CSVRecord) throws -> Void) throws {
        var line = 1
        while let fields = reader.next() {
            let start = line
            line += 1 + fields.reduce(0) { $0 + lineBreaks(in: $1) }
            if fields.count == 1, fields[0].isEmpty { continue }
            try body(CSVRecord(line: start, fields: fields))
        }
        // A file stream on Linux says it has bytes until a read returns none, and CSV.swift
        // records that last empty read as `cannotReadFile`: the end of the file, not a failure
        // (the bytes were all read once already by the check).
        if let error = reader.error {
            if case CSVError.cannotReadFile? = error as? CSVError { return }
            throw CSVFileError(line: line, "the file cannot be read past this line.")
        }
    }

    /// Line breaks inside a quoted field: CRLF, LF and a lone CR each end one line.
    static func lineBreaks(in field: String) -> Int {
        var count = 0
        var lastWasCR = false
        for s in field.unicodeScalars {
            if s == "\r" { count += 1 } else if s == "\n", !lastWasCR { count += 1 }
            lastWasCR = s == "\r"
        }
        return count
    }
}
