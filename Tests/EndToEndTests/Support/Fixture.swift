import Foundation
import TimeBank
import TimeBankStore

/// Databases for the tests, and ways to look at them from outside.
enum Fixture {
    /// Fills an empty database with the demo time bank: `timebank demo --db PATH --members N --seed S`.
    static func demo(_ tb: TimeBankCLI, members: Int = 40, seed: Int = 7) async throws {
        let r = try await tb.run(["demo", "--members", String(members), "--seed", String(seed)])
        guard r.succeeded else { throw SupportError("timebank demo failed:\n\(r)") }
        if let db = tb.db { try setPin(db: db) }
    }

    static let pin = "482916"

    /// Gives the Unix user's broker a PIN, so their console opens on Today rather than on
    /// choosing one. Few rounds: the tests check the console, `PinTests` the hashing.
    static func setPin(db: String, username: String? = nil) throws {
        let store = try Store(path: db)
        let me = try store.signIn(username: unixUser())
        try store.setPin(username: username ?? me.username, to: PinSecret(bytes: Array(pin.utf8)), by: me, iterations: 1000)
    }

    /// Closes a month through the store (the command line has no command for it yet), as the admin.
    static func closeMonth(db: String, _ month: String) throws {
        let store = try Store(path: db)
        let me = try store.signIn(username: unixUser())
        try store.closeMonth(month, by: me)
    }

    /// "YYYY-MM" of the month `offset` months from this one (negative is the past).
    static func month(offset: Int) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = .current
        let d = cal.date(byAdding: .month, value: offset, to: Date())!
        let c = cal.dateComponents([.year, .month], from: d)
        return String(format: "%04d-%02d", c.year!, c.month!)
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

/// What a database looks like through the command line: its exchanges and its balances.
/// Used to prove a failed command changed nothing.
struct Snapshot: Equatable {
    var exchanges: String
    var balances: String

    static func take(_ tb: TimeBankCLI) async throws -> Snapshot {
        let e = try await tb.run("export", "exchanges", "--format", "csv")
        let b = try await tb.run("balance", "--format", "csv")
        guard e.succeeded, b.succeeded else { throw SupportError("snapshot failed:\n\(e)\n\(b)") }
        return Snapshot(exchanges: e.stdout, balances: b.stdout)
    }

    var contents: [String] { [exchanges, balances] }
}
