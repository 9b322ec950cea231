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

    /// Reads what a broker types, which is what the form's hint suggests: the `text` form
    /// ("Mon am pm, Sat"), `any time`, `weekdays`, `weekends`, day names in full or as ranges
    /// (`Mon-Fri`), parts of the day alone (`evenings`: every day), and mixes of these separated
    /// by commas or semicolons (`weekdays eve; Sat am`). Nil when a word is not a day or a part.
    public init?(text: String) {
        self = []
        for item in text.lowercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "·" }) {
            guard let slots = Self.item(String(item)) else { return nil }
            formUnion(slots)
        }
    }

    /// One comma-separated item: the days it names at the parts of the day it names, either
    /// defaulting to all when left out; nil when it names nothing it understands.
    private static func item(_ item: String) -> Availability? {
        let words = item.split(whereSeparator: \.isWhitespace).map(String.init).filter { $0 != "and" && $0 != "&" }
        var days: Set<Int> = [], parts: Set<Part> = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let next = index + 1 < words.count ? words[index + 1] : ""
            if (word == "any" || word == "every" || word == "all") && (next == "time" || next == "day" || next == "days") {
                if word != "all" || next != "day" { days.formUnion(0..<7) }
                index += 2
                continue
            }
            index += 1
            if let named = Self.days(named: word) {
                days.formUnion(named)
            } else if let part = Part.allCases.first(where: { $0.code == word || (word.count >= 3 && $0.short.hasPrefix(word)) }) {
                parts.insert(part)
            } else {
                return nil
            }
        }
        if days.isEmpty && parts.isEmpty { return words.isEmpty ? [] : nil }
        if days.isEmpty { days = Set(0..<7) }
        if parts.isEmpty { parts = Set(Part.allCases) }
        var result: Availability = []
        for d in days { for p in parts { result.insert(.slot(day: d, part: p)) } }
        return result
    }

    private static let fullDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The days one word names: `weekdays`, `weekends`, `anytime`, `daily`, a day (`sat`,
    /// `saturday`, `saturdays`, `tues`, `thurs`) or a range of days (`mon-fri`).
    private static func days(named word: String) -> Set<Int>? {
        switch word {
        case "weekdays", "weekday": return Set(0..<5)
        case "weekends", "weekend": return [5, 6]
        case "anytime", "daily", "everyday": return Set(0..<7)
        default: break
        }
        let ends = word.split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        if ends.count == 2, let from = day(ends[0]), let to = day(ends[1]) {
            return from <= to ? Set(from...to) : Set(from..<7).union(0...to)
        }
        return day(word).map { [$0] }
    }

    /// 0 for "mon", "monday" or "mondays"; nil for anything else.
    private static func day(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return fullDayNames.firstIndex { ($0 + "s").hasPrefix(word) }
    }
}
