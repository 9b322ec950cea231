import Foundation

/// Writes rows as they come, as RFC 4180 CSV or a JSON array, through `CommandOutput`:
/// nothing is gathered, so an export of any size takes the same memory.
struct ExportSink {
    enum Format { case csv, json }

    let format: Format
    let columns: [String]
    let out: CommandOutput
    private var rows = 0
    private let jsonKeys: [String]

    init(_ format: Format, columns: [String], out: CommandOutput) throws {
        self.format = format
        self.columns = columns
        self.out = out
        jsonKeys = columns.map(Value.quoteJSON)
        if format == .csv { try out.write(columns.map(Tabular.quoteCSV).joined(separator: ",") + "\r\n") }
    }

    mutating func row(_ values: [Value]) throws {
        switch format {
        case .csv:
            var line = ""
            for (i, v) in values.enumerated() {
                if i > 0 { line += "," }
                if case .text(let text) = v { Self.appendCell(text, to: &line) } else { Self.appendCell(v.csv, protect: false, to: &line) }
            }
            line += "\r\n"
            try out.write(line)
        case .json:
            var line = rows == 0 ? "[\n  {" : ",\n  {"
            for (i, v) in values.enumerated() where i < jsonKeys.count {
                if i > 0 { line += ", " }
                line += jsonKeys[i] + ": " + v.json
            }
            try out.write(line + "}")
        }
        rows += 1
    }

    /// One CSV cell by the one rule, `CSVCell`.
    static func appendCell(_ text: String, protect: Bool = true, to line: inout String) {
        var text = text
        var bytes: [UInt8] = []
        text.withUTF8 { CSVCell.append($0, protect: protect, to: &bytes) }
        line += String(decoding: bytes, as: UTF8.self)
    }

    func finish() throws {
        if format == .json { try out.write(rows == 0 ? "[]\n" : "\n]\n") }
        try out.flush()
    }
}
