/// One figure's value, typed so every format writes it the same way: durations in whole
/// minutes, rates as fractions, counts as integers, and counts of people in a breakdown from
/// 1 to 4 suppressed as `<5` so no one can be singled out.
public enum ReportValue: Hashable, Sendable {
    case count(Int)
    /// A count of people in a breakdown: suppressed from 1 to 4.
    case people(Int)
    case minutes(Minutes)
    /// A fraction from 0 to 1; nil when there is nothing to divide by.
    case rate(Double?)
    /// A median number of days; nil when there is nothing to take it of.
    case days(Double?)
    /// A median or other measure that is neither a count nor a duration; nil when there is none.
    case measure(Double?)

    public static let suppressed = "<5"

    /// Whether the value is hidden to protect people in a small group.
    public var isSuppressed: Bool {
        if case .people(let n) = self { return (1...4).contains(n) }
        return false
    }

    /// The value as a number, for comparisons and charts; nil when there is none or it is hidden.
    public var number: Double? {
        switch self {
        case .count(let n), .minutes(let n): return Double(n)
        case .people(let n): return isSuppressed ? nil : Double(n)
        case .rate(let r), .days(let r), .measure(let r): return r
        }
    }

    /// The data-format text (csv and json): minutes, a fraction to four places, days to one place.
    public var data: String {
        switch self {
        case .count(let n), .minutes(let n): return String(n)
        case .people(let n): return isSuppressed ? Self.suppressed : String(n)
        case .rate(let r): return r.map { Self.fixed($0, places: 4) } ?? ""
        case .days(let d), .measure(let d): return d.map { Self.fixed($0, places: 1) } ?? ""
        }
    }

    /// The printed text (text and md): hours as H:MM, rates as whole percentages, counts grouped.
    public var printed: String {
        switch self {
        case .count(let n): return Self.grouped(n)
        case .people(let n): return isSuppressed ? Self.suppressed : Self.grouped(n)
        case .minutes(let m): return MinutesFormat.clock(m).groupedHours
        case .rate(let r): return r.map { Self.fixed($0 * 100, places: 0) + "%" } ?? "–"
        case .days(let d): return d.map { Self.fixed($0, places: 1) + " d" } ?? "–"
        case .measure(let d): return d.map { Self.fixed($0, places: 1) } ?? "–"
        }
    }

    /// The change from `before` to this value, printed; empty when either side has no number.
    public func change(from before: ReportValue?) -> String {
        guard let before, let now = number, let was = before.number else { return "" }
        switch self {
        case .count, .people: return Self.signed(Int(now - was), Self.grouped)
        case .minutes: return Self.signed(Int(now - was)) { MinutesFormat.clock($0).groupedHours }
        case .rate: return (now - was >= 0 ? "+" : "") + Self.fixed((now - was) * 100, places: 0) + " pt"
        case .days: return (now - was >= 0 ? "+" : "") + Self.fixed(now - was, places: 1) + " d"
        case .measure: return (now - was >= 0 ? "+" : "") + Self.fixed(now - was, places: 1)
        }
    }

    private static func signed(_ n: Int, _ f: (Int) -> String) -> String {
        n > 0 ? "+" + f(n) : n < 0 ? "-" + f(-n) : "0"
    }

    /// "12,345": thousands grouped with commas.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// A decimal with a fixed number of places, rounded half away from zero, without locale.
    static func fixed(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded()
        guard scaled < 9e15 else { return String(x) }
        let n = Int(scaled)
        let whole = n / Int(scale), frac = n % Int(scale)
        let sign = x < 0 && n != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: places - f.count) + f
    }
}

extension String {
    /// "1234:30" → "1,234:30": hours grouped like other counts.
    var groupedHours: String {
        guard let colon = firstIndex(of: ":") else { return self }
        let negative = hasPrefix("-")
        let hoursText = self[(negative ? index(after: startIndex) : startIndex)..<colon]
        guard let h = Int(hoursText) else { return self }
        return (negative ? "-" : "") + ReportValue.grouped(h) + self[colon...]
    }
}
