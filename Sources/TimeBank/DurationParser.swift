import Foundation

/// Why a duration could not be read; each message is one sentence a broker can act on.
public enum DurationError: Error, Equatable, CustomStringConvertible {
    case empty
    case unreadable(String)
    case notWholeMinutes(String)
    case zero
    case tooLong(String)
    /// A bare 13 to 59 could be either: "13" is as likely 13 hours mistyped as 13 minutes.
    case needsUnit(Int)
    case negative(String)

    public var description: String {
        switch self {
        case .empty: return "Enter a duration, for example 1:30, 1.5, 1h30 or 90m."
        case .unreadable(let s): return "'\(s)' is not a duration; write it as 1:30, 1.5, 1h30 or 90m."
        case .notWholeMinutes(let s): return "'\(s)' is not a whole number of minutes."
        case .zero: return "A duration must be more than zero."
        case .tooLong(let s): return "'\(s)' is more than 24 hours, the longest one exchange can be."
        case .needsUnit(let n): return "'\(n)' could be \(n) minutes or \(n) hours; write \(n)m or \(n)h."
        case .negative(let s): return "'\(s)': hours cannot be negative; a mistake is put right by reversing its entry."
        }
    }
}

/// Reads what brokers type for a duration: `1:30`, `1.5`, `1h30`, `1h`, `90m`, `90` (a bare
/// whole number up to 12 is hours, from 60 minutes; 13 to 59 needs a unit, see `needsUnit`).
public enum DurationParser {
    public static let maximum: Minutes = 24 * 60
    /// Bare numbers that need a unit: above the 12 hours of a long day, below an hour in minutes.
    public static let ambiguousBareNumbers = 13...59

    public static func parse(_ input: String) throws(DurationError) -> Minutes {
        let text = input.trimmingWhitespace().lowercased().replacingOccurrences(of: " ", with: "")
        guard !text.isEmpty else { throw .empty }
        if text.hasPrefix("-") || text.hasPrefix("\u{2212}") { throw .negative(input.trimmingWhitespace()) }
        let minutes = try readMinutes(text, original: input)
        guard minutes > 0 else { throw .zero }
        guard minutes <= maximum else { throw .tooLong(input.trimmingWhitespace()) }
        return minutes
    }

    private static func readMinutes(_ text: String, original: String) throws(DurationError) -> Minutes {
        let shown = original.trimmingWhitespace()
        if let colon = text.firstIndex(of: ":") {
            let h = String(text[..<colon]), m = String(text[text.index(after: colon)...])
            guard let hours = digits(h), let mins = digits(m), m.count == 2, mins < 60 else { throw .unreadable(shown) }
            return hours * 60 + mins
        }
        if !text.contains("h"), let suffix = ["mins", "min", "m"].first(where: { text.hasSuffix($0) }) {
            guard let mins = digits(String(text.dropLast(suffix.count))) else { throw .unreadable(shown) }
            return mins
        }
        if let h = text.firstIndex(of: "h") {
            let hoursPart = String(text[..<h])
            var rest = String(text[text.index(after: h)...])
            for suffix in ["ours", "our", "rs", "r"] where rest.hasPrefix(suffix) { rest.removeFirst(suffix.count); break }
            if rest.hasSuffix("m") { rest.removeLast() }
            let wholeHours = try decimalHoursToMinutes(hoursPart, shown: shown)
            guard !rest.isEmpty else { return wholeHours }
            guard let mins = digits(rest), mins < 60, !hoursPart.contains(".") else { throw .unreadable(shown) }
            return wholeHours + mins
        }
        if text.contains(".") || text.contains(",") {
            return try decimalHoursToMinutes(text, shown: shown)
        }
        guard let n = digits(text) else { throw .unreadable(shown) }
        // At the desk "2" means two hours and "90" means minutes; "13" to "59" could be either,
        // and a wrong guess moves a member's balance by hours, so the broker is asked.
        if ambiguousBareNumbers.contains(n) { throw .needsUnit(n) }
        return n <= 12 ? n * 60 : n
    }

    private static func decimalHoursToMinutes(_ text: String, shown: String) throws(DurationError) -> Minutes {
        let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts[0].isEmpty ? 0 : digits(String(parts[0])) else { throw .unreadable(shown) }
        guard parts.count == 2 else { return whole * 60 }
        let fraction = String(parts[1])
        guard !fraction.isEmpty, fraction.count <= 4, let f = digits(fraction) else { throw .unreadable(shown) }
        var scale = 1
        for _ in 0..<fraction.count { scale *= 10 }
        let numerator = f * 60
        guard numerator % scale == 0 else { throw .notWholeMinutes(shown) }
        return whole * 60 + numerator / scale
    }

    private static func digits(_ s: String) -> Int? {
        guard !s.isEmpty, s.count <= 6, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }
}
