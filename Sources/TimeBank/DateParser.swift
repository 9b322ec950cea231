/// Why a date could not be read.
public enum DateInputError: Error, Equatable, CustomStringConvertible {
    case empty
    case unreadable(String)
    case noSuchDay(String)

    public var description: String {
        switch self {
        case .empty: return "Enter a date, for example today, yesterday, -3, 28/11 or 2026-11-28."
        case .unreadable(let s): return "'\(s)' is not a date; write today, yesterday, -3, 28/11/2026 or 2026-11-28."
        case .noSuchDay(let s): return "'\(s)' is not a day in the calendar."
        }
    }
}

/// Reads the date shortcuts brokers type: `today`, `yesterday`, `-3` (three days ago),
/// `28/11` (this year), `28/11/2026`, `28/11/26` and ISO `2026-11-28`.
///
/// Total: only ASCII digits count as digits (never `２`, `٢`, `Ⅻ` or `½`), every part has a
/// bounded length, and anything else is a one-sentence error, never a trap.
public enum DateParser {
    /// The longest text worth reading; anything longer is shown shortened in the error.
    static let longestInput = 40
    /// How far back `-N` may reach: ten years.
    static let furthestDaysBack = 3660

    public static func parse(_ input: String, today: CalendarDate) throws(DateInputError) -> CalendarDate {
        let trimmed = input.trimmingWhitespace()
        let shown = trimmed.count > longestInput ? String(trimmed.prefix(longestInput)) + "…" : trimmed
        let text = trimmed.lowercased()
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= longestInput else { throw .unreadable(shown) }
        switch text {
        case "today", "t": return today
        case "yesterday", "y": return today.adding(days: -1)
        default: break
        }
        if text.hasPrefix("-") {
            guard let n = number(text.dropFirst(), maxDigits: 4), n <= furthestDaysBack else { throw .unreadable(shown) }
            return today.adding(days: -n)
        }
        if text.contains("-") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].utf8.count == 4,
                  let year = number(parts[0], maxDigits: 4), let month = number(parts[1], maxDigits: 2),
                  let day = number(parts[2], maxDigits: 2) else {
                throw .unreadable(shown)
            }
            guard let d = CalendarDate(year: year, month: month, day: day) else { throw .noSuchDay(shown) }
            return d
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let day = number(parts[0], maxDigits: 2),
              let month = number(parts[1], maxDigits: 2) else {
            throw .unreadable(shown)
        }
        var year = today.year
        if parts.count == 3 {
            let digits = parts[2].utf8.count
            guard digits == 2 || digits == 4, let y = number(parts[2], maxDigits: 4) else { throw .unreadable(shown) }
            year = digits == 2 ? 2000 + y : y
        }
        guard let d = CalendarDate(year: year, month: month, day: day) else { throw .noSuchDay(shown) }
        return d
    }

    /// A whole number written in one to `maxDigits` ASCII digits, else nil.
    static func number(_ text: Substring, maxDigits: Int) -> Int? {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= maxDigits else { return nil }
        var n = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }
}
