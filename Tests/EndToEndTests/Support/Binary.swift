import Foundation

/// Where the package and its built `timebank` executable are.
///
/// The end-to-end tests run the real binary as a separate OS process, exactly as a broker's
/// shell or a script would. They never build it themselves: run `swift build` first
/// (`.ci/run` does).
enum Binary {
    /// The package root: three folders up from this file (Tests/EndToEndTests/Support/Binary.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `.build/debug/timebank`, or `$TIMEBANK_BINARY` when set (to test another build).
    static var timebankPath: String {
        if let override = ProcessInfo.processInfo.environment["TIMEBANK_BINARY"], !override.isEmpty { return override }
        return packageRoot.appendingPathComponent(".build/debug/timebank").path
    }

    /// The binary's path, or an error that says how to get one.
    static func timebank() throws -> String {
        let path = timebankPath
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportError("The timebank binary is missing at \(path); run `swift build` in \(packageRoot.path) before `swift test` (.ci/run does).")
        }
        return path
    }

    /// The first executable called `name` on PATH (e.g. sqlite3, hledger, tmux), or nil.
    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A failure of the test support itself (missing binary, a tool that timed out...), with a readable message.
struct SupportError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
