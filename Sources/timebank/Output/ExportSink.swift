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

    /// One CSV cell, as `Tabular.quoteCSV(Value.text(text).spreadsheetCSV)` writes it, read byte by
    /// byte: an export of half a million rows spends its time here.
    static func appendCell(_ text: String, protect: Bool = true, to line: inout String) {
        var needsQuotes = false
        var bytes = 0
        var last: UInt8 = 0
        for b in text.utf8 {
            if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { needsQuotes = true }
            if bytes == 0, b == 0x20 { needsQuotes = true }
            last = b
            bytes += 1
        }
        if last == 0x20 { needsQuotes = true }
        let first = text.utf8.first ?? 0
        let formula = protect && (first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D)
        let cell = formula ? "'" + text : text
        guard needsQuotes else {
            line += cell
            return
        }
        line += "\""
        line += cell.contains("\"") ? cell.replacingOccurrences(of: "\"", with: "\"\"") : cell
        line += "\""
    }

    func finish() throws {
        if format == .json { try out.write(rows == 0 ? "[]\n" : "\n]\n") }
        try out.flush()
    }
}
