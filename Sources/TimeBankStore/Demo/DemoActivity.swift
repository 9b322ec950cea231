/// How busy the demo time bank is: how often each member helps someone, how many classes and
/// events run, how often members give hours to the pot and how often a broker puts an entry right.
/// A demo shows a young time bank; the benchmark needs an established one whose two years of
/// history come to about a million ledger entries at 100,000 members.
public struct DemoActivity: Sendable, Hashable {
    /// Times a year each active person with an offer helps someone (drawn once per member).
    public var helpsPerYear: ClosedRange<Int>
    /// One class or event a year for every this many members who were ever active.
    public var membersPerGroupActivity: Int
    /// The chance that a member gives some of their hours to the community pot (if they can spare them).
    public var donationChance: Double
    /// The chance that a broker reverses a recorded exchange within the week (entered twice, wrong member…).
    public var reversalChance: Double

    public init(helpsPerYear: ClosedRange<Int>, membersPerGroupActivity: Int, donationChance: Double, reversalChance: Double) {
        self.helpsPerYear = max(0, helpsPerYear.lowerBound)...max(0, helpsPerYear.upperBound)
        self.membersPerGroupActivity = max(1, membersPerGroupActivity)
        self.donationChance = donationChance
        self.reversalChance = reversalChance
    }

    /// `timebank demo`: a time bank in its first years (its tests and golden frames depend on it).
    public static let usual = DemoActivity(helpsPerYear: 4...8, membersPerGroupActivity: 12, donationChance: 0.04, reversalChance: 0.004)

    /// The benchmark's time bank: members help about monthly, a class or event runs each year for
    /// every eight members, and more gifts to the pot and corrections, as in a bank of many years' standing.
    public static let busy = DemoActivity(helpsPerYear: 7...14, membersPerGroupActivity: 8, donationChance: 0.12, reversalChance: 0.008)
}
