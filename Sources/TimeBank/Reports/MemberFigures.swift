/// What a period's figures need of its members, counted in one pass over them: who took part, in
/// which groups, with how many partners, and who passed a milestone. The store adds each member
/// as it reads them, or a whole `MemberTallies` at once; members are added in slot order, so the
/// sum of the reciprocity balance is made in the same order whichever way they were read.
public struct MemberFigures: Sendable {
    /// Active in the period, by slot (the next period's retention compares with it).
    public private(set) var active: [Bool] = []
    public private(set) var activeCount = 0
    public private(set) var givers = 0
    public private(set) var receivers = 0
    public private(set) var gaveAndReceived = 0
    /// Sum over active members of |given − received| ÷ (given + received), minutes standing.
    public private(set) var imbalance = 0.0
    public private(set) var serviceGiven: Minutes = 0
    public private(set) var serviceReceived: Minutes = 0
    public private(set) var serviceActive = 0
    public private(set) var organisationGiven: Minutes = 0
    public private(set) var organisationReceived: Minutes = 0
    /// Active members by number of partners: the median is read from these counts, not a sort.
    public private(set) var byPartners: [Int] = []
    /// By area code (`ReportPeople.area`) and by kind (0 person, 1 organisation): active members,
    /// minutes given and received, and whether any member of the group had an entry.
    public private(set) var areaActive: [Int] = []
    public private(set) var areaGiven: [Minutes] = []
    public private(set) var areaReceived: [Minutes] = []
    public private(set) var areaTouched: [Bool] = []
    public private(set) var kindActive = [0, 0]
    public private(set) var kindGiven: [Minutes] = [0, 0]
    public private(set) var kindReceived: [Minutes] = [0, 0]
    public private(set) var kindTouched = [false, false]
    /// Active members by code of each demographic breakdown (`ReportFigures.demographics` order):
    /// breakdown d's code c at `demographicCounts[demographicOffsets[d] + c]`.
    public private(set) var demographicCounts: [Int] = []
    public private(set) var demographicOffsets: [Int] = []
    /// Each breakdown's code by slot (the arrays of `ReportPeople`, shared, not copied).
    private var demographicCodes: [[Int32]] = []
    /// Members who passed a milestone of lifetime hours given in the period: (slot, hours).
    public private(set) var milestones: [(slot: Int, hours: Int)] = []

    /// None counted yet, for no one.
    public init() {}

    /// None counted yet, for the members of `people`.
    public init(people: ReportPeople) {
        active = [Bool](repeating: false, count: people.count)
        let areas = people.area.names.count
        areaActive = [Int](repeating: 0, count: areas)
        areaGiven = [Minutes](repeating: 0, count: areas)
        areaReceived = [Minutes](repeating: 0, count: areas)
        areaTouched = [Bool](repeating: false, count: areas)
        var offset = 0
        for dimension in ReportFigures.demographics(people) {
            demographicOffsets.append(offset)
            demographicCodes.append(dimension.codes.codes)
            offset += dimension.codes.names.count
        }
        demographicCounts = [Int](repeating: 0, count: offset)
    }

    /// Every member of `tallies`, in slot order.
    public init(people: ReportPeople, tallies: MemberTallies) {
        self.init(people: people)
        for (s, t) in tallies.slots.enumerated() { add(s, t, people: people) }
    }

    /// Counts one member of the period (slot `s`); a member with no entry counts nowhere.
    public mutating func add(_ s: Int, _ t: MemberTally, people: ReportPeople) {
        guard t.touched || t.isActive, active.indices.contains(s) else { return }
        let isOrg = people.isOrganisation[s], kind = isOrg ? 1 : 0
        let area = Int(people.area.codes[s])
        let given = t.givenNet, received = t.receivedNet
        areaGiven[area] += given
        areaReceived[area] += received
        areaTouched[area] = areaTouched[area] || t.touched
        kindGiven[kind] += given
        kindReceived[kind] += received
        kindTouched[kind] = kindTouched[kind] || t.touched
        if people.cameThroughService[s] {
            serviceGiven += given
            serviceReceived += received
        }
        if isOrg {
            organisationGiven += given
            organisationReceived += received
        }
        if given > 0 {
            let before = t.givenBefore, after = before + given
            for h in ReportFigures.milestoneHours where before < h * 60 && after >= h * 60 { milestones.append((s, h)) }
        }
        guard t.isActive else { return }
        active[s] = true
        activeCount += 1
        let gave = t.givenStanding > 0, got = t.receivedStanding > 0
        if gave { givers += 1 }
        if got { receivers += 1 }
        if gave && got { gaveAndReceived += 1 }
        let g = Double(t.givenStanding), r = Double(t.receivedStanding)
        if g + r > 0 { imbalance += abs(g - r) / (g + r) }
        if people.cameThroughService[s] { serviceActive += 1 }
        let p = max(Int(t.partners), 0)
        if p >= byPartners.count { byPartners += [Int](repeating: 0, count: p - byPartners.count + 1) }
        byPartners[p] += 1
        areaActive[area] += 1
        kindActive[kind] += 1
        for d in demographicCodes.indices where s < demographicCodes[d].count {
            demographicCounts[demographicOffsets[d] + Int(demographicCodes[d][s])] += 1
        }
    }
}
