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

    /// Words for a match reason: "free Tue mornings".
    public var phrase: String {
        var out: [String] = []
        for d in 0..<7 {
            let parts = Part.allCases.filter { contains(day: d, part: $0) }
            if parts.count == 3 { out.append(Self.dayNames[d]) } else if !parts.isEmpty {
                out.append(Self.dayNames[d] + " " + parts.map(\.short).joined(separator: "/"))
            }
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
