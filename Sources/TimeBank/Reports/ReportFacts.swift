
/// An exchange between two members dated in the period. A reversal is given in the original's
/// direction (the original giver as `giver`) with negative minutes, so sums need no special case.
public struct ReportExchange: Hashable, Sendable {
    public var date: CalendarDate
    public var giver: Int
    public var receiver: Int
    public var minutes: Minutes
    public var category: String
    public var isReversal: Bool
    /// For an original: the date of the reversal that undid it, if any (whenever recorded).
    public var reversedOn: CalendarDate?
    /// For an original made on a referral for a need that asked for a vetted helper: whether
    /// the helper's vetting was complete and in date on the date of service.
    public var vettedNeed: Bool
    public var helperVetted: Bool

    public init(date: CalendarDate, giver: Int, receiver: Int, minutes: Minutes, category: String, isReversal: Bool = false,
                reversedOn: CalendarDate? = nil, vettedNeed: Bool = false, helperVetted: Bool = false) {
        self.date = date
        self.giver = giver
        self.receiver = receiver
        self.minutes = minutes
        self.category = category
        self.isReversal = isReversal
        self.reversedOn = reversedOn
        self.vettedNeed = vettedNeed
        self.helperVetted = helperVetted
    }
}

/// A need, with the dates of its referrals.
public struct ReportNeed: Hashable, Sendable {
    public var opened: CalendarDate
    public var firstReferral: CalendarDate?
    /// The first day a referral on it was marked done.
    public var done: CalendarDate?
    public var closed: Bool

    public init(opened: CalendarDate, firstReferral: CalendarDate? = nil, done: CalendarDate? = nil, closed: Bool = false) {
        self.opened = opened
        self.firstReferral = firstReferral
        self.done = done
        self.closed = closed
    }
}

/// The exchanges of a period as the ledger holds them, for a range of days that is not whole
/// months (whole months are read from monthly aggregates): `ReportTally(facts:people:)`.
public struct ReportFacts: Sendable {
    public var period: ReportPeriod
    public var exchanges: [ReportExchange]
    /// Pairs (smaller number first) who exchanged before the period, not undone by its end.
    public var pairsBefore: Set<MemberPair>
    /// Minutes each member who gave in the period had given other members before it, net.
    public var givenBefore: [Int: Minutes]

    public init(period: ReportPeriod, exchanges: [ReportExchange] = [], pairsBefore: Set<MemberPair> = [], givenBefore: [Int: Minutes] = [:]) {
        self.period = period
        self.exchanges = exchanges
        self.pairsBefore = pairsBefore
        self.givenBefore = givenBefore
    }
}

/// Two members who exchanged, in either direction: the smaller number first.
public struct MemberPair: Hashable, Sendable {
    public let a: Int
    public let b: Int
    public init(_ x: Int, _ y: Int) {
        a = min(x, y)
        b = max(x, y)
    }
}

/// A category's two levels, as the taxonomy names them.
public struct ReportCategory: Hashable, Sendable {
    public var group: String
    public var name: String
    public init(group: String, name: String) {
        self.group = group
        self.name = name
    }
}
