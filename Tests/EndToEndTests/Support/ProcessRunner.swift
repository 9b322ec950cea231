import Foundation

/// What a finished process did.
struct RunResult: Sendable, CustomStringConvertible {
    var command: [String]
    /// The exit code, or the signal number when `signaled`.
    var status: Int32
    /// True when the process was ended by a signal (SIGKILL from a test, or the timeout).
    var signaled: Bool
    var stdout: String
    var stderr: String
    /// Wall-clock time from start to exit.
    var seconds: Double
    /// True when the runner killed it for running past its timeout.
    var timedOut: Bool

    var succeeded: Bool { !signaled && status == 0 }
    /// The exit code, or nil when a signal ended the process.
    var exitCode: Int32? { signaled ? nil : status }
    /// stderr split into lines, without the final empty one.
    var stderrLines: [String] { Self.lines(stderr) }
    var stdoutLines: [String] { Self.lines(stdout) }

    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    var description: String {
        let shown = command.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
        let how = timedOut ? "timed out" : signaled ? "killed by signal \(status)" : "exit \(status)"
        return "$ \(shown)\n→ \(how) in \(String(format: "%.2f", seconds)) s\n--- stdout:\n\(stdout.prefix(4000))\n--- stderr:\n\(stderr.prefix(4000))"
    }
}

/// A process started by a test: its pid for signals, and its result once it ends.
///
/// Started with `posix_spawn` rather than Foundation's `Process`, because the child must begin
/// with no blocked signals and default handlers: test-runner threads block most signals, and a
/// child that inherits that mask ignores SIGTERM, SIGHUP and SIGWINCH (tmux could not be killed,
/// resizes would never reach the program). Each child leads its own process group, so
/// `signalGroup` reaches a whole shell pipeline. stdout and stderr go to temporary files rather
/// than pipes, so a chatty child can never block on a full pipe while the test waits.
final class RunningProcess: @unchecked Sendable {
    let command: [String]
    private(set) var pid: pid_t = 0
    private let outPath: String
    private let errPath: String
    private let started = Date()
    private let lock = NSLock()
    private var ended: Date?
    private var rawStatus: Int32 = 0
    private var timedOut = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(executable: String, arguments: [String], environment: [String: String], stdin: String?, directory: String?, timeout: Double) throws {
        command = [executable] + arguments
        let tmp = NSTemporaryDirectory()
        let tag = UUID().uuidString.prefix(12)
        outPath = "\(tmp)/e2e-out-\(tag)"
        errPath = "\(tmp)/e2e-err-\(tag)"
        var inPath = "/dev/null"
        if let stdin {
            inPath = "\(tmp)/e2e-in-\(tag)"
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath))
        }
        defer { if stdin != nil { unlink(inPath) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        // posix_spawn_file_actions_addchdir_np is not visible from Swift: change folder through sh.
        var program = executable, words = [executable] + arguments
        if let directory {
            program = "/bin/sh"
            words = ["/bin/sh", "-c", "cd -- \"$0\" || exit 127; exec \"$@\"", directory] + words
        }
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, program, &actions, &attr, argv, envp)
        guard rc == 0 else { throw SupportError("cannot start \(executable): \(String(cString: strerror(rc)))") }
        pid = child
        let spawned = child
        let waiter = Thread { [self] in
            var status: Int32 = 0
            while waitpid(spawned, &status, 0) < 0 && errno == EINTR {}
            finish(status)
        }
        waiter.start()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak self] in self?.expire() }
    }

    private func finish(_ status: Int32) {
        let w: [CheckedContinuation<Void, Never>] = lock.withLock {
            ended = Date()
            rawStatus = status
            defer { waiters = [] }
            return waiters
        }
        for c in w { c.resume() }
    }

    private func expire() {
        let running = lock.withLock {
            if ended == nil { timedOut = true }
            return ended == nil
        }
        if running { kill(-pid, SIGKILL); kill(pid, SIGKILL) }
    }

    var isRunning: Bool { lock.withLock { ended == nil } }

    /// Sends a signal (SIGKILL, SIGTERM, SIGINT...) to the process, if it is still running.
    func signal(_ sig: Int32) {
        if isRunning { kill(pid, sig) }
    }

    /// Sends a signal to the process and everything it started (its process group).
    func signalGroup(_ sig: Int32) {
        kill(-pid, sig)
    }

    /// Waits for the process to end and collects what it wrote.
    func wait() async -> RunResult {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = lock.withLock {
                if ended != nil { return true }
                waiters.append(c)
                return false
            }
            if done { c.resume() }
        }
        let (seconds, timedOut, status) = lock.withLock { (ended!.timeIntervalSince(started), self.timedOut, rawStatus) }
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        unlink(outPath)
        unlink(errPath)
        let termSignal = status & 0x7f
        let signaled = termSignal != 0 && termSignal != 0x7f
        return RunResult(command: command, status: signaled ? termSignal : (status >> 8) & 0xff, signaled: signaled,
                         stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                         seconds: seconds, timedOut: timedOut)
    }
}

/// Runs programs as real OS processes with a controlled environment.
enum Run {
    /// The environment every child gets: the test's own, without `TIMEBANK_DB`, with `LANG`/`LC_ALL`
    /// set to C.UTF-8; then `overrides` applied (a nil value removes the variable).
    static func environment(_ overrides: [String: String?] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TIMEBANK_DB")
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        for (k, v) in overrides { env[k] = v }
        return env
    }

    /// Starts a program and returns at once; `wait()` on the result, or signal it first.
    static func start(_ executable: String, _ arguments: [String], environment overrides: [String: String?] = [:],
                      stdin: String? = nil, directory: String? = nil, timeout: Double = 60) throws -> RunningProcess {
        try RunningProcess(executable: executable, arguments: arguments, environment: environment(overrides), stdin: stdin,
                           directory: directory, timeout: timeout)
    }

    /// Runs a program to the end (or until `timeout` seconds, when it is killed).
    static func run(_ executable: String, _ arguments: [String], environment overrides: [String: String?] = [:],
                    stdin: String? = nil, directory: String? = nil, timeout: Double = 60) async throws -> RunResult {
        try await start(executable, arguments, environment: overrides, stdin: stdin, directory: directory, timeout: timeout).wait()
    }

    /// `bash -c script` with extra positional arguments `$1...`.
    static func bash(_ script: String, _ arguments: [String] = [], environment overrides: [String: String?] = [:],
                     directory: String? = nil, timeout: Double = 60) async throws -> RunResult {
        try await run("/bin/bash", ["-c", script, "bash"] + arguments, environment: overrides, directory: directory, timeout: timeout)
    }
}

/// The `timebank` command line on one database file.
///
///     let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
///     let r = try await tb.run("balance", "1001", "--format", "json")
struct TimeBankCLI: Sendable {
    /// Passed as `--db` after the subcommand words; nil to rely on the environment.
    var db: String?
    var environment: [String: String?] = [:]
    var timeout: Double = 60

    init(db: String?, environment: [String: String?] = [:]) {
        self.db = db
        self.environment = environment
    }

    /// Runs `timebank args... --db DB`.
    func run(_ arguments: String...) async throws -> RunResult {
        try await run(arguments)
    }

    func run(_ arguments: [String], stdin: String? = nil) async throws -> RunResult {
        try await Run.run(try Binary.timebank(), withDB(arguments), environment: environment, stdin: stdin, timeout: timeout)
    }

    /// Runs it without adding `--db`.
    func raw(_ arguments: [String]) async throws -> RunResult {
        try await Run.run(try Binary.timebank(), arguments, environment: environment, timeout: timeout)
    }

    func start(_ arguments: [String]) throws -> RunningProcess {
        try Run.start(try Binary.timebank(), withDB(arguments), environment: environment, timeout: timeout)
    }

    /// Runs and throws with the whole transcript unless it exits 0.
    @discardableResult
    func ok(_ arguments: String...) async throws -> RunResult {
        let r = try await run(arguments)
        guard r.succeeded else { throw SupportError("expected success:\n\(r)") }
        return r
    }

    func withDB(_ arguments: [String]) -> [String] {
        guard let db else { return arguments }
        return arguments + ["--db", db]
    }
}
