import Foundation

/// `timebank export exchanges` and `timebank export ledger` against sqlite3's own CSV dump of
/// the same table, in the same run, each a separate process writing to a file: wall time and
/// peak resident memory (the child's own VmHWM).
enum ExportProbe {
    struct Run {
        var milliseconds: Double
        var peakMegabytes: Double
    }

    static func run(database: String, timebank: String, repetitions: Int) throws -> [Figure] {
        guard let sqlite3 = onPath("sqlite3") else { throw ProbeError("sqlite3 is not installed") }
        let out = NSTemporaryDirectory() + "timebank-bench-export-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: out) }
        var dump: [Run] = [], exchanges: [Run] = [], ledger: [Run] = []
        // Interleaved, so machine noise falls on all three alike.
        for _ in 0..<repetitions {
            dump.append(try spawn([sqlite3, "-readonly", "-csv", "-header", database, "SELECT * FROM exchange"], stdout: out))
            exchanges.append(try spawn([timebank, "export", "exchanges", "--db", database], stdout: out))
            ledger.append(try spawn([timebank, "export", "ledger", "--db", database], stdout: out))
        }
        guard let base = Summary(dump.map(\.milliseconds)) else { throw ProbeError("no runs") }
        let within = Figure.Target(limit: 2 * base.median, statistic: .median)
        let method = "\(repetitions) runs each to a file, interleaved; target 2 × sqlite3's median in this run"
        return [
            Figure(name: "sqlite3 -csv dump of the exchange table", unit: .milliseconds, summary: base, target: nil,
                   method: "`sqlite3 -readonly -csv -header DB 'SELECT * FROM exchange'`, \(repetitions) runs"),
            Figure(name: "export exchanges (CSV)", unit: .milliseconds, summary: Summary(exchanges.map(\.milliseconds)), target: within, method: method),
            Figure(name: "export ledger (journal)", unit: .milliseconds, summary: Summary(ledger.map(\.milliseconds)), target: within, method: method),
            Figure(name: "sqlite3 dump, peak memory", unit: .megabytes, summary: Summary(dump.map(\.peakMegabytes)), target: nil,
                   method: "VmHWM of the sqlite3 process, read while it runs"),
            Figure(name: "export exchanges, peak memory", unit: .megabytes, summary: Summary(exchanges.map(\.peakMegabytes)), target: Targets.memory,
                   method: "VmHWM of the timebank process, read while it runs"),
            Figure(name: "export ledger, peak memory", unit: .megabytes, summary: Summary(ledger.map(\.peakMegabytes)), target: Targets.memory,
                   method: "VmHWM of the timebank process, read while it runs"),
        ]
    }

    static func spawn(_ argv: [String], stdout path: String) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cargs.append(nil)
        defer { for p in cargs { free(p) } }
        var pid = pid_t()
        let started = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
        guard rc == 0 else { throw ProbeError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        // ru_maxrss of a child spawned from this (large) process counts this process's memory
        // at the spawn, so the child's own high-water mark is read from /proc while it runs.
        var status: Int32 = 0
        var peakKilobytes = 0
        while true {
            let done = wait4(pid, &status, WNOHANG, nil)
            if done == pid { break }
            if done < 0, errno != EINTR { throw ProbeError("wait4 failed") }
            peakKilobytes = max(peakKilobytes, highWaterKilobytes(pid))
            usleep(2_000)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        guard status == 0 else { throw ProbeError("\(argv.joined(separator: " ")) exited with status \(status)") }
        return Run(milliseconds: elapsed, peakMegabytes: Double(peakKilobytes) / 1024)
    }

    /// VmHWM of a running process, in kB (0 once it has exited).
    static func highWaterKilobytes(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func onPath(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct ProbeError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
