import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import TimeBank

/// Months' member rows packed for reports (migration v12m-report-month-packs): made in the
/// background, read with the rows of the members changed since instead of all of a month's
/// rows, and compared with the rows by `timebank check`.
extension Store {
    /// A pack is made again once this many of its members changed, or a twentieth of them: each
    /// changed member costs a report a look-up, and packing a month holds the write lock for
    /// about 3 ms per 10,000 rows (all 25 months of the bench's file: 0.3 s).
    static let repackAfterChanges = 1000

    /// Packs every month with member rows that has no pack or whose pack has many changed
    /// members, each in its own short write, and says how many it packed. A report is the same
    /// with or without packs, only faster with them.
    @discardableResult
    public func packMonths() throws -> Int {
        let candidates = try read { db in try Store.monthsToPack(db) }
        var packed = 0
        for month in candidates {
            // Decided again in the write that reads the rows: another console may have packed it.
            let done = try write { db -> Bool in
                guard try !Store.monthsToPack(db, only: month).isEmpty else { return false }
                try Store.packMonth(db, month)
                return true
            }
            if done { packed += 1 }
        }
        return packed
    }

    /// `packMonths` on a background thread, unless it is running already. The console calls it
    /// after each report, so the months a report read from their rows are packed before the
    /// next. A failure (a busy file, a full disk) leaves the months to their rows.
    public func packMonthsInBackground() {
        guard packingMonths.withLock({ running in
            defer { running = true }
            return !running
        }) else { return }
        DispatchQueue.global(qos: .utility).async { [self] in
            _ = try? packMonths()
            packingMonths.withLock { $0 = false }
        }
    }

    /// Months with member rows (found by a seek each) that have no pack or too many changed
    /// members; with `only`, that month alone if it is one of them.
    static func monthsToPack(_ db: Database, only: String? = nil) throws -> [String] {
        let next = try db.cachedStatement(sql: "SELECT min(month) FROM report_member_month WHERE month > ?")
        let pack = try db.cachedStatement(sql: """
            SELECT members, (SELECT count(*) FROM report_month_pack_changed c WHERE c.month = p.month)
            FROM report_month_pack p WHERE month = ?
            """)
        var months: [String] = []
        if let only {
            if try Int.fetchOne(db, sql: "SELECT 1 FROM report_member_month WHERE month = ? LIMIT 1", arguments: [only]) != nil { months = [only] }
        } else {
            var at = ""
            while let m = try String.fetchOne(next, arguments: [at]) {
                months.append(m)
                at = m
            }
        }
        return try months.filter { m in
            guard let row = try Row.fetchOne(pack, arguments: [m]) else { return true }
            let members: Int = row[0], changed: Int = row[1]
            return changed >= repackAfterChanges || changed * 20 >= max(members, 1)
        }
    }

    /// Packs one month's rows, replacing its pack and forgetting its changed members.
    static func packMonth(_ db: Database, _ month: String) throws {
        let rows = try memberMonthRows(db, month)
        try db.execute(sql: "INSERT OR REPLACE INTO report_month_pack (month, members, rows) VALUES (?, ?, ?)",
                       arguments: [month, rows.count, Data(MemberMonthPack.pack(rows))])
        try db.execute(sql: "DELETE FROM report_month_pack_changed WHERE month = ?", arguments: [month])
    }

    /// A month's member rows as a report reads them, in member order.
    static func memberMonthRows(_ db: Database, _ month: String) throws -> [MemberMonthPack.Row] {
        var rows: [MemberMonthPack.Row] = []
        try db.forEachRawRow(sql: """
            SELECT member, kept_given_minutes, kept_received_minutes, given_through, partners, active_before
            FROM report_member_month WHERE month = ? ORDER BY member
            """, arguments: [month]) { row in
            rows.append(MemberMonthPack.Row(member: row.int(0), row, first: 1))
        }
        return rows
    }

    /// A month's rows from its pack and its changed members' own rows, in member order; nil
    /// when the month has no pack.
    static func packedMonth(_ db: Database, _ month: String) throws -> PackedMonthRows? {
        guard let rowid = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM report_month_pack WHERE month = ?"),
                                             arguments: [month]) else { return nil }
        var changed: [(member: Int, row: MemberMonthPack.Row?)] = []
        try db.forEachRawRow(sql: """
            SELECT c.member, m.member IS NOT NULL, m.kept_given_minutes, m.kept_received_minutes, m.given_through, m.partners,
                   m.active_before
            FROM report_month_pack_changed c LEFT JOIN report_member_month m ON m.month = c.month AND m.member = c.member
            WHERE c.month = ? ORDER BY c.member
            """, arguments: [month]) { r in
            let member = r.int(0)
            changed.append((member, r.int(1) == 0 ? nil : MemberMonthPack.Row(member: member, r, first: 2)))
        }
        let blob = try PackBlob(db, rowid: rowid)
        return PackedMonthRows(pack: try MemberMonthPack.Reader(chunks: { try blob.nextChunk() }), changed: changed)
    }

    /// Each pack with its changed members against its month's rows: a pack that differs would
    /// make every report of its month wrong, so `check` names it.
    static func reportMonthPackProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        for month in try String.fetchAll(db, sql: "SELECT month FROM report_month_pack ORDER BY month") {
            let rows = try memberMonthRows(db, month)
            var read: [MemberMonthPack.Row]? = []
            do {
                if var packed = try packedMonth(db, month) {
                    while let r = try packed.next() { read?.append(r) }
                }
            } catch is MemberMonthPack.Damaged {
                read = nil
            }
            if read != rows {
                problems.append("The report's packed members of \(month) differ from its member rows.")
            }
        }
        return problems
    }
}

extension MemberMonthPack.Row {
    /// A member's row as a statement reads it: the five figures from column `first` on in the
    /// order of `report_member_month`, `active_before` last (0 when the statement leaves it out).
    init(member: Int, _ raw: RawRow, first: Int32, readsActiveBefore: Bool = true) {
        self.init(member: member, keptGivenMinutes: raw.int(first), keptReceivedMinutes: raw.int(first + 1),
                  givenThrough: raw.int(first + 2), partners: raw.int(first + 3), activeBefore: readsActiveBefore ? raw.int(first + 4) : 0)
    }
}

/// A month's rows from its pack, each changed member's own row (or none, if it went) in its place.
struct PackedMonthRows {
    private var pack: MemberMonthPack.Reader
    private let changed: [(member: Int, row: MemberMonthPack.Row?)]
    private var nextChanged = 0
    /// The pack's row not yet given, read ahead to compare with the changed members.
    private var packed: MemberMonthPack.Row?
    private var packedRead = false

    init(pack: MemberMonthPack.Reader, changed: [(member: Int, row: MemberMonthPack.Row?)]) {
        self.pack = pack
        self.changed = changed
    }

    mutating func next() throws -> MemberMonthPack.Row? {
        // Past the last changed member, the pack's rows as they come.
        if nextChanged == changed.endIndex && !packedRead { return try pack.next() }
        while true {
            if !packedRead {
                packed = try pack.next()
                packedRead = true
            }
            let packedMember = packed?.member ?? Int.max
            guard nextChanged < changed.endIndex, changed[nextChanged].member <= packedMember else {
                guard let row = packed else { return nil }
                packedRead = false
                return row
            }
            let change = changed[nextChanged]
            nextChanged += 1
            // The pack's row of a changed member is out of date: its own row (if any) replaces it.
            if change.member == packedMember { packedRead = false }
            if let row = change.row { return row }
        }
    }
}

/// A pack's blob read in chunks (`sqlite3_blob_read`), so a report holds 64 KB of each month's
/// pack at a time, not the whole pack. Valid inside the read transaction that opened it.
final class PackBlob {
    private var handle: OpaquePointer?
    private let size: Int32
    private var offset: Int32 = 0
    static let chunkSize: Int32 = 64 * 1024

    init(_ db: Database, rowid: Int64) throws {
        var opened: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, "main", "report_month_pack", "rows", rowid, 0, &opened)
        guard code == SQLITE_OK, let opened else {
            sqlite3_blob_close(opened)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        handle = opened
        size = sqlite3_blob_bytes(opened)
    }

    /// The next chunk, nil after the last.
    func nextChunk() throws -> [UInt8]? {
        guard offset < size, let handle else { return nil }
        let count = min(Self.chunkSize, size - offset)
        var chunk = [UInt8](repeating: 0, count: Int(count))
        let code = chunk.withUnsafeMutableBytes { sqlite3_blob_read(handle, $0.baseAddress, count, offset) }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "a report's pack could not be read") }
        offset += count
        return chunk
    }

    deinit { sqlite3_blob_close(handle) }
}
