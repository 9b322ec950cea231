import TimeBank

/// The figures on the Today screen, all read from cached totals so they come back at once.
public struct TodayFigures: Hashable, Sendable {
    public var membersByStatus: [MemberStatus: Int]
    public var thisMonth: MonthFigures
    public var lastMonth: MonthFigures
    public var potBalanceMinutes: Minutes
    public var openNeeds: Int
    public var followUpsDue: Int
    public var vettingDueSoon: Int
    public var vettingExpired: Int

    public var totalMembers: Int { membersByStatus.values.reduce(0, +) }
}

/// Hours exchanged in one month: member-to-member, and the pot's grants and donations apart.
public struct MonthFigures: Hashable, Sendable {
    public var month: String
    public var exchanges: Int
    public var minutes: Minutes
    public var potMinutes: Minutes
}
