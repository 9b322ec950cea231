import Foundation

/// Drives a program in a real terminal: a private tmux server of a fixed size.
///
/// Each driver starts its own server on a private socket (`tmux -L <unique> -f /dev/null`), so
/// tests never see the user's tmux configuration, sessions or each other. The status line is off,
/// so the pane is exactly `width` x `height`; `remain-on-exit` is on, so the last screen and the
/// exit status of a program that ended can still be read.
///
///     try await withTmux(["/bin/cat"], width: 80, height: 24) { t in
///         try await t.type("hello")
///         try await t.press("Enter")
///         try await t.waitFor("hello")            // always wait for text before asserting
///         let screen = try await t.capture()       // the visible screen, one string
///         try await t.resize(width: 100, height: 30)
///         try await t.press("C-d")
///         let status = try await t.waitForExit()   // 0
///     }
///
/// Keys use tmux's names: `Enter`, `Escape`, `Tab`, `BTab` (Shift-Tab), `Up`, `Down`, `Left`,
/// `Right`, `Home`, `End`, `PageUp`/`PPage`, `PageDown`/`NPage`, `F1`...`F12`, `BSpace`, `DC`
/// (Delete), `C-a` (Ctrl-A), `M-x` (Alt-X), `Space`. `type(_:)` sends text literally.
final class Tmux: @unchecked Sendable {
    /// The private server's socket name (`tmux -L socket`).
    let socket: String
    /// The session (and target) name.
    let target = "main"
    let tmuxPath: String
    private(set) var width: Int
    private(set) var height: Int

    /// Starts `command` (argv; run without a shell) in a new detached session.
    /// - Parameters:
    ///   - term: `TERM` inside the pane (tmux-256color, screen, xterm-256color, vt100, linux...).
    ///   - lang: `LANG` and `LC_ALL` inside the pane.
    ///   - environment: more variables for the pane (e.g. `NO_COLOR`, `TIMEBANK_DB`).
    ///   - directory: the program's working folder.
    init(_ command: [String], width: Int = 80, height: Int = 24, term: String = "tmux-256color", lang: String = "C.UTF-8",
         environment: [String: String] = [:], directory: String? = nil) async throws {
        guard let tmux = Binary.onPath("tmux") else { throw SupportError("tmux is not installed") }
        tmuxPath = tmux
        socket = "tb-e2e-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        self.width = width
        self.height = height
        var env = ["TERM": term, "LANG": lang, "LC_ALL": lang]
        for (k, v) in environment { env[k] = v }
        var args = ["start-server", ";",
                    "set-option", "-g", "remain-on-exit", "on", ";",
                    "set-option", "-g", "status", "off", ";",
                    "set-option", "-g", "escape-time", "0", ";",
                    "set-option", "-g", "history-limit", "2000", ";",
                    // Without it the pane starts at another size and the first lines scroll away.
                    "set-option", "-g", "default-size", "\(width)x\(height)", ";",
                    // tmux sets TERM in the pane from this option, whatever `-e TERM=` says.
                    "set-option", "-g", "default-terminal", term, ";",
                    "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height)]
        if let directory { args += ["-c", directory] }
        for (k, v) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        // Several words are run directly as argv; a single word goes through /bin/sh, so quote it.
        args += command.count == 1 ? [Tmux.shellQuote(command[0])] : command
        let r = try await tmuxCommand(args, extraEnvironment: ["TERM": term])
        guard r.succeeded else { throw SupportError("tmux did not start:\n\(r)") }
    }

    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs one tmux command against this driver's private server.
    @discardableResult
    func tmuxCommand(_ arguments: [String], extraEnvironment: [String: String?] = [:]) async throws -> RunResult {
        var env = extraEnvironment
        env["TMUX"] = .some(nil)  // never talk to an enclosing tmux
        return try await Run.run(tmuxPath, ["-L", socket, "-f", "/dev/null"] + arguments, environment: env, timeout: 20)
    }

    @discardableResult
    private func checked(_ arguments: [String]) async throws -> RunResult {
        let r = try await tmuxCommand(arguments)
        guard r.succeeded else { throw SupportError("tmux \(arguments.first ?? "") failed:\n\(r)") }
        return r
    }

    /// Sends keys by tmux name, e.g. `press("C-s")`, `press("Down", "Down", "Enter")`.
    func press(_ keys: String...) async throws {
        try await checked(["send-keys", "-t", target] + keys)
    }

    /// Types text literally (no key-name lookup), e.g. a name with accents or CJK characters.
    func type(_ text: String) async throws {
        try await checked(["send-keys", "-t", target, "-l", "--", text])
    }

    /// The visible screen as text, one line per row, trailing blanks trimmed by tmux.
    /// With `history`, the lines scrolled off the top come first (once a program has ended,
    /// tmux's "Pane is dead" line may have scrolled the screen by one).
    func capture(history: Bool = false) async throws -> String {
        try await checked(["capture-pane", "-p", "-t", target] + (history ? ["-S", "-"] : [])).stdout
    }

    /// The visible screen with styles as escape sequences (`capture-pane -e`), to check bold/reverse/colour.
    func captureWithStyles() async throws -> String {
        try await checked(["capture-pane", "-p", "-e", "-t", target]).stdout
    }

    /// The screen's rows, exactly `height` of them.
    func lines() async throws -> [String] {
        var rows = RunResult.lines(try await capture())
        while rows.count < height { rows.append("") }
        return Array(rows.prefix(height))
    }

    /// A tmux format about the pane, e.g. `#{cursor_x}`, `#{pane_dead_status}`.
    func query(_ format: String) async throws -> String {
        try await checked(["display-message", "-p", "-t", target, format]).stdout.trimmingCharacters(in: .newlines)
    }

    /// Where the terminal cursor is (0-based column and row).
    func cursor() async throws -> (x: Int, y: Int) {
        let parts = try await query("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
        guard parts.count == 2 else { throw SupportError("cannot read the cursor position") }
        return (parts[0], parts[1])
    }

    /// Polls the screen until `predicate` holds; returns that screen, or throws with the last one seen.
    @discardableResult
    func waitUntil(timeout: Double = 5, pollEvery: Double = 0.05, _ what: String = "condition",
                   _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while true {
            screen = try await capture()
            if predicate(screen) { return screen }
            if Date() > deadline { break }
            try await Task.sleep(nanoseconds: UInt64(pollEvery * 1_000_000_000))
        }
        throw SupportError("waited \(timeout) s for \(what); the screen (\(width)x\(height)) was:\n\(screen)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) async throws -> String {
        try await waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `text` is no longer on the screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: Double = 5) async throws -> String {
        try await waitUntil(timeout: timeout, "\"\(text)\" to go away") { !$0.contains(text) }
    }

    /// Nil while the program runs; its exit status once it has ended, or -N when signal N ended it.
    /// tmux marks a pane dead when its terminal closes, a moment before it has reaped the
    /// process; the status is nil until then.
    func exitStatus() async throws -> Int? {
        let parts = try await query("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1" else { return nil }
        if let status = Int(parts[1]) { return status }
        if let signal = Int(parts[2]) { return -signal }
        // tmux 3.3a sometimes never reaps a pane's process (seen here: it stays a zombie and no status
        // ever shows). A zombie's status is still readable in /proc/PID/stat (field 52, exit_code).
        if let pid = Int32(try await query("#{pane_pid}")), let raw = Tmux.zombieExitCode(pid) {
            let signal = raw & 0x7f
            return signal == 0 ? (raw >> 8) & 0xff : -signal
        }
        return nil
    }

    /// The raw wait status of a zombie process, from /proc (Linux), or nil if it is not a zombie.
    static func zombieExitCode(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")  // fields 3...
        guard fields.count >= 50, fields[0] == "Z" else { return nil }
        return Int(fields[49].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: Double = 5) async throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() <= deadline {
            if let s = try await exitStatus() { return s }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        if try await query("#{pane_dead}") == "1" { return -1 }
        let pane = try await query("dead=#{pane_dead} pid=#{pane_pid} status=#{pane_dead_status} signal=#{pane_dead_signal}")
        let pid = Int32(pane.split(separator: " ")[1].dropFirst(4)) ?? 0
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").prefix(4).joined(separator: " ") ?? "gone"
        throw SupportError("the program did not exit within \(timeout) s (tmux: \(pane); /proc: \(state)); the screen was:\n\(try await capture())")
    }

    /// Resizes the terminal (the program gets SIGWINCH), then waits until tmux reports the new size.
    func resize(width: Int, height: Int) async throws {
        try await checked(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
        let deadline = Date().addingTimeInterval(5)
        while try await query("#{pane_width}x#{pane_height}") != "\(width)x\(height)" {
            guard Date() < deadline else { throw SupportError("tmux did not resize to \(width)x\(height)") }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    /// Ends the server and everything in it. Safe to call more than once.
    func kill() async {
        _ = try? await tmuxCommand(["kill-server"])
    }
}

/// Runs `body` with a fresh terminal running `command`, and always kills the tmux server afterwards.
func withTmux<T>(_ command: [String], width: Int = 80, height: Int = 24, term: String = "tmux-256color",
                 lang: String = "C.UTF-8", environment: [String: String] = [:], directory: String? = nil,
                 _ body: (Tmux) async throws -> T) async throws -> T {
    let t = try await Tmux(command, width: width, height: height, term: term, lang: lang, environment: environment, directory: directory)
    do {
        let result = try await body(t)
        await t.kill()
        return result
    } catch {
        await t.kill()
        throw error
    }
}
