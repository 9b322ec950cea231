import Foundation
import TimeBank
import TimeBankStore

/// The database every probe measures: a busy demo time bank of N members with two years of
/// exchanges (about 1,000,000 at 100,000 members, so a year's report and the year before it are
/// measured on real volume), kept between runs because generating it takes minutes.
struct BenchDatabase {
    let path: String
    let store: Store
    let broker: Broker
    let members: Int
    let exchanges: Int

    static func defaultPath(members: Int) -> String {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        // Named after what it holds, so a file built by an earlier, quieter generator is not reused.
        return "\(folder)/timebank-bench-\(members)-2y-busy.sqlite"
    }

    /// Reuses `path` when it already holds exactly `members` members; otherwise builds it anew.
    static func prepare(path: String, members: Int, log: @escaping (String) -> Void) throws -> BenchDatabase {
        if FileManager.default.fileExists(atPath: path) {
            let existing = try Store(path: path)
            let count = try existing.members(MemberQuery(), limit: 1).total
            if count == members {
                log("Reusing \(path) (\(count) members).")
                return try open(existing, members: members)
            }
            log("\(path) holds \(count) members, not \(members); building it anew.")
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store(path: path)
        let broker = try store.signIn(username: unixUser(), displayName: "Benchmark")
        log("Building a demo time bank of \(members) members in \(path)…")
        var lastShown = ""
        let seconds = try Stopwatch.milliseconds {
            _ = try store.populateDemo(DemoOptions(members: members, seed: 1, years: 2, activity: .busy), by: broker) { phase, fraction in
                let shown = "\(phase) \(Int(fraction * 10) * 10)%"
                if shown != lastShown { log("  \(shown)") }
                lastShown = shown
            }
        } / 1000
        log(String(format: "Built in %.1f s.", seconds))
        return try open(store, members: members)
    }

    private static func open(_ store: Store, members: Int) throws -> BenchDatabase {
        let broker = try store.signIn(username: unixUser(), displayName: "Benchmark")
        return BenchDatabase(path: store.path, store: store, broker: broker, members: members, exchanges: try store.exchangeCount())
    }

    static func unixUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "bench"
    }
}
