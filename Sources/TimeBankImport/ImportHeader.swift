/// A header row's columns by name, so a file's columns may come in any order and the export's
/// derived columns (vetting, balance, open needs) are read past.
struct ImportHeader {
    let line: Int
    private let index: [String: Int]

    init(_ record: CSVRecord, required: [String], known: Set<String>) throws(CSVFileError) {
        var index: [String: Int] = [:]
        for (i, raw) in record.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard known.contains(name) else {
                throw CSVFileError(line: record.line, "the header has a column '\(raw.prefix(40))' this import does not know; the columns are \(known.sorted().joined(separator: ", ")).")
            }
            guard index[name] == nil else { throw CSVFileError(line: record.line, "the header names the column '\(name)' twice.") }
            index[name] = i
        }
        for name in required where index[name] == nil {
            throw CSVFileError(line: record.line, "the header has no '\(name)' column, which this import needs.")
        }
        self.line = record.line
        self.index = index
    }

    func has(_ name: String) -> Bool { index[name] != nil }

    /// The field under `name`, trimmed; empty when the column is absent.
    func value(_ name: String, in record: CSVRecord) -> String {
        Self.unprotected(text(name, in: record).trimmingCharacters(in: .whitespaces))
    }

    /// The field as written, for free text whose spaces and line breaks belong to it.
    func text(_ name: String, in record: CSVRecord) -> String {
        guard let i = index[name], i < record.fields.count else { return "" }
        return Self.unprotected(record.fields[i])
    }

    /// Our export puts `'` before a cell that a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@`); the import takes it off, so the text round-trips as it was.
    static func unprotected(_ field: String) -> String {
        let scalars = field.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, "=+-@".unicodeScalars.contains(second) else { return field }
        return String(scalars.dropFirst())
    }

    var columnCount: Int { index.count }
}
