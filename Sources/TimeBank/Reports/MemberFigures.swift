/// What a period's figures need of its members, counted in one pass over them: who took part, in
/// which groups, with how many partners, and who passed a milestone. The store adds each member
/// as it reads them, or a whole `MemberTallies` at once; members are added in slot order, so the
/// sum of the reciprocity balance is made in the same order whichever way they were read.
public struct MemberFigures: Sendable {
    /// Active in the period, by slot (the next period's retention compares with it).
    public private(set) var active: [Bool] = []
    /// The slots of the active members, ascending (their demographics are counted over these).
    public private(set) var activeSlots: [Int32] = []
    public private(set) var activeCount = 0
    public private(set) var givers = 0
    public private(set) var receivers = 0
    public private(set) var gaveAndReceived = 0
    /// Sum over active members of |given − received| ÷ (given + received), minutes standing.
    public private(set) var imbalance = 0.0
    public private(set) var serviceGiven: Minutes = 0
    public private(set) var serviceReceived: Minutes = 0
    public private(set) var serviceActive = 0
    /// Active members by number of partners: the median is read from these counts, not a sort.
    public private(set) var byPartners: [Int] = []
    /// By area code (`ReportPeople.area`), and for people and for organisations.
    public private(set) var areas: [Group] = []
    public private(set) var people = Group()
    public private(set) var organisations = Group()
    /// Members who passed a milestone of lifetime hours given in the period: (slot, hours).
    public private(set) var milestones: [(slot: Int, hours: Int)] = []

    /// A group's active members, minutes given and received (net), and whether any member of it
    /// had an entry in the period.
    public struct Group: Sendable {
        public var active = 0
        public var given: Minutes = 0
        public var received: Minutes = 0
        public var touched = false
    }

    /// None counted yet, for no one.
    public init() {}

    /// None counted yet, for the members of `people`.
    public init(people: ReportPeople) {
        active = [Bool](repeating: false, count: people.count)
        areas = [Group](repeating: Group(), count: people.area.names.count)
    }

    /// Every member of `tallies`, in slot order.
    public init(people: ReportPeople, tallies: MemberTallies) {
        self.init(people: people)
        for (s, t) in tallies.slots.enumerated() { add(s, t, people: people) }
    }

    /// Counts one member of the period (slot `s`); a member with no entry counts nowhere.
    /// Called for each of a period's members (60,000 a month at 100,000 members): each group is
    /// changed with one access.
    public mutating func add(_ s: Int, _ t: MemberTally, people members: ReportPeople) {
        let isActive = t.isActive
        guard t.touched || isActive, s >= 0, s < active.count else { return }
        let isOrganisation = members.isOrganisation[s], cameThroughService = members.cameThroughService[s]
        let area = Int(members.area.codes[s])
        let given = t.givenNet, received = t.receivedNet
        if isOrganisation {
            organisations.add(given: given, received: received, touched: t.touched, active: isActive)
        } else {
            people.add(given: given, received: received, touched: t.touched, active: isActive)
        }
        if area >= 0 && area < areas.count { areas[area].add(given: given, received: received, touched: t.touched, active: isActive) }
        if cameThroughService {
            serviceGiven += given
            serviceReceived += received
        }
        // Most members pass no milestone: only those whose total moved across 10 to 250 hours look.
        if given > 0 {
            let before = t.givenBefore, after = before + given
            if after >= Self.firstMilestoneMinutes && before < Self.lastMilestoneMinutes {
                for h in ReportFigures.milestoneHours where before < h * 60 && after >= h * 60 { milestones.append((s, h)) }
            }
        }
        guard isActive else { return }
        active[s] = true
        activeSlots.append(Int32(truncatingIfNeeded: s))
        activeCount += 1
        let gave = t.givenStanding > 0, got = t.receivedStanding > 0
        if gave { givers += 1 }
        if got { receivers += 1 }
        if gave && got { gaveAndReceived += 1 }
        let g = Double(t.givenStanding), r = Double(t.receivedStanding)
        if g + r > 0 { imbalance += abs(g - r) / (g + r) }
        if cameThroughService { serviceActive += 1 }
        let p = max(Int(t.partners), 0)
        if p >= byPartners.count { byPartners += [Int](repeating: 0, count: p - byPartners.count + 1) }
        byPartners[p] += 1
    }

    static let firstMilestoneMinutes = (ReportFigures.milestoneHours.min() ?? 0) * 60
    static let lastMilestoneMinutes = (ReportFigures.milestoneHours.max() ?? 0) * 60
}

extension MemberFigures.Group {
    mutating func add(given: Minutes, received: Minutes, touched: Bool, active: Bool) {
        self.given += given
        self.received += received
        self.touched = self.touched || touched
        if active { self.active += 1 }
    }
}
