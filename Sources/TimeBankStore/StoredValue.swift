import Foundation
import GRDB
import TimeBank

/// Reading a stored value is an error path, never a trap: a date that is not a day or an id that
/// is not a UUID (a file edited by hand, another program, an old bug) ends the one operation with
/// a sentence naming the row, and `check` lists every such value.
extension Row {
    /// A `YYYY-MM-DD` column that must hold a real day.
    func storedDate(_ column: String, of table: String) throws -> CalendarDate {
        let value = storedValue(column)
        guard let text = String.fromDatabaseValue(value), let date = CalendarDate(iso: text) else {
            throw damage(column, of: table, isNot: "a day in the calendar")
        }
        return date
    }

    /// A `YYYY-MM-DD` column that may be empty.
    func storedOptionalDate(_ column: String, of table: String) throws -> CalendarDate? {
        storedValue(column).isNull ? nil : try storedDate(column, of: table)
    }

    /// A UUID column.
    func storedUUID(_ column: String, of table: String) throws -> UUID {
        let value = storedValue(column)
        guard let text = String.fromDatabaseValue(value), let id = UUID(uuidString: text) else {
            throw damage(column, of: table, isNot: "a UUID")
        }
        return id
    }

    /// A UUID column that may be empty.
    func storedOptionalUUID(_ column: String, of table: String) throws -> UUID? {
        storedValue(column).isNull ? nil : try storedUUID(column, of: table)
    }

    /// A UTC timestamp column, written by `Store.timestamp` (`2026-11-29T10:15:00.000Z`).
    func storedTimestamp(_ column: String, of table: String) throws -> Date {
        let value = storedValue(column)
        guard let text = String.fromDatabaseValue(value), let date = Store.storedTimestamp(text) else {
            throw damage(column, of: table, isNot: "a UTC timestamp")
        }
        return date
    }

    /// A UTC timestamp column that may be empty.
    func storedOptionalTimestamp(_ column: String, of table: String) throws -> Date? {
        storedValue(column).isNull ? nil : try storedTimestamp(column, of: table)
    }

    /// A text column holding one of an enumeration's values (a status, a kind, a role): an
    /// unknown text is damage, never quietly read as some default.
    func storedCase<Value: RawRepresentable & CaseIterable>(_ column: String, of table: String) throws -> Value where Value.RawValue == String {
        let value = storedValue(column)
        guard let text = String.fromDatabaseValue(value), let known = Value(rawValue: text) else {
            let cases = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw damage(column, of: table, isNot: "one of \(cases)")
        }
        return known
    }

    /// An enumeration column where empty text means "not answered".
    func storedOptionalCase<Value: RawRepresentable & CaseIterable>(_ column: String, of table: String) throws -> Value? where Value.RawValue == String {
        let value = storedValue(column)
        if value.isNull || String.fromDatabaseValue(value) == "" { return nil }
        return try storedCase(column, of: table) as Value
    }

    /// Any other column, of the type it must hold (text, a whole number, true or false): NULL in a
    /// column that must have a value, or text in a number column, is damage, not a trap.
    func stored<Value: DatabaseValueConvertible>(_ column: String, of table: String, as type: Value.Type = Value.self) throws -> Value {
        let value = storedValue(column)
        guard let decoded = Value.fromDatabaseValue(value) else {
            throw damage(column, of: table, isNot: StoredValue.kind(of: Value.self))
        }
        return decoded
    }

    /// A column that may be NULL, else of the type it must hold.
    func storedOptional<Value: DatabaseValueConvertible>(_ column: String, of table: String, as type: Value.Type = Value.self) throws -> Value? {
        storedValue(column).isNull ? nil : try stored(column, of: table, as: Value.self)
    }

    /// The value as stored; a column the query did not select reads as NULL.
    private func storedValue(_ column: String) -> DatabaseValue {
        (self[column] as DatabaseValue?) ?? .null
    }

    /// The one sentence for a value the program cannot read: table, row, column and value.
    func damage(_ column: String, of table: String, isNot what: String) -> StoreError {
        let value = storedValue(column)
        let shown = value.isNull ? "NULL" : "'\(StoredValue.shown(StoredValue.text(value)))'"
        return StoreError.damaged("\(table) \(rowName(table)) has \(column) \(shown), which is not \(what); run 'timebank check'.")
    }

    /// How the row is named in a message: its key (a member's number, an id), else its sequence number.
    private func rowName(_ table: String) -> String {
        for column in [Store.keyColumn(table), "id"] {
            if let key = self[column] as DatabaseValue?, !key.isNull { return StoredValue.shown(StoredValue.text(key)) }
        }
        if let seq = self["seq"] as DatabaseValue?, !seq.isNull { return "#" + StoredValue.text(seq) }
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

    /// What a column of this type must hold, in a broker's words.
    static func kind<Value>(of type: Value.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type: return "a whole number"
        default: return "a \(type)"
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

extension FetchableRecord {
    /// The one record a query must find; its absence is an error, not a trap.
    static func fetchExisting(_ db: Database, sql: String, arguments: StatementArguments, missing: String) throws -> Self {
        guard let record = try fetchOne(db, sql: sql, arguments: arguments) else { throw StoreError.notFound(missing) }
        return record
    }
}
