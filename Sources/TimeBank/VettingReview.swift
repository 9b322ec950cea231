/// When a completed vetting record is looked at again, if the broker does not say.
extension Vetting {
    /// The setting's default: safeguarding records are commonly renewed every three years.
    public static let defaultReviewYears = 3

    /// The record with its review date set `years` after `today` when everything required is
    /// in and no review date was given; otherwise unchanged (a typed date always stands).
    public func reviewDefaulted(today: CalendarDate, years: Int) -> Vetting {
        guard review == nil, years > 0, state(today: today) != .missing else { return self }
        var v = self
        v.review = today.adding(years: years)
        return v
    }
}

extension CalendarDate {
    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate {
        let y = year + years
        return CalendarDate(year: y, month: month, day: min(day, CalendarDate.daysIn(month: month, year: y))) ?? self
    }
}
