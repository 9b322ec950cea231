import Foundation
import NcursesTerminal
import TerminalUI

/// Peak resident memory of a console session on the bench database: the console runs as a
/// separate process on a pseudo-terminal, is driven through its screens by keys, and its
/// VmHWM is read from /proc before it quits. The same runs time the real start-up, from
/// exec to Today's figures appearing on the terminal.
enum MemoryProbe {
    struct Session {
        var firstFrameMilliseconds: Double
        var peakKilobytes: Int
    }

    /// Keys a broker might press in a minute: every screen, a search, help, the command menu.
    static let keys: [String] = ["2", "/", "s", "m", "i", "t", "h", "\u{15}", "\u{1B}", "3", "4", "5", "6", "1", "?", "\u{1B}", ":", "\u{1B}", "2", "1"]

    static func run(command: [String], described: String, runs: Int) -> [Figure] {
        var sessions: [Session] = []
        var failure: String?
        for _ in 0..<runs {
            do {
                sessions.append(try session(command))
            } catch {
                failure = "\(error)"
                break
            }
        }
        let memory = Figure(name: "peak resident memory of a console session", unit: .megabytes,
                            summary: Summary(sessions.map { Double($0.peakKilobytes) / 1024 }), target: Targets.memory,
                            method: "VmHWM of \(described) on an 80x24 pty, driven through every screen, \(runs) sessions",
                            failure: failure)
        let startup = Figure(name: "start-up to first frame, real process", unit: .milliseconds,
                             summary: Summary(sessions.map(\.firstFrameMilliseconds)), target: nil,
                             method: "exec of \(described) until Today's figures reach the pty, \(runs) sessions",
                             failure: failure)
        return [startup, memory]
    }

    static func session(_ command: [String]) throws -> Session {
        let pty = try PseudoTerminal(size: Size(width: 80, height: 24))
        defer { pty.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: pty.slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        let started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        var screen = ""
        try waitFor("This month", in: &screen, pty: pty, process: process, seconds: 60)
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        for key in keys {
            pty.type(key)
            // Longer than the runner's 250 ms key wait and ncurses' escape delay, so every
            // key is taken alone and the screen it opens is drawn.
            Thread.sleep(forTimeInterval: 0.3)
            screen = String(decoding: pty.takeOutput(), as: UTF8.self)
        }
        guard let peak = peakKilobytes(of: process.processIdentifier) else {
            throw BenchFailure("could not read VmHWM of the console (pid \(process.processIdentifier)): \(screen.suffix(200))")
        }
        pty.type("q")
        let deadline = Date(timeIntervalSinceNow: 10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return Session(firstFrameMilliseconds: firstFrame, peakKilobytes: peak)
    }

    private static func waitFor(_ text: String, in screen: inout String, pty: PseudoTerminal, process: Process, seconds: Double) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !screen.contains(text) {
            guard process.isRunning else { throw BenchFailure("the console exited before drawing: \(screen.suffix(300))") }
            guard Date() < deadline else { throw BenchFailure("the console drew no '\(text)' within \(Int(seconds)) s") }
            Thread.sleep(forTimeInterval: 0.002)
            screen += String(decoding: pty.takeOutput(), as: UTF8.self)
        }
    }

    /// The high-water mark of resident memory, in kB, from /proc/PID/status (Linux).
    static func peakKilobytes(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }
}
