/// What one period's figures are computed from, counted once per member (by slot of
/// `ReportPeople`) and per pair of members. Two readers fill it: from monthly aggregates for
/// whole months, and from every exchange for any range of days (`ReportTally(facts:people:)`,
/// where the definitions are written out). `ReportFigures.compute` turns it into figures.
public struct ReportTally: Sendable {
    public var period: ReportPeriod
    /// The day the report is made: members who joined fewer than 90 days before it are "too soon to tell".
    public var today: CalendarDate

    /// Every entry between members dated in the period, reversals negative, by month key and by
    /// category code ("" for none). A month or category appears when an entry touched it.
    public var byMonth: [String: ReportAmount] = [:]
    public var byCategory: [String: ReportAmount] = [:]

    /// What the figures need of the period's members, counted once (`MemberFigures`).
    public var members = MemberFigures()

    /// Distinct pairs of members with an original standing at the period's end dated in it; of
    /// those, pairs with none before the period standing at its end; and pairs with two or more.
    public var connections = 0
    public var newConnections = 0
    public var repeatPairs = 0
    /// Members (not organisations) who received a standing original from an organisation.
    public var peopleHelpedByOrganisations = 0
    /// Standing originals on referrals for needs that asked for a vetted helper, and of those,
    /// the ones whose helper's vetting was complete and in date on the date of service.
    public var vettedNeedExchanges = 0
    public var vettedNeedHelperVetted = 0

    /// Hours from the pot to members, and from members to the pot, originals less reversals.
    public var potGrantedMinutes: Minutes = 0
    public var potDonatedMinutes: Minutes = 0
    /// Members whose status was changed to left on a date in the period.
    public var leftMembers = 0
    public var needs = ReportNeedFigures()
    /// Members (not left) whose vetting review date fell before the period's end.
    public var vettingOverdue = 0
    /// Members who joined in the period, with their first exchange.
    public var joiners: [Joiner] = []
    /// Of the members active in the period of the same length just before, how many there were
    /// and how many are active in this one; nil when not known.
    public var retention: ReportRetention?

    public init(period: ReportPeriod, today: CalendarDate) {
        self.period = period
        self.today = today
    }

    public struct Joiner: Hashable, Sendable {
        public var number: Int
        public var joined: CalendarDate
        /// The member's first original exchange with another member that still stood when the
        /// member's first 90 days (`ReportFigures.activationDays`) ended.
        public var firstExchange: CalendarDate?
        public init(number: Int, joined: CalendarDate, firstExchange: CalendarDate?) {
            self.number = number
            self.joined = joined
            self.firstExchange = firstExchange
        }
    }
}

/// Of the members active in the period before, how many there were and how many are active again.
public struct ReportRetention: Hashable, Sendable {
    public var before: Int
    public var retained: Int
    public init(before: Int, retained: Int) {
        self.before = before
        self.retained = retained
    }

    /// From who was active in the period before and who is active now, by slot.
    public init(activeBefore: [Bool], activeNow: [Bool]) {
        var before = 0, retained = 0
        for s in activeBefore.indices where activeBefore[s] {
            before += 1
            if s < activeNow.count, activeNow[s] { retained += 1 }
        }
        self.init(before: before, retained: retained)
    }

    public var rate: Double? { before == 0 ? nil : Double(retained) / Double(before) }
}

/// Minutes and a count of entries, originals positive and reversals negative.
public struct ReportAmount: Hashable, Sendable {
    public var minutes: Minutes
    public var exchanges: Int
    public init(minutes: Minutes = 0, exchanges: Int = 0) {
        self.minutes = minutes
        self.exchanges = exchanges
    }
}

/// One member's figures of one period.
public struct MemberTally: Sendable {
    /// Every entry between members dated in the period, reversals negative against the original's giver / receiver.
    public var givenNet: Minutes = 0
    public var receivedNet: Minutes = 0
    /// Minutes of the originals dated in the period and standing at its end, given and received.
    public var givenStanding: Minutes = 0
    public var receivedStanding: Minutes = 0
    /// Minutes given to other members before the period, net; read only where `givenNet` > 0.
    public var givenBefore: Minutes = 0
    /// Distinct members exchanged with in standing originals dated in the period.
    public var partners: Int32 = 0
    /// Whether the member gave or received any entry between members dated in the period.
    public var touched = false

    public init() {}

    /// Adds a change to each figure (the store's corrections of what aggregates do not say);
    /// `touched` stays as it was.
    @inlinable
    public mutating func add(_ change: MemberTally) {
        givenNet += change.givenNet
        receivedNet += change.receivedNet
        givenStanding += change.givenStanding
        receivedStanding += change.receivedStanding
        givenBefore += change.givenBefore
        partners += change.partners
    }

    /// Active: giver or receiver of at least one original standing at the period's end (every
    /// exchange is of at least one minute, so minutes standing say it).
    @inlinable
    public var isActive: Bool { givenStanding > 0 || receivedStanding > 0 }
}

/// Per member of one period, by slot: one record per member, so a row of the aggregates is
/// counted in one place; what the figures need of them is then counted in `MemberFigures`.
public struct MemberTallies: Sendable {
    public var slots: [MemberTally]

    public init(count: Int) {
        slots = [MemberTally](repeating: MemberTally(), count: count)
    }

    public var count: Int { slots.count }

    /// Active: giver or receiver of at least one original standing at the period's end.
    @inlinable
    public func isActive(_ slot: Int) -> Bool { slots[slot].isActive }

    /// Every slot's activity, for retention in the next period.
    public var active: [Bool] { slots.map(\.isActive) }
}
