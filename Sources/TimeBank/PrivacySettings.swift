/// What the time bank's data protection lead decides: how long a member's personal data is kept
/// after they leave, and whether a subject-access export names the people they exchanged with.
public struct PrivacySettings: Hashable, Sendable {
    /// Years after a member left before Today lists them as due for erasure.
    public var retentionYears: Int
    /// Counterparties are other people's data: by default an export says "another member".
    public var namesCounterparties: Bool

    public init(retentionYears: Int = 6, namesCounterparties: Bool = false) {
        self.retentionYears = retentionYears
        self.namesCounterparties = namesCounterparties
    }

    /// The setting keys, as stored and as `timebank settings set KEY VALUE` takes them.
    public static let retentionKey = "retention_years_after_leaving"
    public static let namesCounterpartiesKey = "subject_access_names_counterparties"

    /// A member who left on `left` is due for erasure from this day on.
    public func erasureDue(leftOn left: CalendarDate) -> CalendarDate {
        let year = left.year + retentionYears
        let day = min(left.day, CalendarDate.daysIn(month: left.month, year: year))
        return CalendarDate(year: year, month: left.month, day: day) ?? left
    }
}
