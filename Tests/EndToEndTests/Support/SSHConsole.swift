import Foundation

/// One broker's terminal: a real `ssh -tt` client in its own session of a private tmux server,
/// 80x24, TERM=xterm-256color. Keys go in with `send-keys`, the screen comes back with
/// `capture-pane`. The pane stays after ssh exits, so its last screen and exit status can be read.
final class SSHConsole: @unchecked Sendable {
    let session: String
    let socket: String
    private let tmux: String

    init(name: String, socket: String, argv: [String]) async throws {
        guard let tmux = SSHCommand.onPath("tmux") else { throw SSHTestError("tmux is not installed") }
        self.tmux = tmux
        self.socket = socket
        session = name
        // The pane's shell prints how ssh ended: tmux does not always manage to reap a pane's
        // process, so its own exit status cannot be relied on.
        // A killed ssh leaves the terminal raw and mid-line, hence the explicit CR LF.
        let command = "TERM=xterm-256color " + argv.map(SSHConsole.quote).joined(separator: " ")
            + "; printf '\\r\\n\(SSHConsole.endMarker)%d]\\r\\n' $?"
        let r = await tmuxCommand(["start-server", ";",
                                   "set-option", "-g", "remain-on-exit", "on", ";",
                                   "set-option", "-g", "status", "off", ";",
                                   "set-option", "-g", "escape-time", "0", ";",
                                   "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command])
        guard r.succeeded else { throw SSHTestError("tmux did not start \(session):\n\(r)") }
    }

    static let endMarker = "[ssh exited "

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private func tmuxCommand(_ arguments: [String]) async -> SSHCommand.Result {
        await SSHCommand.run([tmux, "-L", socket, "-f", "/dev/null"] + arguments, timeout: 20)
    }

    /// Keys by tmux name (`Enter`, `Escape`, `C-u`) or literal text with `literal: true`.
    func press(_ keys: String..., literal: Bool = false) async throws {
        let r = await tmuxCommand(["send-keys", "-t", session] + (literal ? ["-l"] : []) + keys)
        guard r.succeeded else { throw SSHTestError("send-keys to \(session) failed:\n\(r)") }
        // A key right behind Esc would reach ncurses as Alt-key (its escape delay); a person
        // never types that fast, so the next key waits.
        if keys.last == "Escape" { try await Task.sleep(nanoseconds: 300_000_000) }
    }

    /// The visible screen; with `history`, everything the pane showed since it started (a
    /// program that printed and exited may have scrolled its first line away), with lines the
    /// terminal wrapped joined again and tmux's own "Pane is dead" note left out.
    func screen(history: Bool = false) async throws -> String {
        let r = await tmuxCommand(["capture-pane", "-p", "-t", session] + (history ? ["-J", "-S", "-"] : []))
        guard r.succeeded else { throw SSHTestError("capture-pane of \(session) failed:\n\(r)") }
        guard history else { return r.stdout }
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Pane is dead") && !$0.contains(SSHConsole.endMarker) }.joined(separator: "\n")
    }

    /// Waits for `text` on the screen and returns the screen; fails with the screen it last saw.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) async throws -> String {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var last = try await screen()
        while !last.contains(text) {
            guard Date() < deadline else { throw SSHTestError("'\(text)' did not appear on \(session) within \(Int(seconds)) s; the screen:\n\(last)") }
            try await Task.sleep(nanoseconds: 100_000_000)
            last = try await screen()
        }
        return last
    }

    /// Waits until `text` has left the screen (an overlay closed), so the next key cannot
    /// be read together with the previous one.
    func waitUntilGone(_ text: String, seconds: Double = 20) async throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var last = try await screen()
        while last.contains(text) {
            guard Date() < deadline else { throw SSHTestError("'\(text)' stayed on \(session) for \(Int(seconds)) s; the screen:\n\(last)") }
            try await Task.sleep(nanoseconds: 100_000_000)
            last = try await screen()
        }
    }

    private func paneFormat(_ format: String) async throws -> String {
        let r = await tmuxCommand(["display-message", "-p", "-t", session, format])
        guard r.succeeded else { throw SSHTestError("display-message for \(session) failed:\n\(r)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the ssh client: the only child of the pane's shell.
    func clientPID() async throws -> Int32 {
        guard let shell = Int32(try await paneFormat("#{pane_pid}")) else { throw SSHTestError("no pane pid for \(session)") }
        let children = await SSHCommand.run([SSHCommand.onPath("pgrep") ?? "/usr/bin/pgrep", "-P", String(shell)])
        guard let pid = children.stdout.split(separator: "\n").compactMap({ Int32($0) }).first else {
            throw SSHTestError("the pane of \(session) runs no ssh:\n\(children)")
        }
        return pid
    }

    /// How ssh ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): return "exit \(code)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    /// Waits for the pane's shell to report that ssh ended.
    func waitForExit(seconds: Double = 20) async throws -> Ending {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            let r = await tmuxCommand(["capture-pane", "-p", "-J", "-S", "-", "-t", session])
            if let line = r.stdout.split(separator: "\n").last(where: { $0.contains(SSHConsole.endMarker) }),
               let marker = line.range(of: SSHConsole.endMarker),
               let code = Int32(line[marker.upperBound...].prefix { $0.isNumber }) {
                return code > 128 ? .signalled(code - 128) : .exited(code)
            }
            guard Date() < deadline else { throw SSHTestError("ssh in \(session) still runs after \(Int(seconds)) s; the screen:\n\(try await screen())") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }

    /// Ends this broker's tmux session; the last console also ends the private server.
    func close() {
        _ = SSHCommand.runBlocking([tmux, "-L", socket, "-f", "/dev/null", "kill-session", "-t", session], timeout: 10)
        let left = SSHCommand.runBlocking([tmux, "-L", socket, "-f", "/dev/null", "list-sessions"], timeout: 10)
        if !left.succeeded || left.stdout.isEmpty {
            _ = SSHCommand.runBlocking([tmux, "-L", socket, "-f", "/dev/null", "kill-server"], timeout: 10)
        }
    }
}
