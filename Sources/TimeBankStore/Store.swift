import Foundation
import GRDB
import Synchronization
import TimeBank

/// The whole state of one time bank: one SQLite file in WAL mode, shared by every broker's
/// console and every command-line call. Thread-safe; one writer at a time, readers in parallel.
///
/// Reads go through read-only connections and the read-write pool is opened only at the first
/// write, so looking at a database (a report, an export, `check`, a refused command) never
/// touches the file.
public final class Store: Sendable {
    public let path: String
    let reader: DatabasePool
    private let writerBox = Mutex<DatabasePool?>(nil)
    /// The members' report attributes as last read, kept while `report_people_version` stays.
    let reportPeopleCache = Mutex<(version: Int, people: ReportPeople)?>(nil)
    /// The reversals between members as the last report read them (`cachedReportReversals`).
    let reportReversalCache = Mutex<(last: Int, reversals: [Store.ReportReversal])?>(nil)
    /// Set while past months are being packed in the background (`packMonthsInBackground`).
    let packingMonths = Mutex(false)

    /// Each reader's page cache, in KiB when negative (4 MB). The file's pages stay in the
    /// system's cache anyway, so a page read again costs a copy, not a disk read: a search's index
    /// pages and a ranking's stay between keystrokes, and Today, which reads about 16 MB of pages
    /// once, no longer keeps them all in the console's memory (issue #13).
    static let readerCacheSize = -4000

    /// Each connection's page cache while it counts a report (1 MB): both reader connections count
    /// at once, and a report reads most pages of its aggregates once.
    static let reportCacheSize = -1000

    /// How long a writer waits for another broker's write before giving up.
    static let busyTimeout: TimeInterval = 15

    /// Opens (and with `create`, makes, in an existing folder) the database at `path`.
    ///
    /// With `readOnly`, nothing is ever written: an empty file, a database of an earlier version
    /// (whose migrations would write) and anything else that is not a current time bank is refused
    /// and left byte for byte as it was. A file of another program, or of a newer version of this
    /// one (a migration it does not know), is refused whatever the intent.
    public init(path: String, create: Bool = true, readOnly: Bool = false) throws {
        self.path = path
        let exists = try Store.fileExists(at: path)
        if !create || readOnly, !exists {
            throw StoreError.notFound("There is no database at \(path).")
        }
        try Store.prepareFile(at: path)
        do {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size == 0, readOnly {
                throw StoreError.invalid("\(path) is empty: it holds no time bank yet; it was left as it was.")
            }
            if size == 0 {
                let writer = try Store.openWriter(path)
                try Schema.migrator.migrate(writer)
                writerBox.withLock { $0 = writer }
            }
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(Store.busyTimeout)
            // A console reads on one thread; two connections keep the caches bounded.
            config.maximumReaderCount = 2
            config.prepareDatabase { db in
                // Sorting in memory instead of temporary files (the sorts here are small windows),
                // and a bounded page cache (`readerCacheSize`).
                try db.execute(sql: "PRAGMA temp_store = MEMORY; PRAGMA cache_size = \(Store.readerCacheSize)")
            }
            reader = try DatabasePool(path: path, configuration: config)
            if try !reader.read({ try Store.isCurrent($0, path: path, readOnly: readOnly) }) {
                try Schema.migrator.migrate(try writer())
            }
            if !readOnly {
                try installBundledTaxonomyIfEmpty()
                try installBundledAreasIfEmpty()
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
    }

    static func openWriter(_ path: String) throws -> DatabasePool {
        var config = Configuration()
        config.busyMode = .timeout(Store.busyTimeout)
        config.foreignKeysEnabled = true
        let pool = try DatabasePool(path: path, configuration: config)
        // WAL with FULL sync: a commit that returned is on disk, even after a power cut. Set after
        // opening because GRDB chooses NORMAL for WAL while it opens the pool.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    /// The read-write pool, opened at the first write.
    func writer() throws -> DatabasePool {
        if let open = writerBox.withLock({ $0 }) { return open }
        let opened: DatabasePool
        do {
            opened = try Store.openWriter(path)
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
        return writerBox.withLock { box in
            if let raced = box { return raced }
            box = opened
            return opened
        }
    }

    /// The database path from `--db`, then `$TIMEBANK_DB`, then the XDG data folder.
    public static func resolvePath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment["TIMEBANK_DB"], !env.isEmpty { return env }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/timebank/timebank.sqlite"
    }

    /// Creates a new database file readable only by its owner (0600), or by the owner and the
    /// group when its folder is group-owned for sharing (setgid folder: 0660). SQLite gives the
    /// -wal and -shm files the same permissions.
    static func prepareFile(at path: String) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if fm.fileExists(atPath: path) {
            guard fm.isReadableFile(atPath: path) else { throw StoreError.permissionDenied(path: path) }
            return
        }
        // A database is made only in a folder that exists: a mistyped --db must not leave a trail of folders.
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.cannotOpen(path: path, reason: "its folder \(folder) does not exist")
        }
        var folderInfo = stat()
        let shared = stat(folder, &folderInfo) == 0 && (folderInfo.st_mode & S_ISGID) != 0
        let mode: mode_t = shared ? 0o660 : 0o600
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        if fd < 0 {
            if errno == EEXIST { return }
            if errno == EACCES { throw StoreError.permissionDenied(path: path) }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, mode)  // umask must not widen or narrow what we chose
        close(fd)
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            if !FileManager.default.isReadableFile(atPath: path) { return .permissionDenied(path: path) }
            return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy
        case .SQLITE_FULL: return .invalid("The disk is full; nothing was saved.")
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs a write transaction, turning SQLite's rule violations into the domain's sentences.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer().write(body)
        } catch let error as DatabaseError {
            throw mapConstraint(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch let error as DatabaseError {
            throw mapConstraint(error)
        }
    }

    private func mapConstraint(_ error: DatabaseError) -> Error {
        let message = error.message ?? ""
        if message.contains("closed month") { return StoreError.ledger(.closedMonth(month: "That month", openFrom: nil)) }
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED { return StoreError.busy }
        if error.resultCode == .SQLITE_FULL { return StoreError.invalid("The disk is full; nothing was saved.") }
        if error.resultCode == .SQLITE_READONLY { return StoreError.invalid("The database is read-only for you; nothing was saved.") }
        if error.resultCode == .SQLITE_IOERR { return StoreError.invalid("The disk could not be written (\(message)); nothing was saved.") }
        return StoreError.invalid("The database refused the change (\(message)); nothing was saved.")
    }

    /// A number that grows with every write by anyone, so a console can notice other brokers' changes cheaply.
    public func revision() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT \(Store.lastAuditEntry)") ?? 0 }
    }

    /// The id of the last audit entry (0 when none), as an expression. `NOT INDEXED`: SQLite would
    /// otherwise look for the largest id through `audit_entity`, reading the whole index, which
    /// grows with every change (a millisecond at 20,000 entries, run every quarter second).
    static let lastAuditEntry = "(SELECT coalesce(max(id), 0) FROM audit NOT INDEXED)"

    /// ISO-8601 UTC with milliseconds, the one timestamp format in the file; sorts as text.
    static func timestamp(_ date: Date = Date()) -> String {
        // Whole milliseconds first: truncating `t - seconds` in floating point would write back
        // .302 for a stored .303, so a timestamp read and written again would drift.
        let totalMillis = (date.timeIntervalSince1970 * 1000).rounded()
        var seconds = time_t((totalMillis / 1000).rounded(.down))
        let millis = Int(totalMillis - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    /// The stored text form of a timestamp, for exports.
    public static func timestampText(_ date: Date) -> String { timestamp(date) }

    /// A stored timestamp read strictly: exactly the form `timestamp` writes, and a real moment
    /// (`2026-02-30T…` or hour 25 is nil, where `parseTimestamp` would roll it over or answer 1970).
    /// The same rule in SQL is `Schema.isTimestamp`.
    static func storedTimestamp(_ text: String) -> Date? {
        let shape = Array(text.utf8)
        guard shape.count == 24 else { return nil }
        for (i, byte) in shape.enumerated() {
            let expected: UInt8? = [4: 45, 7: 45, 10: 84, 13: 58, 16: 58, 19: 46, 23: 90][i]  // - - T : : . Z
            if let expected { guard byte == expected else { return nil } } else { guard (48...57).contains(byte) else { return nil } }
        }
        let date = parseTimestamp(text)
        // timegm rolls an impossible moment over; a real one writes back as it was read.
        guard timestamp(date).prefix(19) == text.prefix(19) else { return nil }
        return date
    }

    static func parseTimestamp(_ text: String) -> Date {
        var parts = tm()
        let fields = text.split(whereSeparator: { "-T:.Z".contains($0) }).compactMap { Int($0) }
        guard fields.count >= 6 else { return Date(timeIntervalSince1970: 0) }
        parts.tm_year = Int32(fields[0] - 1900)
        parts.tm_mon = Int32(fields[1] - 1)
        parts.tm_mday = Int32(fields[2])
        parts.tm_hour = Int32(fields[3])
        parts.tm_min = Int32(fields[4])
        parts.tm_sec = Int32(fields[5])
        let millis = fields.count > 6 ? Double(fields[6]) / 1000 : 0
        return Date(timeIntervalSince1970: Double(timegm(&parts)) + millis)
    }
}
