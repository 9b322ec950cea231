/// A period of a report: a range of dates of service, both ends included.
///
/// Brokers name periods the way funders do: a month (`2026-11`), a quarter (`2026-Q3`), a
/// calendar year (`2026`), a financial year (`FY2026`, starting in the month set in settings,
/// April by default, and named by the calendar year it starts in), or any range of dates.
public struct ReportPeriod: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case month, quarter, year, financialYear, range
    }

    public let kind: Kind
    public let first: CalendarDate
    public let last: CalendarDate

    /// The financial year's first month (1–12); only financial years use it.
    public let financialYearStartMonth: Int

    public init?(kind: Kind, first: CalendarDate, last: CalendarDate, financialYearStartMonth: Int = 4) {
        guard first <= last, (1...12).contains(financialYearStartMonth) else { return nil }
        self.kind = kind
        self.first = first
        self.last = last
        self.financialYearStartMonth = financialYearStartMonth
    }

    public static func month(_ year: Int, _ month: Int) -> ReportPeriod? {
        guard let first = CalendarDate(year: year, month: month, day: 1),
              let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)) else { return nil }
        return ReportPeriod(kind: .month, first: first, last: last)
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> ReportPeriod? {
        guard (1...4).contains(quarter), let start = month(year, quarter * 3 - 2), let end = month(year, quarter * 3) else { return nil }
        return ReportPeriod(kind: .quarter, first: start.first, last: end.last)
    }

    public static func year(_ year: Int) -> ReportPeriod? {
        guard let first = CalendarDate(year: year, month: 1, day: 1), let last = CalendarDate(year: year, month: 12, day: 31) else { return nil }
        return ReportPeriod(kind: .year, first: first, last: last)
    }

    /// The financial year that starts in `startMonth` of `year`.
    public static func financialYear(_ year: Int, startMonth: Int) -> ReportPeriod? {
        guard (1...12).contains(startMonth), let first = CalendarDate(year: year, month: startMonth, day: 1),
              year + 1 <= 9999 || startMonth == 1 else { return nil }
        let last = startMonth == 1 ? CalendarDate(year: year, month: 12, day: 31) : CalendarDate(year: year + 1, month: startMonth, day: 1)?.adding(days: -1)
        guard let last else { return nil }
        return ReportPeriod(kind: .financialYear, first: first, last: last, financialYearStartMonth: startMonth)
    }

    public static func range(_ first: CalendarDate, _ last: CalendarDate) -> ReportPeriod? {
        ReportPeriod(kind: .range, first: first, last: last)
    }

    /// The month, quarter, year or financial year that holds `date`.
    public static func containing(_ date: CalendarDate, kind: Kind, financialYearStartMonth: Int = 4) -> ReportPeriod {
        let found: ReportPeriod?
        switch kind {
        case .month, .range: found = month(date.year, date.month)
        case .quarter: found = quarter(date.year, (date.month + 2) / 3)
        case .year: found = year(date.year)
        case .financialYear:
            found = financialYear(date.month >= financialYearStartMonth ? date.year : date.year - 1, startMonth: financialYearStartMonth)
        }
        return found ?? ReportPeriod(day: date)
    }

    /// One day as a range: what `containing` falls back to for a date no calendar period can hold.
    init(day: CalendarDate) {
        kind = .range
        first = day
        last = day
        financialYearStartMonth = 4
    }

    public var days: Int { last.days(since: first) + 1 }

    /// The period of the same length just before: the month, quarter or year before, or as
    /// many days ending the day before a range starts.
    public var previous: ReportPeriod? {
        switch kind {
        case .month: return first.month == 1 ? .month(first.year - 1, 12) : .month(first.year, first.month - 1)
        case .quarter:
            let q = (first.month + 2) / 3
            return q == 1 ? .quarter(first.year - 1, 4) : .quarter(first.year, q - 1)
        case .year: return .year(first.year - 1)
        case .financialYear: return .financialYear(first.year - 1, startMonth: financialYearStartMonth)
        case .range:
            guard first.year > 1 || first.month > 1 || first.day > days else { return nil }
            return .range(first.adding(days: -days), first.adding(days: -1))
        }
    }

    /// The period of the same length just after; the console's "next".
    public var next: ReportPeriod? {
        switch kind {
        case .month: return first.month == 12 ? .month(first.year + 1, 1) : .month(first.year, first.month + 1)
        case .quarter:
            let q = (first.month + 2) / 3
            return q == 4 ? .quarter(first.year + 1, 1) : .quarter(first.year, q + 1)
        case .year: return .year(first.year + 1)
        case .financialYear: return .financialYear(first.year + 1, startMonth: financialYearStartMonth)
        case .range:
            guard last.year < 9999 || last.adding(days: days).year <= 9999 else { return nil }
            return .range(last.adding(days: 1), last.adding(days: days))
        }
    }

    /// The same dates a year earlier (29 February becomes the 28th).
    public var yearBefore: ReportPeriod? {
        switch kind {
        case .month: return .month(first.year - 1, first.month)
        case .quarter: return .quarter(first.year - 1, (first.month + 2) / 3)
        case .year: return .year(first.year - 1)
        case .financialYear: return .financialYear(first.year - 1, startMonth: financialYearStartMonth)
        case .range:
            func back(_ d: CalendarDate) -> CalendarDate? {
                CalendarDate(year: d.year - 1, month: d.month, day: min(d.day, CalendarDate.daysIn(month: d.month, year: d.year - 1)))
            }
            guard let a = back(first), let b = back(last) else { return nil }
            return .range(a, b)
        }
    }

    /// The text a broker types for this period: `2026-11`, `2026-Q3`, `2026`, `FY2026`, or `2026-01-05..2026-02-04`.
    public var code: String {
        switch kind {
        case .month: return first.monthKey
        case .quarter: return "\(Self.year4(first.year))-Q\((first.month + 2) / 3)"
        case .year: return Self.year4(first.year)
        case .financialYear: return "FY" + Self.year4(first.year)
        case .range: return first.iso + ".." + last.iso
        }
    }

    /// Words for a heading: "November 2026", "2026 Q3 (July–September)", "Financial year 2026/27".
    public var title: String {
        switch kind {
        case .month: return Self.monthNames[first.month - 1] + " " + Self.year4(first.year)
        case .quarter: return "\(Self.year4(first.year)) Q\((first.month + 2) / 3), \(Self.monthNames[first.month - 1]) to \(Self.monthNames[last.month - 1])"
        case .year: return "Year " + Self.year4(first.year)
        case .financialYear:
            return first.month == 1 ? "Financial year " + Self.year4(first.year)
                : "Financial year \(Self.year4(first.year))/\(Self.year4(last.year).suffix(2))"
        case .range: return first.iso + " to " + last.iso
        }
    }

    /// The month keys (`2026-07`) the period touches, in order.
    public var monthKeys: [String] {
        var keys: [String] = []
        var y = first.year, m = first.month
        while (y, m) <= (last.year, last.month) {
            keys.append(CalendarDate(year: y, month: m, day: 1)?.monthKey ?? "")
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        return keys
    }

    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func year4(_ y: Int) -> String {
        let s = String(y)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}
