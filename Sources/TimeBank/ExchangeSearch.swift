import Foundation

/// One thing a ledger-wide search asks of an exchange. Every term of a search must hold.
public enum ExchangeSearchTerm: Hashable, Sendable {
    /// The member gave or received it.
    case member(Int)
    /// Its date of service is between these days, both included.
    case dates(from: CalendarDate, to: CalendarDate)
    /// It lasted exactly this long.
    case minutes(Minutes)
    /// A folded word that starts a word of the giver's or receiver's name (the community pot's too), or of its description
    /// (a reversal's reason included), category code or category name.
    case word(String)
}

/// What a broker typed to find an exchange in the whole ledger, read into terms:
///
/// - a bare number is a member number (`1005`);
/// - a date as the slip takes it (`today`, `yesterday`, `-3`, `28/11`, `28/11/2026`,
///   `2026-11-28`), a month (`2026-11`), or a range of either (`1/11..15/11`);
/// - a duration as the slip takes it, with its unit or separator (`1:30`, `1.5`, `1h30`, `90m`);
/// - anything else is words, folded as the member search folds them (`obrien` finds O'Brien).
///
/// Total on any input: other scripts' digits are words, control characters separate words,
/// and only the first `longestInput` characters and `mostTerms` terms are read.
public struct ExchangeSearch: Hashable, Sendable {
    public let terms: [ExchangeSearchTerm]

    public static let longestInput = 200
    public static let mostTerms = 8

    public init(terms: [ExchangeSearchTerm]) {
        self.terms = Array(terms.prefix(Self.mostTerms))
    }

    public var isEmpty: Bool { terms.isEmpty }

    public static func parse(_ text: String, today: CalendarDate) -> ExchangeSearch {
        var terms: [ExchangeSearchTerm] = []
        let tokens = String(text.prefix(longestInput)).split(whereSeparator: { c in
            c.isWhitespace || c.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
        })
        for token in tokens {
            for term in read(String(token), today: today) where !terms.contains(term) {
                terms.append(term)
            }
            if terms.count >= mostTerms { break }
        }
        return ExchangeSearch(terms: terms)
    }

    static func read(_ token: String, today: CalendarDate) -> [ExchangeSearchTerm] {
        let ascii = token.allSatisfy(\.isASCII)
        if ascii, !token.isEmpty, token.utf8.count <= 9, token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
           let n = Int(token), n > 0 {
            return [.member(n)]
        }
        if ascii, let range = dateRange(token, today: today) { return [.dates(from: range.from, to: range.to)] }
        if ascii, looksLikeDuration(token), let minutes = try? DurationParser.parse(token) { return [.minutes(minutes)] }
        return SearchText.words(token).map { .word($0) }
    }

    /// A day, a month, or `A..B` of either; nil when the token is not one.
    static func dateRange(_ token: String, today: CalendarDate) -> (from: CalendarDate, to: CalendarDate)? {
        if let dots = token.range(of: "..") {
            guard let a = period(String(token[..<dots.lowerBound]), today: today),
                  let b = period(String(token[dots.upperBound...]), today: today) else { return nil }
            return a.from <= b.from ? (a.from, b.to) : (b.from, a.to)
        }
        return period(token, today: today)
    }

    private static func period(_ text: String, today: CalendarDate) -> (from: CalendarDate, to: CalendarDate)? {
        let lower = text.lowercased()
        // "t" and "y" are the slip's shortcuts, but here they are the first letter of a word being typed.
        if lower == "today" || lower == "yesterday" || lower.contains(where: \.isNumber) {
            if let month = month(lower) { return month }
            if let day = try? DateParser.parse(lower, today: today) { return (day, day) }
        }
        return nil
    }

    /// `2026-11`: the whole month.
    private static func month(_ text: String) -> (from: CalendarDate, to: CalendarDate)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 4, parts[1].utf8.count == 2,
              let year = DateParser.number(parts[0], maxDigits: 4), let m = DateParser.number(parts[1], maxDigits: 2),
              let first = CalendarDate(year: year, month: m, day: 1) else { return nil }
        return (first, CalendarDate(dayNumber: first.dayNumber + CalendarDate.daysIn(month: m, year: year) - 1))
    }

    /// A duration carries a unit or separator: a bare number is a member number instead.
    private static func looksLikeDuration(_ token: String) -> Bool {
        guard let first = token.first, first.isNumber || first == "." else { return false }
        return token.contains { ":.,hm".contains($0) }
    }
}
