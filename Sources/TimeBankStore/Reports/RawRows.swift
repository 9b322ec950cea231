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

    /// The column's bytes as a blob (empty for NULL), valid until the next row.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        // sqlite3_column_blob first, then sqlite3_column_bytes, as SQLite's documentation asks.
        guard let bytes = sqlite3_column_blob(statement, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
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
    /// Runs the query and calls `body` with each row where it stands. The statement is stepped
    /// here rather than through a cursor: a report steps half a million rows, and the cursor's
    /// bookkeeping for each cost a tenth of the row. GRDB binds the arguments (and checks them).
    func forEachRawRow(sql: String, arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        let statement = try cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        try Self.forEachRawRow(of: statement, body)
    }

    /// Steps a statement whose arguments are set, calling `body` with each row where it stands.
    static func forEachRawRow(of statement: GRDB.Statement, _ body: (RawRow) throws -> Void) throws {
        let sqlite = statement.sqliteStatement
        // Reset when done or failed, so the read ends with the statement and no row stays held.
        defer { sqlite3_reset(sqlite) }
        let raw = RawRow(statement: sqlite)
        while true {
            switch sqlite3_step(sqlite) {
            case SQLITE_ROW:
                try body(raw)
            case SQLITE_DONE:
                return
            case let code:
                throw stepError(code, statement)
            }
        }
    }

    /// The error of a step that neither gave a row nor finished, with SQLite's own message.
    static func stepError(_ code: CInt, _ statement: GRDB.Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement))),
                      sql: statement.sql)
    }
}
