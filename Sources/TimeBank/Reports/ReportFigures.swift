/// The figures of one period, computed from its tally exactly as the issue defines them.
/// Pure: the same tally gives the same figures, in the same order, every time.
public struct ReportFigures: Sendable {
    public var period: ReportPeriod
    public var rows: [ReportRow]
    /// Members who passed a milestone of lifetime hours given, for thank-you letters; only
    /// those who agreed to be named appear here, the rest are in the counts.
    public var namedMilestones: [Milestone]

    public struct Milestone: Hashable, Sendable {
        public var number: Int
        public var name: String
        public var hours: Int
    }

    /// Lifetime hours given that earn a thank-you.
    public static let milestoneHours = [10, 25, 50, 100, 250]
    /// A new member is "activated" by a first exchange within this many days of joining.
    public static let activationDays = 90
    /// A need open longer than this at the period's end is counted as waiting.
    public static let needWaitingDays = 30

    public init(period: ReportPeriod, rows: [ReportRow], namedMilestones: [Milestone]) {
        self.period = period
        self.rows = rows
        self.namedMilestones = namedMilestones
    }

    public func value(_ figure: String, section: ReportSection? = nil, breakdown: String = "") -> ReportValue? {
        rows.first { $0.figure == figure && $0.breakdown == breakdown && (section == nil || $0.section == section) }?.value
    }

    /// Members who passed a milestone of lifetime hours given in the period: (slot, hours), each
    /// milestone a member passed. Minutes given are net, so a reversal can take someone back under.
    public static func milestonesPassed(_ tally: ReportTally) -> [(slot: Int, hours: Int)] { tally.members.milestones }

    /// The demographic breakdowns of active members, each with its figure and its codes by slot.
    static func demographics(_ people: ReportPeople) -> [(figure: String, codes: ReportCodes)] {
        [("active_members_by_age_band", people.ageBand), ("active_members_by_gender", people.gender),
         ("active_members_by_ethnicity", people.ethnicity), ("active_members_by_disability", people.disability),
         ("active_members_by_came_through", people.cameThrough)]
    }

    /// The figures of a period from its tally. `names` names the members who passed a milestone
    /// and may be named; nil for a period only compared with another, whose members are counted,
    /// never named. `categories` gives each category code its group.
    public static func compute(_ tally: ReportTally, people: ReportPeople, names: [Int: String]? = [:],
                               categories: [String: ReportCategory] = [:]) -> ReportFigures {
        let period = tally.period
        let m = tally.members
        var rows: [ReportRow] = []
        func add(_ s: ReportSection, _ f: String, _ v: ReportValue, _ b: String = "") { rows.append(ReportRow(s, f, v, breakdown: b)) }

        // Who took part, and in which groups (`MemberFigures`).
        let active = m.activeCount, givers = m.givers, receivers = m.receivers, both = m.gaveAndReceived
        let serviceGiven = m.serviceGiven, serviceReceived = m.serviceReceived, serviceActive = m.serviceActive
        let orgGiven = m.organisations.given, orgReceived = m.organisations.received
        let balance: Double? = active == 0 ? nil : 1 - m.imbalance / Double(active)
        // Demographics of active members: one tight pass over the active alone.
        let dimensions = demographics(people)
        let dimensionCounts = people.demographicCounts(of: m.activeSlots)

        // New members and activation: one pass over the joiners, each day number worked out once; the
        // days to a first exchange are 0 to 90, so their median is read from counts, not a sort.
        let today = tally.today.dayNumber
        var tooSoon = 0, settled = 0
        var activatedAfter = [Int](repeating: 0, count: activationDays + 1)
        for j in tally.joiners {
            let joined = j.joined.dayNumber
            guard today - joined >= activationDays else {
                tooSoon += 1
                continue
            }
            settled += 1
            guard let first = j.firstExchange else { continue }
            let d = first.dayNumber - joined
            if d >= 0 && d <= activationDays { activatedAfter[d] += 1 }
        }
        let activated = activatedAfter.reduce(0, +)

        let total = tally.byMonth.values.reduce(ReportAmount()) { ReportAmount(minutes: $0.minutes + $1.minutes, exchanges: $0.exchanges + $1.exchanges) }
        add(.headline, "exchanges", .count(total.exchanges))
        add(.headline, "minutes_exchanged", .minutes(total.minutes))
        add(.headline, "active_members", .count(active))
        add(.headline, "givers", .count(givers))
        add(.headline, "receivers", .count(receivers))
        add(.headline, "gave_and_received", .count(both))
        add(.headline, "reciprocity_rate", .rate(ratio(both, active)))
        add(.headline, "reciprocity_balance", .rate(balance))
        add(.headline, "new_members", .count(tally.joiners.count))
        add(.headline, "left_members", .count(tally.leftMembers))
        add(.headline, "activation_rate", .rate(ratio(activated, settled)))
        add(.headline, "median_days_to_first_exchange", .days(median(counts: activatedAfter)))
        add(.headline, "too_soon_to_tell", .count(tooSoon))
        add(.headline, "retention_rate", .rate(tally.retention?.rate))

        // Co-production: members who came through a service, organisations, the pot.
        add(.coProduction, "minutes_given_by_came_through_service", .minutes(serviceGiven))
        add(.coProduction, "minutes_received_by_came_through_service", .minutes(serviceReceived))
        add(.coProduction, "active_came_through_service", .count(serviceActive))
        add(.coProduction, "organisation_minutes_given", .minutes(orgGiven))
        add(.coProduction, "organisation_minutes_received", .minutes(orgReceived))
        add(.coProduction, "people_helped_by_organisations", .count(tally.peopleHelpedByOrganisations))
        add(.coProduction, "pot_granted_minutes", .minutes(tally.potGrantedMinutes))
        add(.coProduction, "pot_donated_minutes", .minutes(tally.potDonatedMinutes))

        // Connections.
        add(.connections, "connections", .count(tally.connections))
        add(.connections, "new_connections", .count(tally.newConnections))
        add(.connections, "repeat_pairs", .count(tally.repeatPairs))
        add(.connections, "median_partners", .measure(median(counts: m.byPartners)))

        // Needs and referrals.
        let needs = tally.needs
        add(.referrals, "needs_opened", .count(needs.opened))
        add(.referrals, "needs_met", .count(needs.met))
        add(.referrals, "median_days_to_first_referral", .days(median(needs.daysToFirstReferral)))
        add(.referrals, "median_days_to_done", .days(median(needs.daysToDone)))
        add(.referrals, "referrals_declined", .count(needs.referralsDeclined))
        add(.referrals, "referrals_cancelled", .count(needs.referralsCancelled))
        add(.referrals, "needs_open_over_30_days", .count(needs.openOver30Days))

        // Recognition: lifetime hours given to other members crossing a milestone in the period.
        var passed: [Int: Int] = [:]
        var named: [Milestone] = []
        for (s, h) in milestonesPassed(tally) {
            passed[h, default: 0] += 1
            if let names, people.mayBeNamed[s] {
                let number = people.numbers[s]
                named.append(Milestone(number: number, name: names[number] ?? "", hours: h))
            }
        }
        for h in milestoneHours { add(.recognition, "milestone_members", .people(passed[h] ?? 0), "\(h)h") }

        // Safeguarding.
        add(.safeguarding, "vetted_need_exchanges", .count(tally.vettedNeedExchanges))
        add(.safeguarding, "vetted_need_exchanges_helper_vetted", .count(tally.vettedNeedHelperVetted))
        add(.safeguarding, "vetting_reviews_overdue", .count(tally.vettingOverdue))

        // By month, with every month of the period shown, empty ones too.
        for key in period.monthKeys {
            add(.byMonth, "minutes_exchanged", .minutes(tally.byMonth[key]?.minutes ?? 0), key)
            add(.byMonth, "exchanges", .count(tally.byMonth[key]?.exchanges ?? 0), key)
        }

        // By category, both levels.
        var byCategory: [String: ReportAmount] = [:], byGroup: [String: ReportAmount] = [:]
        for (category, t) in tally.byCategory {
            let code = category.isEmpty ? "(none)" : category
            let group = categories[category]?.group ?? "(none)"
            byCategory[code, default: ReportAmount()].minutes += t.minutes
            byCategory[code, default: ReportAmount()].exchanges += t.exchanges
            byGroup[group, default: ReportAmount()].minutes += t.minutes
            byGroup[group, default: ReportAmount()].exchanges += t.exchanges
        }
        for (code, t) in byCategory.sorted(by: { $0.key < $1.key }) {
            add(.byCategory, "minutes_exchanged", .minutes(t.minutes), code)
            add(.byCategory, "exchanges", .count(t.exchanges), code)
        }
        for (group, t) in byGroup.sorted(by: { $0.key < $1.key }) {
            add(.byCategoryGroup, "minutes_exchanged", .minutes(t.minutes), group)
            add(.byCategoryGroup, "exchanges", .count(t.exchanges), group)
        }

        // By area and by kind of member: people counted (suppressed), hours given and received.
        var areaGroups: [String: (active: Int, given: Minutes, received: Minutes)] = [:]
        for (code, t) in m.areas.enumerated() where code < people.area.names.count && (t.touched || t.active > 0) {
            let name = people.area.names[code].isEmpty ? "(none)" : people.area.names[code]
            areaGroups[name, default: (0, 0, 0)].active += t.active
            areaGroups[name, default: (0, 0, 0)].given += t.given
            areaGroups[name, default: (0, 0, 0)].received += t.received
        }
        for (key, t) in areaGroups.sorted(by: { $0.key < $1.key }) {
            add(.byArea, "active_members", .people(t.active), key)
            add(.byArea, "minutes_given", .minutes(t.given), key)
            add(.byArea, "minutes_received", .minutes(t.received), key)
        }
        let kinds = [(MemberKind.person.rawValue, m.people), (MemberKind.organisation.rawValue, m.organisations)]
        for (kind, t) in kinds.sorted(by: { $0.0 < $1.0 }) where t.touched || t.active > 0 {
            add(.byMemberKind, "active_members", .people(t.active), kind)
            add(.byMemberKind, "minutes_given", .minutes(t.given), kind)
            add(.byMemberKind, "minutes_received", .minutes(t.received), kind)
        }

        // Demographics of active members.
        for (d, dimension) in dimensions.enumerated() {
            var counts: [String: Int] = [:]
            for (code, c) in dimensionCounts[d].enumerated() where c > 0 {
                let v = dimension.codes.names[code]
                counts[v.isEmpty ? "(not given)" : v, default: 0] += c
            }
            for (group, c) in counts.sorted(by: { $0.key < $1.key }) { add(.demographics, dimension.figure, .people(c), group) }
        }

        return ReportFigures(period: period, rows: rows, namedMilestones: forLetters(named))
    }

    /// Named milestones in the order of the thank-you letters: the highest first, then by name
    /// (as Swift orders strings) and number.
    static func forLetters(_ named: [Milestone]) -> [Milestone] {
        named.sorted { a, b in a.hours != b.hours ? a.hours > b.hours : a.name != b.name ? a.name < b.name : a.number < b.number }
    }

    static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// The median of values given as how many times each occurs (`counts[v]` values equal to v).
    public static func median(counts: [Int]) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        // The values at positions n/2 (and n/2 - 1 when n is even), counting from 0.
        func value(at position: Int) -> Int {
            var seen = 0
            for (v, c) in counts.enumerated() {
                seen += c
                if seen > position { return v }
            }
            return counts.count - 1
        }
        return n % 2 == 1 ? Double(value(at: n / 2)) : Double(value(at: n / 2 - 1) + value(at: n / 2)) / 2
    }

    /// The middle value, or the mean of the two middle values; nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? Double(s[mid]) : Double(s[mid - 1] + s[mid]) / 2
    }
}
