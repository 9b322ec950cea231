/// The figures of one period, computed from its facts exactly as the issue defines them.
/// Pure: the same facts give the same figures, in the same order, every time.
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

    /// Members active in a period: giver or receiver of an original exchange between members
    /// dated in it that was not reversed on or before its last day.
    public static func activeMembers(_ exchanges: [ReportExchange], periodEnd: CalendarDate) -> Set<Int> {
        var out = Set<Int>()
        for e in exchanges where counts(e, by: periodEnd) {
            out.insert(e.giver)
            out.insert(e.receiver)
        }
        return out
    }

    /// An original that still stood at the period's end.
    static func counts(_ e: ReportExchange, by end: CalendarDate) -> Bool {
        guard !e.isReversal else { return false }
        if let r = e.reversedOn, r <= end { return false }
        return true
    }

    public static func compute(_ facts: ReportFacts) -> ReportFigures {
        let end = facts.period.last
        var rows: [ReportRow] = []
        func add(_ s: ReportSection, _ f: String, _ v: ReportValue, _ b: String = "") { rows.append(ReportRow(s, f, v, breakdown: b)) }

        // Hours and exchanges: every entry between members dated in the period, reversals negative.
        let minutes = facts.exchanges.reduce(0) { $0 + $1.minutes }
        let count = facts.exchanges.reduce(0) { $0 + ($1.isReversal ? -1 : 1) }

        // Who took part: the originals still standing at the period's end.
        let standing = facts.exchanges.filter { counts($0, by: end) }
        var given: [Int: Minutes] = [:], received: [Int: Minutes] = [:]
        var partners: [Int: Set<Int>] = [:]
        var pairCounts: [MemberPair: Int] = [:]
        for e in standing {
            given[e.giver, default: 0] += e.minutes
            received[e.receiver, default: 0] += e.minutes
            partners[e.giver, default: []].insert(e.receiver)
            partners[e.receiver, default: []].insert(e.giver)
            pairCounts[MemberPair(e.giver, e.receiver), default: 0] += 1
        }
        let active = Set(given.keys).union(received.keys)
        let both = active.filter { given[$0] != nil && received[$0] != nil }
        let balance: Double? = active.isEmpty ? nil : 1 - active.reduce(0.0) { sum, m in
            let g = Double(given[m] ?? 0), r = Double(received[m] ?? 0)
            return sum + abs(g - r) / (g + r)
        } / Double(active.count)

        // New members and activation.
        let joined = facts.members.values.filter { facts.period.contains($0.joined) }
        let tooSoon = joined.filter { facts.today.days(since: $0.joined) < activationDays }
        let settled = joined.filter { facts.today.days(since: $0.joined) >= activationDays }
        let activationDaysTaken = settled.compactMap { m -> Int? in
            guard let first = m.firstExchange else { return nil }
            let d = first.days(since: m.joined)
            return d >= 0 && d <= activationDays ? d : nil
        }

        add(.headline, "exchanges", .count(count))
        add(.headline, "minutes_exchanged", .minutes(minutes))
        add(.headline, "active_members", .count(active.count))
        add(.headline, "givers", .count(given.count))
        add(.headline, "receivers", .count(received.count))
        add(.headline, "gave_and_received", .count(both.count))
        add(.headline, "reciprocity_rate", .rate(ratio(both.count, active.count)))
        add(.headline, "reciprocity_balance", .rate(balance))
        add(.headline, "new_members", .count(joined.count))
        add(.headline, "left_members", .count(facts.leftMembers))
        add(.headline, "activation_rate", .rate(ratio(activationDaysTaken.count, settled.count)))
        add(.headline, "median_days_to_first_exchange", .days(median(activationDaysTaken)))
        add(.headline, "too_soon_to_tell", .count(tooSoon.count))
        add(.headline, "retention_rate", .rate(facts.activeBefore.flatMap { before in
            ratio(before.intersection(active).count, before.count)
        }))

        // Co-production: members who came through a service, organisations, the pot.
        // Looked up per exchange: kept as sets of numbers rather than copying member records.
        func member(_ n: Int) -> ReportMember? { facts.members[n] }
        let serviceMembers = Set(facts.members.values.lazy.filter { $0.demographics.cameThrough?.isService == true }.map(\.number))
        let organisations = Set(facts.members.values.lazy.filter { $0.kind == .organisation }.map(\.number))
        let viaService = { (n: Int) in serviceMembers.contains(n) }
        let isOrganisation = { (n: Int) in organisations.contains(n) }
        var serviceGiven = 0, serviceReceived = 0, orgGiven = 0, orgReceived = 0
        for e in facts.exchanges {
            if viaService(e.giver) { serviceGiven += e.minutes }
            if viaService(e.receiver) { serviceReceived += e.minutes }
            if isOrganisation(e.giver) { orgGiven += e.minutes }
            if isOrganisation(e.receiver) { orgReceived += e.minutes }
        }
        let helpedByOrganisations = Set(standing.filter { isOrganisation($0.giver) && !isOrganisation($0.receiver) }.map(\.receiver))
        add(.coProduction, "minutes_given_by_came_through_service", .minutes(serviceGiven))
        add(.coProduction, "minutes_received_by_came_through_service", .minutes(serviceReceived))
        add(.coProduction, "active_came_through_service", .count(active.filter(viaService).count))
        add(.coProduction, "organisation_minutes_given", .minutes(orgGiven))
        add(.coProduction, "organisation_minutes_received", .minutes(orgReceived))
        add(.coProduction, "people_helped_by_organisations", .count(helpedByOrganisations.count))
        add(.coProduction, "pot_granted_minutes", .minutes(facts.potGrantedMinutes))
        add(.coProduction, "pot_donated_minutes", .minutes(facts.potDonatedMinutes))

        // Connections.
        let newPairs = pairCounts.keys.filter { !facts.pairsBefore.contains($0) }
        add(.connections, "connections", .count(pairCounts.count))
        add(.connections, "new_connections", .count(newPairs.count))
        add(.connections, "repeat_pairs", .count(pairCounts.values.filter { $0 >= 2 }.count))
        add(.connections, "median_partners", .measure(median(partners.values.map(\.count))))

        // Needs and referrals.
        let needs = facts.needs
        add(.referrals, "needs_opened", .count(needs.filter { facts.period.contains($0.opened) }.count))
        add(.referrals, "needs_met", .count(needs.filter { $0.done.map(facts.period.contains) ?? false }.count))
        add(.referrals, "median_days_to_first_referral", .days(median(needs.compactMap { n in
            n.firstReferral.flatMap { facts.period.contains($0) ? $0.days(since: n.opened) : nil }
        })))
        add(.referrals, "median_days_to_done", .days(median(needs.compactMap { n in
            n.done.flatMap { facts.period.contains($0) ? $0.days(since: n.opened) : nil }
        })))
        add(.referrals, "referrals_declined", .count(facts.referralsDeclined))
        add(.referrals, "referrals_cancelled", .count(facts.referralsCancelled))
        add(.referrals, "needs_open_over_30_days", .count(needs.filter { n in
            !n.closed && n.opened.adding(days: needWaitingDays) < end && !(n.done.map { $0 <= end } ?? false)
        }.count))

        // Recognition: lifetime hours given to other members crossing a milestone in the period.
        var givenInPeriod: [Int: Minutes] = [:]
        for e in facts.exchanges { givenInPeriod[e.giver, default: 0] += e.minutes }
        var named: [Milestone] = []
        var passed: [Int: Int] = [:]
        for (n, inPeriod) in givenInPeriod where inPeriod > 0 {
            guard let m = member(n) else { continue }
            let before = m.givenBefore, after = m.givenBefore + inPeriod
            for h in milestoneHours where before < h * 60 && after >= h * 60 {
                passed[h, default: 0] += 1
                if m.mayBeNamed { named.append(Milestone(number: n, name: m.name, hours: h)) }
            }
        }
        for h in milestoneHours { add(.recognition, "milestone_members", .people(passed[h] ?? 0), "\(h)h") }

        // Safeguarding.
        let onVettedNeeds = standing.filter(\.vettedNeed)
        add(.safeguarding, "vetted_need_exchanges", .count(onVettedNeeds.count))
        add(.safeguarding, "vetted_need_exchanges_helper_vetted", .count(onVettedNeeds.filter(\.helperVetted).count))
        add(.safeguarding, "vetting_reviews_overdue", .count(facts.vettingOverdue))

        // By month, with every month of the period shown, empty ones too.
        // A period has few distinct dates: each date's month key is formatted once, not once per exchange.
        var byMonth: [String: (m: Minutes, n: Int)] = [:]
        var monthKeyOf: [CalendarDate: String] = [:]
        for e in facts.exchanges {
            let key: String
            if let known = monthKeyOf[e.date] {
                key = known
            } else {
                key = e.date.monthKey
                monthKeyOf[e.date] = key
            }
            byMonth[key, default: (0, 0)].m += e.minutes
            byMonth[key, default: (0, 0)].n += e.isReversal ? -1 : 1
        }
        for key in facts.period.monthKeys {
            add(.byMonth, "minutes_exchanged", .minutes(byMonth[key]?.m ?? 0), key)
            add(.byMonth, "exchanges", .count(byMonth[key]?.n ?? 0), key)
        }

        // By category, both levels.
        var byCategory: [String: (m: Minutes, n: Int)] = [:], byGroup: [String: (m: Minutes, n: Int)] = [:]
        for e in facts.exchanges {
            let code = e.category.isEmpty ? "(none)" : e.category
            let group = facts.categories[e.category]?.group ?? "(none)"
            byCategory[code, default: (0, 0)].m += e.minutes
            byCategory[code, default: (0, 0)].n += e.isReversal ? -1 : 1
            byGroup[group, default: (0, 0)].m += e.minutes
            byGroup[group, default: (0, 0)].n += e.isReversal ? -1 : 1
        }
        for (code, t) in byCategory.sorted(by: { $0.key < $1.key }) {
            add(.byCategory, "minutes_exchanged", .minutes(t.m), code)
            add(.byCategory, "exchanges", .count(t.n), code)
        }
        for (group, t) in byGroup.sorted(by: { $0.key < $1.key }) {
            add(.byCategoryGroup, "minutes_exchanged", .minutes(t.m), group)
            add(.byCategoryGroup, "exchanges", .count(t.n), group)
        }

        // By area and by kind of member: people counted (suppressed), hours given and received.
        func people(_ section: ReportSection, _ groupOf: (Int) -> String) {
            var members: [String: Int] = [:], g: [String: Minutes] = [:], r: [String: Minutes] = [:]
            for n in active { members[groupOf(n), default: 0] += 1 }
            for e in facts.exchanges {
                g[groupOf(e.giver), default: 0] += e.minutes
                r[groupOf(e.receiver), default: 0] += e.minutes
            }
            for key in Set(members.keys).union(g.keys).union(r.keys).sorted() {
                add(section, "active_members", .people(members[key] ?? 0), key)
                add(section, "minutes_given", .minutes(g[key] ?? 0), key)
                add(section, "minutes_received", .minutes(r[key] ?? 0), key)
            }
        }
        let areaOf = facts.members.mapValues { $0.area.isEmpty ? "(none)" : $0.area }
        people(.byArea) { n in areaOf[n] ?? "(none)" }
        people(.byMemberKind) { n in organisations.contains(n) ? MemberKind.organisation.rawValue : MemberKind.person.rawValue }

        // Demographics of active members.
        let dimensions: [(String, (Demographics) -> String)] = [
            ("active_members_by_age_band", { $0.ageBand }), ("active_members_by_gender", { $0.gender }),
            ("active_members_by_ethnicity", { $0.ethnicity }), ("active_members_by_disability", { $0.disability }),
            ("active_members_by_came_through", { $0.cameThrough?.rawValue ?? "" }),
        ]
        for (figure, field) in dimensions {
            var counts: [String: Int] = [:]
            for n in active {
                let v = member(n).map { field($0.demographics) } ?? ""
                counts[v.isEmpty ? "(not given)" : v, default: 0] += 1
            }
            for (group, c) in counts.sorted(by: { $0.key < $1.key }) { add(.demographics, figure, .people(c), group) }
        }

        return ReportFigures(period: facts.period, rows: rows, namedMilestones: named.sorted { a, b in
            a.hours != b.hours ? a.hours > b.hours : a.name != b.name ? a.name < b.name : a.number < b.number
        })
    }

    static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    /// The middle value, or the mean of the two middle values; nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? Double(s[mid]) : Double(s[mid - 1] + s[mid]) / 2
    }
}
