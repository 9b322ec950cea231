extension ReportTally {
    /// The tally of a period counted from each of its exchanges, as the issue defines the figures.
    /// The monthly aggregates the store reads for whole months count the same things ahead of time.
    public init(facts: ReportFacts, people: ReportPeople, today: CalendarDate) {
        self.init(period: facts.period, today: today)
        let end = facts.period.last
        var members = MemberTallies(count: people.count)

        // Every entry between members: hours and exchanges, reversals negative, in the period of their own date.
        var monthKeyOf: [CalendarDate: String] = [:]
        for e in facts.exchanges {
            let key: String
            if let known = monthKeyOf[e.date] {
                key = known
            } else {
                key = e.date.monthKey
                monthKeyOf[e.date] = key
            }
            let n = e.isReversal ? -1 : 1
            byMonth[key, default: ReportAmount()].minutes += e.minutes
            byMonth[key, default: ReportAmount()].exchanges += n
            byCategory[e.category, default: ReportAmount()].minutes += e.minutes
            byCategory[e.category, default: ReportAmount()].exchanges += n
            if let g = people.slot(of: e.giver) {
                members.slots[g].givenNet += e.minutes
                members.slots[g].touched = true
                members.slots[g].givenBefore = facts.givenBefore[e.giver] ?? 0
            }
            if let r = people.slot(of: e.receiver) {
                members.slots[r].receivedNet += e.minutes
                members.slots[r].touched = true
            }
        }

        // Who took part: originals dated in the period that still stood at its end.
        var pairCounts: [MemberPair: Int] = [:]
        var helped = Set<Int>()
        for e in facts.exchanges where ReportTally.stands(e, at: end) {
            guard let g = people.slot(of: e.giver), let r = people.slot(of: e.receiver) else { continue }
            members.slots[g].givenStanding += e.minutes
            members.slots[r].receivedStanding += e.minutes
            pairCounts[MemberPair(e.giver, e.receiver), default: 0] += 1
            if people.isOrganisation[g] && !people.isOrganisation[r] { helped.insert(r) }
            if e.vettedNeed {
                vettedNeedExchanges += 1
                if e.helperVetted { vettedNeedHelperVetted += 1 }
            }
        }
        for pair in pairCounts.keys {
            if let a = people.slot(of: pair.a) { members.slots[a].partners += 1 }
            if let b = people.slot(of: pair.b) { members.slots[b].partners += 1 }
        }
        connections = pairCounts.count
        newConnections = pairCounts.keys.filter { !facts.pairsBefore.contains($0) }.count
        repeatPairs = pairCounts.values.filter { $0 >= 2 }.count
        peopleHelpedByOrganisations = helped.count
        self.members = MemberFigures(people: people, tallies: members)
    }

    /// An original that still stood at the period's end: not reversed on or before it.
    public static func stands(_ e: ReportExchange, at end: CalendarDate) -> Bool {
        guard !e.isReversal else { return false }
        if let r = e.reversedOn, r <= end { return false }
        return true
    }
}
