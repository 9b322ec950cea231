/// Per-time-bank settings, kept in the database.
public struct Settings: Hashable, Sendable {
    public var timeBankName: String
    /// How far below zero a member may go before the broker must confirm: a positive number of minutes.
    public var creditLimitMinutes: Minutes
    /// Granted from the pot when a member becomes active; zero for none.
    public var welcomeCreditMinutes: Minutes
    /// A referral not moved for this many days is a follow-up.
    public var followUpDays: Int
    /// A need open this many days without a referral shows on Today.
    public var unmatchedNeedDays: Int
    /// How many days after today hours may be dated, for planned group events; 0 means none,
    /// since hours are recorded after they happen.
    public var futureDaysAllowed: Int = 0
    /// Minutes without a key before the console locks (1–60).
    public var idleLockMinutes: Int = 5
    /// The month (1–12) the financial year starts on its first day; April for UK charities.
    public var financialYearStartMonth: Int = 4
    /// Years from a completed vetting record to its review, unless a date is typed.
    public var vettingReviewYears: Int = Vetting.defaultReviewYears
    /// Years after a member left before Today lists them as due for erasure.
    public var retentionYearsAfterLeaving: Int = PrivacySettings().retentionYears

    public init(timeBankName: String = "Time Bank", creditLimitMinutes: Minutes = 10 * 60, welcomeCreditMinutes: Minutes = 2 * 60,
                followUpDays: Int = 7, unmatchedNeedDays: Int = 14) {
        self.timeBankName = timeBankName
        self.creditLimitMinutes = creditLimitMinutes
        self.welcomeCreditMinutes = welcomeCreditMinutes
        self.followUpDays = followUpDays
        self.unmatchedNeedDays = unmatchedNeedDays
    }
}
