/// When someone is free: seven days by three parts of the day, as a bit set so that
/// overlap between a need and a helper is a single AND.
public struct Availability: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue & 0x1F_FFFF }

    public enum Part: Int, CaseIterable, Sendable {
        case morning, afternoon, evening
        public var short: String { ["mornings", "afternoons", "evenings"][rawValue] }
        public var code: String { ["am", "pm", "eve"][rawValue] }
    }

    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `day` 0 = Monday.
    public static func slot(day: Int, part: Part) -> Availability {
        Availability(rawValue: 1 << (day * 3 + part.rawValue))
    }

    public func contains(day: Int, part: Part) -> Bool { contains(.slot(day: day, part: part)) }

    public static let weekdays: Availability = {
        var a: Availability = []
        for d in 0..<5 { for p in Part.allCases { a.insert(.slot(day: d, part: p)) } }
        return a
    }()

    public static let anytime = Availability(rawValue: 0x1F_FFFF)

    /// "Mon am, Tue pm eve", the compact form used in forms, CSV and reasons.
    public var text: String {
        if self == .anytime { return "any time" }
        var out: [String] = []
        for d in 0..<7 {
            let parts = Part.allCases.filter { contains(day: d, part: $0) }
            if !parts.isEmpty { out.append(Self.dayNames[d] + " " + parts.map(\.code).joined(separator: " ")) }
        }
        return out.joined(separator: ", ")
    }

    /// Words for a match reason, short enough to read at a glance: "free Tue mornings",
    /// "free weekday evenings, weekends", "free Mon, Wed afternoons". Days free at the same
    /// parts of the day are named together.
    public var phrase: String {
        if self == .anytime { return "any time" }
        var groups: [(parts: [Part], days: [Int])] = []
        for d in 0..<7 {
            let parts = Part.allCases.filter { contains(day: d, part: $0) }
            guard !parts.isEmpty else { continue }
            if let i = groups.firstIndex(where: { $0.parts == parts }) { groups[i].days.append(d) } else { groups.append((parts, [d])) }
        }
        return groups.map { group in
            let whole = group.parts.count == Part.allCases.count
            let partWords = group.parts.map(\.short).joined(separator: "/")
            switch group.days {
            case [0, 1, 2, 3, 4]: return whole ? "weekdays" : "weekday \(partWords)"
            case [5, 6]: return whole ? "weekends" : "weekend \(partWords)"
            case Array(0..<7): return "\(partWords) every day"
            default:
                let days = Self.dayRanges(group.days)
                return whole ? days : "\(days) \(partWords)"
            }
        }.joined(separator: ", ")
    }

    /// "Mon–Wed, Fri": three or more days in a row as a range.
    static func dayRanges(_ days: [Int]) -> String {
        var out: [String] = []
        var start = 0
        while start < days.count {
            var end = start
            while end + 1 < days.count, days[end + 1] == days[end] + 1 { end += 1 }
            if end - start >= 2 {
                out.append("\(dayNames[days[start]])–\(dayNames[days[end]])")
            } else {
                out += days[start...end].map { dayNames[$0] }
            }
            start = end + 1
        }
        return out.joined(separator: ", ")
    }

    /// Reads the `text` form back ("Mon am pm, Sat", "any time", "weekdays").
    public init?(text: String) {
        let t = text.trimmingWhitespace().lowercased()
        if t.isEmpty { self = []; return }
        if t == "any time" || t == "anytime" { self = .anytime; return }
        if t == "weekdays" { self = .weekdays; return }
        var result: Availability = []
        for item in t.split(separator: ",") {
            let words = item.split(separator: " ").map(String.init)
            guard let first = words.first,
                  let day = Self.dayNames.firstIndex(where: { $0.lowercased() == String(first.prefix(3)) }) else { return nil }
            let parts = words.dropFirst()
            if parts.isEmpty {
                for p in Part.allCases { result.insert(.slot(day: day, part: p)) }
            }
            for word in parts {
                guard let p = Part.allCases.first(where: { $0.code == word || $0.short.hasPrefix(word) }) else { return nil }
                result.insert(.slot(day: day, part: p))
            }
        }
        self = result
    }
}
