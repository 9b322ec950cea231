/// One record of a CSV file, with the line of the file it starts on (the first line is 1), so
/// every problem a broker is told about names the line their spreadsheet shows.
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Why a file cannot be read, in one sentence, with its line when there is one.
public struct CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int?
    public let reason: String

    public init(line: Int?, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "Line \($0): \(reason)" } ?? reason }
}
