/// Durations and balances are whole minutes: never floating point, so sums are exact.
public typealias Minutes = Int

public enum MinutesFormat {
    /// "1:30", "-0:45", "12:00".
    public static func clock(_ minutes: Minutes) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = minutes.magnitude
        let mm = m % 60
        return "\(sign)\(m / 60):\(mm < 10 ? "0" : "")\(mm)"
    }

    /// "+1:30" or "-1:30"; zero is "0:00".
    public static func signedClock(_ minutes: Minutes) -> String {
        minutes > 0 ? "+" + clock(minutes) : clock(minutes)
    }

    /// Decimal hours with two places for CSV/JSON ("1.50", "-0.25"), exact from integer minutes.
    public static func decimalHours(_ minutes: Minutes) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = minutes.magnitude
        let hundredths = (m % 60 * 100 + 30) / 60  // rounded to the nearest hundredth
        let whole = m / 60 + hundredths / 100
        let frac = hundredths % 100
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }
}
