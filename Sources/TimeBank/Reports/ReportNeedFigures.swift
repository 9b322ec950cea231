/// The needs and referrals figures of a period, counted from its needs (`ReportNeed`).
public struct ReportNeedFigures: Hashable, Sendable {
    /// Needs opened in the period.
    public var opened = 0
    /// Needs whose first done referral is dated in the period.
    public var met = 0
    /// For each need whose first referral is dated in the period, days from opening to it.
    public var daysToFirstReferral: [Int] = []
    /// For each need met in the period, days from opening to the first done referral.
    public var daysToDone: [Int] = []
    /// Needs not closed, opened more than 30 days before the period's end, and not met by then.
    public var openOver30Days = 0
    public var referralsDeclined = 0
    public var referralsCancelled = 0

    public init() {}

    /// The figures from the needs a figure may count: opened by the period's end and opened in
    /// it, not closed, or with a referral moved since it began.
    public init(needs: [ReportNeed], period: ReportPeriod, referralsDeclined: Int, referralsCancelled: Int) {
        let end = period.last
        opened = needs.filter { period.contains($0.opened) }.count
        met = needs.filter { $0.done.map(period.contains) ?? false }.count
        daysToFirstReferral = needs.compactMap { n in n.firstReferral.flatMap { period.contains($0) ? $0.days(since: n.opened) : nil } }
        daysToDone = needs.compactMap { n in n.done.flatMap { period.contains($0) ? $0.days(since: n.opened) : nil } }
        openOver30Days = needs.filter { n in
            !n.closed && n.opened.adding(days: ReportFigures.needWaitingDays) < end && !(n.done.map { $0 <= end } ?? false)
        }.count
        self.referralsDeclined = referralsDeclined
        self.referralsCancelled = referralsCancelled
    }
}
