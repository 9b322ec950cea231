import Foundation

/// Reads the period a broker typed. Every refusal is one sentence that says what is accepted.
public enum ReportPeriodParser {
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    static let accepted = "a month (2026-11), a quarter (2026-Q3), a year (2026) or a financial year (FY2026)"

    /// `2026-11`, `2026-Q3`, `2026`, `FY2026`, or a range `2026-01-05..2026-02-04`.
    public static func parse(_ raw: String, financialYearStartMonth: Int = 4) -> Result<ReportPeriod, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let shown = String(text.prefix(40))
        func refuse(_ why: String) -> Result<ReportPeriod, Problem> { .failure(Problem(message: why)) }
        if text.isEmpty { return refuse("A period is needed: \(accepted).") }
        if let dots = text.range(of: "..") {
            let a = String(text[..<dots.lowerBound]), b = String(text[dots.upperBound...])
            switch range(from: a, to: b) {
            case .success(let p): return .success(p)
            case .failure(let f): return .failure(f)
            }
        }
        let upper = text.uppercased()
        if upper.hasPrefix("FY") {
            guard let y = year(String(upper.dropFirst(2))),
                  let p = ReportPeriod.financialYear(y, startMonth: financialYearStartMonth) else {
                return refuse("'\(shown)' is not a financial year: write FY and four digits, such as FY2026.")
            }
            return .success(p)
        }
        if let y = year(text) {
            guard let p = ReportPeriod.year(y) else { return refuse("'\(shown)' is not a year the ledger can hold.") }
            return .success(p)
        }
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, let y = year(parts[0]) {
            if parts[1].hasPrefix("Q") {
                guard let q = digits(String(parts[1].dropFirst())), let p = ReportPeriod.quarter(y, q) else {
                    return refuse("'\(shown)' is not a quarter: quarters are Q1 to Q4, such as 2026-Q3.")
                }
                return .success(p)
            }
            guard parts[1].count == 2, let m = digits(parts[1]), let p = ReportPeriod.month(y, m) else {
                return refuse("'\(shown)' is not a month: months are 01 to 12, such as 2026-11.")
            }
            return .success(p)
        }
        if CalendarDate(iso: text) != nil {
            return refuse("'\(shown)' is a single date: give a range with --from and --to, or \(accepted).")
        }
        return refuse("'\(shown)' is not a period: give \(accepted).")
    }

    /// `--from D --to D`, both ISO dates, the first not after the last.
    public static func range(from a: String, to b: String) -> Result<ReportPeriod, Problem> {
        guard let first = CalendarDate(iso: a.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem(message: "'\(a.prefix(40))' is not a date: write YYYY-MM-DD, such as 2026-11-01."))
        }
        guard let last = CalendarDate(iso: b.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem(message: "'\(b.prefix(40))' is not a date: write YYYY-MM-DD, such as 2026-11-30."))
        }
        guard let p = ReportPeriod.range(first, last) else {
            return .failure(Problem(message: "The period's start \(first.iso) is after its end \(last.iso)."))
        }
        return .success(p)
    }

    private static func year(_ s: String) -> Int? {
        guard s.count == 4, let y = digits(s), y >= 1 else { return nil }
        return y
    }

    /// ASCII digits only: other scripts' digits are not a period.
    private static func digits(_ s: String) -> Int? {
        guard !s.isEmpty, s.count <= 4, s.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(s)
    }
}
