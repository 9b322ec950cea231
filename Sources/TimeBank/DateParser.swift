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
public enum DateParser {
    public static func parse(_ input: String, today: CalendarDate) throws(DateInputError) -> CalendarDate {
        let text = input.trimmingWhitespace().lowercased()
        guard !text.isEmpty else { throw .empty }
        switch text {
        case "today", "t": return today
        case "yesterday", "y": return today.adding(days: -1)
        default: break
        }
        if text.hasPrefix("-"), let n = Int(text.dropFirst()), n >= 0, n <= 3660 {
            return today.adding(days: -n)
        }
        if text.contains("-") {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), parts[0].count == 4 else {
                throw .unreadable(input.trimmingWhitespace())
            }
            guard let d = CalendarDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!) else {
                throw .noSuchDay(input.trimmingWhitespace())
            }
            return d
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) else {
            throw .unreadable(input.trimmingWhitespace())
        }
        var year = today.year
        if parts.count == 3 {
            year = Int(parts[2])!
            if parts[2].count == 2 { year += 2000 } else if parts[2].count != 4 { throw .unreadable(input.trimmingWhitespace()) }
        }
        guard let d = CalendarDate(year: year, month: Int(parts[1])!, day: Int(parts[0])!) else {
            throw .noSuchDay(input.trimmingWhitespace())
        }
        return d
    }
}
