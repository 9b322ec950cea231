/// What the store reads from the ledger for one period; the figures are pure functions of it.

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

/// What a report needs to know of a member.
public struct ReportMember: Hashable, Sendable {
    public var number: Int
    public var name: String
    public var kind: MemberKind
    public var joined: CalendarDate
    public var area: String
    public var demographics: Demographics
    /// Whether the member agreed to be named (consent to share details).
    public var mayBeNamed: Bool
    /// The member's first original exchange with another member that was never reversed.
    public var firstExchange: CalendarDate?
    /// Minutes given to other members, originals less reversals, dated before the period.
    public var givenBefore: Minutes

    public init(number: Int, name: String = "", kind: MemberKind = .person, joined: CalendarDate, area: String = "",
                demographics: Demographics = Demographics(), mayBeNamed: Bool = false, firstExchange: CalendarDate? = nil,
                givenBefore: Minutes = 0) {
        self.number = number
        self.name = name
        self.kind = kind
        self.joined = joined
        self.area = area
        self.demographics = demographics
        self.mayBeNamed = mayBeNamed
        self.firstExchange = firstExchange
        self.givenBefore = givenBefore
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

/// Everything the figures of one period are computed from.
public struct ReportFacts: Sendable {
    public var period: ReportPeriod
    /// The day the report is made: members who joined fewer than 90 days before it are "too soon to tell".
    public var today: CalendarDate
    public var exchanges: [ReportExchange]
    /// Members who took part in the period's exchanges or joined in the period.
    public var members: [Int: ReportMember]
    /// Pairs (smaller number first) who exchanged before the period, not undone by its end.
    public var pairsBefore: Set<MemberPair>
    /// Hours from the pot to members (welcome credit, grants, volunteers credited), originals less reversals.
    public var potGrantedMinutes: Minutes
    /// Hours members gave to the pot, originals less reversals.
    public var potDonatedMinutes: Minutes
    /// Members whose status was changed to left on a date in the period.
    public var leftMembers: Int
    /// Needs opened in the period, and needs with a first referral or a done referral in it,
    /// and needs still open at its end.
    public var needs: [ReportNeed]
    /// Referrals declined or cancelled in the period.
    public var referralsDeclined: Int
    public var referralsCancelled: Int
    /// Members (not left) whose vetting review date fell before the period's end.
    public var vettingOverdue: Int
    /// Category code → (group, name), for the breakdown by category.
    public var categories: [String: ReportCategory]
    /// Members active in the period of the same length just before, for retention; nil when unknown.
    public var activeBefore: Set<Int>?

    public init(period: ReportPeriod, today: CalendarDate, exchanges: [ReportExchange] = [], members: [Int: ReportMember] = [:],
                pairsBefore: Set<MemberPair> = [], potGrantedMinutes: Minutes = 0, potDonatedMinutes: Minutes = 0, leftMembers: Int = 0,
                needs: [ReportNeed] = [], referralsDeclined: Int = 0, referralsCancelled: Int = 0, vettingOverdue: Int = 0,
                categories: [String: ReportCategory] = [:], activeBefore: Set<Int>? = nil) {
        self.period = period
        self.today = today
        self.exchanges = exchanges
        self.members = members
        self.pairsBefore = pairsBefore
        self.potGrantedMinutes = potGrantedMinutes
        self.potDonatedMinutes = potDonatedMinutes
        self.leftMembers = leftMembers
        self.needs = needs
        self.referralsDeclined = referralsDeclined
        self.referralsCancelled = referralsCancelled
        self.vettingOverdue = vettingOverdue
        self.categories = categories
        self.activeBefore = activeBefore
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
