import TimeBank
import Foundation

/// A value in a CSV/JSON/table output: typed so JSON gets numbers and booleans, CSV gets text.
enum Value {
    case text(String)
    case int(Int)
    /// A decimal already formatted exactly ("1.50"), written unquoted in JSON.
    case decimal(String)
    case bool(Bool)
    case null
    case list([Value])

    var csv: String {
        switch self {
        case .text(let s), .decimal(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .list(let l): return l.map(\.csv).joined(separator: "; ")
        }
    }

    /// The CSV text, safe to open in a spreadsheet: a text cell that begins with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return would run as a formula, so it gets a leading `'`
    /// (`timebank import` takes it off again). Numbers stay numbers.
    var spreadsheetCSV: String {
        guard case .text(let s) = self, let first = s.unicodeScalars.first, Value.formulaStarts.contains(first) else { return csv }
        return "'" + s
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    var json: String {
        switch self {
        case .text(let s): return Value.quoteJSON(s)
        case .int(let i): return String(i)
        case .decimal(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list(let l): return "[" + l.map(\.json).joined(separator: ", ") + "]"
        }
    }

    static func quoteJSON(_ s: String) -> String { JSONText.quoted(s) }
}

/// Rows with named columns, written as an aligned table, RFC 4180 CSV, or a JSON array of objects.
struct Tabular {
    var columns: [String]
    var rows: [[Value]] = []

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .csv: return csv()
        case .json: return json()
        case .table: return table()
        }
    }

    func csv() -> String {
        var out = columns.map(Tabular.quoteCSV).joined(separator: ",") + "\r\n"
        for row in rows { out += row.map { Tabular.quoteCSV($0.spreadsheetCSV) }.joined(separator: ",") + "\r\n" }
        return out
    }

    static func quoteCSV(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.hasPrefix(" ") || s.hasSuffix(" ") else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    func json() -> String {
        guard !rows.isEmpty else { return "[]\n" }
        return "[\n" + rows.indices.map { "  " + jsonObject(row: $0) }.joined(separator: ",\n") + "\n]\n"
    }

    func jsonObject(row: Int) -> String {
        "{" + zip(columns, rows[row]).map { "\(Value.quoteJSON($0)): \($1.json)" }.joined(separator: ", ") + "}"
    }

    /// Aligned columns for a person at a terminal; data is made printable first.
    func table() -> String {
        let cells = rows.map { $0.map { Printable.clean($0.csv, limit: 40) } }
        var widths = columns.map { Printable.width($0) }
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Printable.width(c)) } }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, v in v + String(repeating: " ", count: max(0, widths[i] - Printable.width(v))) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = line(columns) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }
}
