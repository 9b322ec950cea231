import Foundation
import GRDB
import TimeBank

/// Rows for exports, read with one cursor inside one read transaction: a consistent snapshot
/// handed over row by row, so an export of any size runs in constant memory.
extension Store {
    /// One ledger entry as the export writes it: accounts as member numbers, `pot` or `opening`.
    public struct ExchangeExportRow {
        public var id: String
        public var date: String
        public var giver: String
        public var receiver: String
        public var minutes: Int
        public var category: String
        public var description: String
        public var reverses: String
        public var recordedBy: String
        public var recordedAt: String
        /// The group activity the entry belongs to, or empty.
        public var group: String
    }

    /// Every exchange in ledger order, accounts as member numbers, `pot` or `opening`.
    static let exchangeExportSQL = """
        SELECT e.id, e.date,
               CASE g.kind WHEN 'member' THEN CAST(g.member AS TEXT) ELSE g.kind END,
               CASE r.kind WHEN 'member' THEN CAST(r.member AS TEXT) ELSE r.kind END,
               e.minutes, coalesce(e.category, ''), e.description, coalesce(e.reverses, ''), e.recorded_by, e.recorded_at, coalesce(e.grp, '')
        FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
        ORDER BY e.seq
        """

    /// One exchange as the bytes SQLite holds for it, for the exports that write half a million
    /// rows: no String is made per cell. Valid only inside the call that hands it over.
    public struct ExchangeExportBytes {
        public enum Column: Int32 { case id, date, giver, receiver, minutes, category, description, reverses, recordedBy, recordedAt, group }

        let row: RawRow

        /// The column's UTF-8 bytes (empty for NULL), valid until the next row.
        public func text(_ column: Column) -> UnsafeBufferPointer<UInt8> { row.bytes(column.rawValue) }

        public func integer(_ column: Column) -> Int { row.int(column.rawValue) }
    }

    /// The rows of `forEachExchangeRow`, in the same order, as bytes.
    public func forEachExchangeRowBytes(_ body: (ExchangeExportBytes) throws -> Void) throws {
        try read { db in
            try db.forEachRawRow(sql: Store.exchangeExportSQL) { row in try body(ExchangeExportBytes(row: row)) }
        }
    }

    public func forEachExchangeRow(_ body: (ExchangeExportRow) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: Store.exchangeExportSQL)
            while let row = try rows.next() {
                try body(ExchangeExportRow(id: row[0], date: row[1], giver: row[2], receiver: row[3], minutes: row[4], category: row[5],
                                           description: row[6], reverses: row[7], recordedBy: row[8], recordedAt: row[9], group: row[10]))
            }
        }
    }

    /// Every offer, in id order, one at a time.
    public func forEachOffer(_ body: (Offer) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM offer ORDER BY id")
            while let row = try rows.next() { try body(Store.offer(from: row)) }
        }
    }

    /// Every need, in id order, one at a time.
    public func forEachNeed(_ body: (Need) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM need ORDER BY id")
            while let row = try rows.next() { try body(Store.need(from: row)) }
        }
    }

    /// Every referral, in id order, one at a time.
    public func forEachReferral(_ body: (Referral) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM referral ORDER BY id")
            while let row = try rows.next() { try body(Store.referral(from: row)) }
        }
    }
}
