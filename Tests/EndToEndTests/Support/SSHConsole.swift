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
        // exec: the pane's process is the ssh client itself, so killing the pane's pid kills ssh.
        let command = "TERM=xterm-256color exec " + argv.map(SSHConsole.quote).joined(separator: " ")
        let r = await tmuxCommand(["start-server", ";",
                                   "set-option", "-g", "remain-on-exit", "on", ";",
                                   "set-option", "-g", "status", "off", ";",
                                   "set-option", "-g", "escape-time", "0", ";",
                                   "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command])
        guard r.succeeded else { throw SSHTestError("tmux did not start \(session):\n\(r)") }
    }

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
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Pane is dead") }.joined(separator: "\n")
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

    private func paneFormat(_ format: String) async throws -> String {
        let r = await tmuxCommand(["display-message", "-p", "-t", session, format])
        guard r.succeeded else { throw SSHTestError("display-message for \(session) failed:\n\(r)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the ssh client (the pane's process, thanks to exec).
    func clientPID() async throws -> Int32 {
        guard let pid = Int32(try await paneFormat("#{pane_pid}")) else { throw SSHTestError("no pane pid for \(session)") }
        return pid
    }

    /// How the pane's program ended.
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

    /// Waits for ssh to end. tmux may see the pty close before it has reaped the process, so
    /// this waits for the exit status or signal itself, not just for the pane to be dead.
    func waitForExit(seconds: Double = 20) async throws -> Ending {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while true {
            let fields = try await paneFormat("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").split(separator: "|", omittingEmptySubsequences: false)
            if fields.count == 3, fields[0] == "1" {
                if let signal = Int32(fields[2]), signal > 0 { return .signalled(signal) }
                if let code = Int32(fields[1]) { return .exited(code) }
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
