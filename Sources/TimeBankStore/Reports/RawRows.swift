import GRDB
import GRDBSQLite
import TimeBank

/// A row read straight from SQLite's statement: reports walk hundreds of thousands of aggregate
/// rows, and reading each column as a Swift value would cost more than the query itself.
struct RawRow {
    let statement: SQLiteStatement

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The column's UTF-8 bytes (empty for NULL), valid until the next row.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        // sqlite3_column_text first, then sqlite3_column_bytes, as SQLite's documentation asks.
        guard let text = sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// `YYYY-MM` (or a longer date) as a month number, year × 12 + month − 1; nil for anything else.
    func monthIndex(_ column: Int32) -> Int? { RawRow.monthIndex(bytes(column)) }

    /// `YYYY-MM-DD` as a calendar date; nil for anything else.
    func date(_ column: Int32) -> CalendarDate? { CalendarDate(isoBytes: bytes(column)) }

    static func monthIndex(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count >= 7, b[4] == UInt8(ascii: "-"), let year = digits(b, 0..<4), let month = digits(b, 5..<7),
              (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var n = 0
        for i in range {
            let d = Int(b[i]) - 48
            guard (0...9).contains(d) else { return nil }
            n = n * 10 + d
        }
        return n
    }
}

extension Database {
    /// Runs the query and calls `body` with each row where it stands.
    func forEachRawRow(sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let raw = RawRow(statement: statement.sqliteStatement)
        // The cursor steps the statement; the columns are read from it where it stands.
        while try rows.next() != nil { try body(raw) }
    }
}
