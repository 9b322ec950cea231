/// When hours may be dated. Hours are recorded after the help happened, so a date after
/// today is a typing slip; a time bank may allow a few days ahead for planned group events.
public enum ServiceDate {
    /// The most days ahead a time bank's setting may allow.
    public static let mostFutureDaysAllowed = 31

    /// The rule, stated once: the console, the command line and the store all ask it.
    public static func check(_ date: CalendarDate, today: CalendarDate, futureDaysAllowed: Int) throws(LedgerError) {
        let allowed = min(max(futureDaysAllowed, 0), mostFutureDaysAllowed)
        guard date.days(since: today) <= allowed else { throw .futureDate(date, allowedDays: allowed) }
    }
}
