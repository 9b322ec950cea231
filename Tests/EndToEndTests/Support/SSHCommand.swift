import Foundation

/// Runs one program to completion for the SSH tests (useradd, ssh-keygen, ssh, tmux, pgrep).
/// Named apart from the other end-to-end helpers so the two support sets never collide.
enum SSHCommand {
    struct Result: Sendable, CustomStringConvertible {
        var argv: [String]
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool

        var succeeded: Bool { status == 0 && !timedOut }

        var description: String {
            "$ \(argv.joined(separator: " "))\n→ \(timedOut ? "timed out" : "exit \(status)")\n--- stdout:\n\(stdout.prefix(3000))\n--- stderr:\n\(stderr.prefix(3000))"
        }
    }

    /// Runs `argv` on a dispatch thread, so waiting for it never holds a Swift concurrency thread.
    static func run(_ argv: [String], timeout: Double = 60) async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: runBlocking(argv, timeout: timeout)) }
        }
    }

    /// Runs and throws with the whole transcript when the program fails.
    @discardableResult
    static func check(_ argv: [String], timeout: Double = 60) async throws -> Result {
        let r = await run(argv, timeout: timeout)
        guard r.succeeded else { throw SSHTestError("a command failed:\n\(r)") }
        return r
    }

    /// Blocking form for clean-up, which must also run where `await` is not possible.
    static func runBlocking(_ argv: [String], timeout: Double = 60) -> Result {
        let folder = FileManager.default.temporaryDirectory
        let tag = UUID().uuidString.prefix(8)
        let outPath = folder.appendingPathComponent("tb-ssh-out-\(tag)").path
        let errPath = folder.appendingPathComponent("tb-ssh-err-\(tag)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let pid: pid_t
        do {
            pid = try spawn(argv, stdout: outPath, stderr: errPath)
        } catch {
            return Result(argv: argv, status: 127, stdout: "", stderr: "\(error)", timedOut: false)
        }
        var ended = wait(pid, timeout: timeout)
        let timedOut = ended == nil
        if timedOut {
            kill(pid, SIGKILL)
            ended = wait(pid, timeout: 10)
        }
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Result(argv: argv, status: ended ?? -1, stdout: out, stderr: err, timedOut: timedOut)
    }

    /// Starts `argv` with stdin from /dev/null and stdout, stderr into files (files rather than
    /// pipes: a chatty program can never block on a full pipe). posix_spawn and waitpid rather
    /// than Foundation's Process, whose exit notifications stalled with several tests waiting at once.
    static func spawn(_ argv: [String], stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        // The test runner's threads block signals such as SIGCHLD; a child inheriting that mask
        // (tmux, sshd) would never learn that its own children ended. Start it with none blocked
        // and every signal at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var arguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, &attributes, &arguments, environ)
        guard status == 0 else { throw SSHTestError("could not start \(argv[0]): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Waits for `pid` to end: its exit code, 128 + the signal that ended it, or nil on timeout.
    static func wait(_ pid: pid_t, timeout: Double) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
            if r < 0 && errno != EINTR { return -1 }
            if Date() >= deadline { return nil }
            usleep(10_000)
        }
    }

    /// The first of `names` that is an executable file, for tools outside PATH such as sshd.
    static func find(_ names: [String]) -> String? {
        names.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return find(path.split(separator: ":").map { "\($0)/\(name)" } + ["/usr/sbin/\(name)", "/usr/bin/\(name)"])
    }
}

/// A failure of the SSH test machinery, with what it saw.
struct SSHTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
