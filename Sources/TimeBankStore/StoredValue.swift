import Foundation
import GRDB
import TimeBank

/// Reading a stored value is an error path, never a trap: a date that is not a day or an id that
/// is not a UUID (a file edited by hand, another program, an old bug) ends the one operation with
/// a sentence naming the row, and `check` lists every such value.
extension Row {
    /// A `YYYY-MM-DD` column that must hold a real day.
    func storedDate(_ column: String, of table: String) throws -> CalendarDate {
        let text: String? = self[column]
        guard let text, let date = CalendarDate(iso: text) else {
            throw StoreError.damaged("\(table) \(rowName) has \(column) '\(StoredValue.shown(text))', which is not a day in the calendar; run 'timebank check'.")
        }
        return date
    }

    /// A `YYYY-MM-DD` column that may be empty.
    func storedOptionalDate(_ column: String, of table: String) throws -> CalendarDate? {
        let text: String? = self[column]
        guard text != nil else { return nil }
        return try storedDate(column, of: table)
    }

    /// A UUID column.
    func storedUUID(_ column: String, of table: String) throws -> UUID {
        let text: String? = self[column]
        guard let text, let id = UUID(uuidString: text) else {
            throw StoreError.damaged("\(table) \(rowName) has \(column) '\(StoredValue.shown(text))', which is not a UUID; run 'timebank check'.")
        }
        return id
    }

    /// A UUID column that may be empty.
    func storedOptionalUUID(_ column: String, of table: String) throws -> UUID? {
        let text: String? = self[column]
        guard text != nil else { return nil }
        return try storedUUID(column, of: table)
    }

    /// How the row is named in a message: its id, else its sequence number.
    private var rowName: String {
        if let id = self["id"] as DatabaseValue?, !id.isNull { return StoredValue.shown(StoredValue.text(id)) }
        if let seq = self["seq"] as Int64? { return "#\(seq)" }
        return "(a row)"
    }
}

enum StoredValue {
    /// A stored value as plain text, without the quotes `DatabaseValue.description` adds.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let s): return s
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .blob(let b): return "\(b.count) bytes"
        case .null: return "NULL"
        }
    }

    /// A stored value quoted in a message: short, and NULL named as such.
    static func shown(_ text: String?) -> String {
        guard let text else { return "NULL" }
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

extension Row {
    /// The one row a query must find (one just written, one just checked); its absence is an error, not a trap.
    static func fetchExisting(_ db: Database, sql: String, arguments: StatementArguments, missing: String) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { throw StoreError.notFound(missing) }
        return row
    }
}
