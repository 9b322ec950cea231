import TimeBank

/// What to generate: how many members, from which seed, with history ending when.
public struct DemoOptions: Sendable {
    public var members: Int
    public var seed: UInt64
    /// The day the history ends; fixed in tests so that a seed always gives the same file.
    public var today: CalendarDate
    /// Years of exchanges before today: one for a demo, two for the benchmark, so a year's
    /// report can be compared with the year before on real volume.
    public var years: Int
    /// How often members help each other, run classes, give to the pot and correct entries.
    public var activity: DemoActivity

    public init(members: Int = 300, seed: UInt64 = 1, today: CalendarDate = .today(), years: Int = 1, activity: DemoActivity = .usual) {
        self.members = members
        self.seed = seed
        self.today = today
        self.years = max(1, min(5, years))
        self.activity = activity
    }
}

/// What a demo load wrote, for the command line to report.
public struct DemoSummary: Sendable, Hashable {
    public var members: Int
    public var organisations: Int
    public var offers: Int
    public var needs: Int
    public var referrals: Int
    /// Ledger entries that are not reversals (member-to-member, welcome credits, donations, group entries).
    public var exchanges: Int
    public var reversals: Int
    public var groupActivities: Int

    public init(members: Int = 0, organisations: Int = 0, offers: Int = 0, needs: Int = 0, referrals: Int = 0,
                exchanges: Int = 0, reversals: Int = 0, groupActivities: Int = 0) {
        self.members = members
        self.organisations = organisations
        self.offers = offers
        self.needs = needs
        self.referrals = referrals
        self.exchanges = exchanges
        self.reversals = reversals
        self.groupActivities = groupActivities
    }
}
