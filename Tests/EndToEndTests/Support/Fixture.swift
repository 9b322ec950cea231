import Foundation
import TimeBank
import TimeBankStore

/// Databases for the tests, and ways to look at them from outside.
enum Fixture {
    /// Fills an empty database with the demo time bank: `timebank demo --db PATH --members N --seed S`.
    static func demo(_ tb: TimeBankCLI, members: Int = 40, seed: Int = 7) async throws {
        let r = try await tb.run(["demo", "--members", String(members), "--seed", String(seed)])
        guard r.succeeded else { throw SupportError("timebank demo failed:\n\(r)") }
    }

    /// Active members (people and organisations who may take part in new exchanges), by number.
    static func activeMembers(_ tb: TimeBankCLI) async throws -> [Int] {
        let r = try await tb.run("members", "--format", "csv")
        guard r.succeeded else { throw SupportError("members failed:\n\(r)") }
        let t = try CSV.parse(r.stdout)
        return t.records.filter { $0["status"] == "active" }.compactMap { Int($0["number"] ?? "") }
    }

    /// Adds members directly through the store library, for the few tests that need exact names
    /// (the command line has no "add member" command yet). Signs in as the current Unix user.
    @discardableResult
    static func addMembers(db: String, names: [String], status: MemberStatus = .active) throws -> [Int] {
        let store = try Store(path: db)
        let me = try store.signIn(username: unixUser())
        return try names.map {
            try store.addMember(Member(name: $0, joined: CalendarDate(year: 2025, month: 1, day: 6)!, status: status), by: me).number
        }
    }

    static func unixUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    static var sqlite3: String? { Binary.onPath("sqlite3") }
    static var hledger: String? { Binary.onPath("hledger") }
    static var tmux: String? { Binary.onPath("tmux") }
    static var isRoot: Bool { geteuid() == 0 }

    /// Runs `sqlite3 PATH SQL`.
    static func sql(_ db: String, _ statement: String) async throws -> RunResult {
        guard let sqlite3 else { throw SupportError("sqlite3 is not installed") }
        return try await Run.run(sqlite3, [db, statement])
    }

    /// The ids in `export exchanges --format csv`, each once per row.
    static func exportedIDs(_ tb: TimeBankCLI) async throws -> [String] {
        let r = try await tb.run("export", "exchanges", "--format", "csv")
        guard r.succeeded else { throw SupportError("export failed:\n\(r)") }
        return try CSV.parse(r.stdout).column("id")
    }

    static func newUUID() -> String { UUID().uuidString.lowercased() }
}

/// What a database looks like from outside: its exchanges, its balances, and the file's bytes.
/// Used to prove a failed command changed nothing.
struct Snapshot: Equatable, CustomStringConvertible {
    var exchanges: String
    var balances: String
    var fileBytes: Data?
    var modified: Date?

    static func take(_ tb: TimeBankCLI) async throws -> Snapshot {
        let e = try await tb.run("export", "exchanges", "--format", "csv")
        let b = try await tb.run("balance", "--format", "csv")
        guard e.succeeded, b.succeeded else { throw SupportError("snapshot failed:\n\(e)\n\(b)") }
        let path = tb.db!
        let attrs = try? FileManager.default.attributesOfItem(atPath: path)
        return Snapshot(exchanges: e.stdout, balances: b.stdout, fileBytes: FileManager.default.contents(atPath: path),
                        modified: attrs?[.modificationDate] as? Date)
    }

    /// Only what the command line shows (for failures after which SQLite may legitimately touch the file).
    var contents: [String] { [exchanges, balances] }

    var description: String {
        "\(exchanges.split(separator: "\n").count - 1) exchanges, \(fileBytes?.count ?? -1) bytes, modified \(modified.map { "\($0.timeIntervalSince1970)" } ?? "?")"
    }
}
