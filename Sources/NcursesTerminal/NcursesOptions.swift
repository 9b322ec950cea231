#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to start ncurses. `fromEnvironment()` is what the real console uses;
/// tests spell the values out.
public struct NcursesOptions: Sendable, Equatable {
    /// The terminal type to try first; nil or empty means "TERM is not set".
    public var term: String?
    /// Tried in order when `term` has no terminfo entry.
    public var fallbackTerms: [String]
    /// True forces the monochrome theme (the `NO_COLOR` convention).
    public var noColour: Bool
    /// How long ncurses waits after ESC for the rest of a key's sequence.
    /// ncurses' default of a second makes Esc feel dead.
    public var escapeDelayMilliseconds: Int

    public static let defaultFallbackTerms = ["xterm-256color", "xterm", "vt100"]

    public init(
        term: String?,
        fallbackTerms: [String] = NcursesOptions.defaultFallbackTerms,
        noColour: Bool = false,
        escapeDelayMilliseconds: Int = 25
    ) {
        self.term = term
        self.fallbackTerms = fallbackTerms
        self.noColour = noColour
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
    }

    /// `TERM` and `NO_COLOR` (any non-empty value) from the process environment.
    public static func fromEnvironment() -> NcursesOptions {
        let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        return NcursesOptions(term: getenv("TERM").map { String(cString: $0) }, noColour: noColour)
    }
}

public enum NcursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// None of the terminal types has a terminfo entry on this machine.
    case noUsableTerminalType(tried: [String])
    /// The input or output descriptor could not be opened as a stream.
    case cannotOpenStream(descriptor: Int32, errno: Int32)

    public var description: String {
        switch self {
        case .noUsableTerminalType(let tried):
            return "No terminal description found for \(tried.map { "'\($0)'" }.joined(separator: ", ")); install ncurses-base or set TERM."
        case .cannotOpenStream(let descriptor, let error):
            return "Cannot open file descriptor \(descriptor) for the terminal: \(String(cString: strerror(error)))."
        }
    }
}
