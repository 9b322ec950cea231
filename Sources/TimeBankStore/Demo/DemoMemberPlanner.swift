import TimeBank
import TimeBankResources

/// Draws the membership: people and organisations, their status history and vetting,
/// consistent with the store's rules (an active member went through vetting first).
struct DemoMemberPlanner {
    let lists: DemoWordLists
    let names: DemoNames
    let calendar: DemoCalendar

    static let postcodeLetters = Array("ABDEFGHJLNPQRSTUWXYZ")
    static let onHoldReasons = ["Recovering from an operation", "Caring for a relative for a few months", "Away until the spring",
                                "Asked for a break", "Vetting review overdue", "Busy with a new job for now"]
    static let leftReasons = ["Moved away", "Moved into a care home", "Too busy with work", "No longer interested",
                              "Moved to the Stroud time bank", "Did not reply to three follow-ups"]
    static let relations = ["neighbour", "friend", "former employer", "GP", "church minister", "support worker", "teacher", "colleague"]
    static let accessibility = ["Wheelchair user; ground-floor meetings only", "Hard of hearing; text rather than ring",
                                "Partially sighted; large print letters please", "Uses a walking frame", "Dyslexic; prefers a phone call to a letter",
                                "Autistic; likes plans confirmed in writing", "Gets tired easily; short visits"]
    static let orgKinds = ["Primary School", "Surgery", "Community Centre", "Library", "Church Hall", "Residents' Association",
                           "Allotment Society", "Youth Club", "Pre-school", "Men's Shed", "Tenants' Association", "Baptist Church",
                           "Mosque", "Gurdwara", "Scout Group", "Sheltered Housing", "Food Bank", "Day Centre"]
    static let ageBands = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]
    static let ethnicities = ["White British", "White Irish", "White other", "Mixed", "Asian or Asian British", "Black or Black British",
                              "Chinese", "Arab", "Other", "Prefer not to say"]
    static let dbsLevels = ["Basic", "Standard", "Enhanced", "Enhanced with barred list"]

    func plan(count: Int, rng: inout DemoRandom) -> [DemoMember] {
        let orgCount = count >= 10 ? max(1, count * 5 / 100) : 0
        // Organisations spread through the numbers, as they joined over the years too.
        let orgSlots = Set(rng.distinct(orgCount, below: count))
        let orgNames = organisationNames(orgCount, &rng)
        var orgIndex = 0
        var out: [DemoMember] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            if orgSlots.contains(i) {
                out.append(organisation(number: 1001 + i, orgNames[orgIndex], &rng))
                orgIndex += 1
            } else {
                out.append(person(number: 1001 + i, &rng))
            }
        }
        return out
    }

    /// The shipped organisations first, then made-up local ones ("Church Road Youth Club").
    private func organisationNames(_ n: Int, _ rng: inout DemoRandom) -> [(name: String, area: Int)] {
        var out: [(String, Int)] = []
        var used = Set<String>()
        for o in lists.organisations where out.count < n {
            out.append((o.name, lists.areas.firstIndex { $0.name == o.area } ?? 0))
            used.insert(o.name)
        }
        while out.count < n {
            let area = rng.below(lists.areas.count)
            let place = rng.chance(0.5) ? lists.areas[area].name : rng.pick(lists.streets)
            var name = place + " " + rng.pick(Self.orgKinds)
            var k = 2
            while used.contains(name) {
                name = place + " " + rng.pick(Self.orgKinds) + (k > 4 ? " \(k)" : "")
                k += 1
            }
            used.insert(name)
            out.append((name, area))
        }
        for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, rng.below(i + 1)) }
        return out
    }

    private func status(_ rng: inout DemoRandom) -> MemberStatus {
        [.active, .pending, .onHold, .left][rng.weighted([80, 9, 5, 6])]
    }

    /// Joined over the last three years, more of them recently as the time bank grew.
    private func joinedDay(_ status: MemberStatus, _ rng: inout DemoRandom) -> Int {
        let t = calendar.today
        if status == .pending { return t - 1 - Int(Double(150) * rng.unit() * rng.unit()) }
        let u = rng.unit()
        return t - 40 - Int(1055 * u * u)
    }

    private func phone(_ rng: inout DemoRandom, mobile: Double) -> String {
        // Ofcom's ranges reserved for drama: never a real person's number.
        if rng.chance(mobile) { return "07700 900" + pad3(rng.below(1000)) }
        return rng.chance(0.5) ? "01632 960" + pad3(rng.below(1000)) : "0117 496 0" + pad3(rng.below(1000))
    }

    private func pad3(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }

    private func postcode(area: Int, _ rng: inout DemoRandom) -> String {
        lists.areas[area].postcodeDistrict + " \(rng.int(1...9))" + String(rng.pick(Self.postcodeLetters)) + String(rng.pick(Self.postcodeLetters))
    }

    private func availability(_ rng: inout DemoRandom) -> Availability {
        switch rng.weighted([10, 20, 15, 15, 10, 30]) {
        case 0: return .anytime
        case 1: return .weekdays
        case 2: // weekday mornings
            var a: Availability = []
            for d in 0..<5 { a.insert(.slot(day: d, part: .morning)) }
            return a
        case 3: // evenings and weekends, around work
            var a: Availability = []
            for d in 0..<5 { a.insert(.slot(day: d, part: .evening)) }
            for d in 5..<7 { for p in Availability.Part.allCases { a.insert(.slot(day: d, part: p)) } }
            return a
        case 4: return []
        default:
            var a: Availability = []
            for _ in 0..<rng.int(2...6) { a.insert(.slot(day: rng.below(7), part: Availability.Part(rawValue: rng.below(3))!)) }
            return a
        }
    }

    /// Dates of a status history: joined, activated after vetting, paused or left.
    private func history(_ status: MemberStatus, joined: Int, _ rng: inout DemoRandom) -> (from: Int?, until: Int) {
        let last = calendar.lastDay
        guard status != .pending else { return (nil, last) }
        let from = min(joined + rng.int(7...35), last - 1)
        guard status == .onHold || status == .left else { return (from, last) }
        let until = from + 30 >= last ? last : rng.int(from + 30...last)
        return (from, until)
    }

    private func vetting(_ status: MemberStatus, joined: Int, activeFrom: Int?, dbsLikely: Double,
                         _ rng: inout DemoRandom) -> (Vetting, vetted: Bool) {
        let t = calendar.today
        func referee() -> VettingReference {
            VettingReference(referee: "\(names.fullName(&rng)) (\(rng.pick(Self.relations)))",
                                    received: CalendarDate(dayNumber: rng.int(joined...(activeFrom ?? max(joined, calendar.lastDay)))))
        }
        guard let from = activeFrom else {
            // Pending: still collecting what vetting needs.
            let refs = (0..<rng.weighted([35, 45, 20])).map { _ in referee() }
            let id = rng.chance(0.5) ? CalendarDate(dayNumber: rng.int(joined...calendar.lastDay)) : nil
            return (Vetting(references: refs, idSeen: id, induction: nil, dbsRequired: rng.chance(0.2)), false)
        }
        let refs = [referee(), referee()]
        let idSeen = CalendarDate(dayNumber: rng.int(joined...from))
        // Most reviews are well ahead; some fall due this month (Today lists them) and a few have lapsed.
        let due: Int
        switch rng.weighted([88, 7, 5]) {
        case 0: due = t + rng.int(31...900)
        case 1: due = t + rng.int(0...30)
        default: due = t - rng.int(1...150)
        }
        var v = Vetting(references: refs, idSeen: idSeen, induction: CalendarDate(dayNumber: from), review: CalendarDate(dayNumber: due))
        if rng.chance(dbsLikely) {
            let issued = rng.int(max(joined, from - 30)...from)
            v.dbsRequired = true
            var certificate = "00"
            for _ in 0..<10 { certificate += String(rng.below(10)) }
            let dbsDue = rng.chance(0.5) ? due : due + rng.int(0...400)
            v.dbs = DBSCheck(level: rng.pick(Self.dbsLevels), certificateNumber: certificate, issued: CalendarDate(dayNumber: issued),
                             review: CalendarDate(dayNumber: dbsDue))
            if dbsDue == due { v.review = CalendarDate(dayNumber: due + rng.int(0...400)) }
        }
        return (v, v.state(today: CalendarDate(dayNumber: t)) == .complete)
    }

    private func person(number: Int, _ rng: inout DemoRandom) -> DemoMember {
        let st = status(&rng)
        let joined = joinedDay(st, &rng)
        let area = rng.below(lists.areas.count)
        let p = names.person(&rng)
        let (from, until) = history(st, joined: joined, &rng)
        let (v, vetted) = vetting(st, joined: joined, activeFrom: from, dbsLikely: 0.35, &rng)
        let email: String
        if rng.chance(0.85) {
            email = (p.emailLocal.isEmpty ? "member\(number)" : p.emailLocal) + "@" + rng.pick(["example.com", "example.org", "example.net"])
        } else {
            email = ""
        }
        var m = Member(number: number, kind: .person, name: p.name, preferredName: p.preferred, phone: phone(&rng, mobile: 0.8),
                       email: email, address: "\(rng.int(1...180)) \(rng.pick(lists.streets))", postcode: postcode(area: area, &rng),
                       area: lists.areas[area].name, joined: CalendarDate(dayNumber: joined), status: st)
        m.statusReason = st == .onHold ? rng.pick(Self.onHoldReasons) : st == .left ? rng.pick(Self.leftReasons) : ""
        if rng.chance(0.5) {
            m.emergencyContact = "\(names.fullName(&rng)) (\(rng.pick(["daughter", "son", "partner", "friend", "neighbour", "sister", "brother"]))) \(phone(&rng, mobile: 0.9))"
        }
        m.languages = p.languages
        m.availability = availability(&rng)
        m.hasTransport = rng.chance(0.35)
        m.canTravel = m.hasTransport || rng.chance(0.5)
        if rng.chance(0.08) { m.accessibilityNeeds = rng.pick(Self.accessibility) }
        m.consent = Consent(contactByPhone: rng.chance(0.92), contactByEmail: !email.isEmpty && rng.chance(0.85),
                            shareDetailsWithMatch: rng.chance(0.6), photos: rng.chance(0.3))
        if rng.chance(0.6) {
            let gender = p.female.map { $0 ? "Female" : "Male" } ?? "Prefer not to say"
            m.demographics = Demographics(ageBand: rng.pick(Self.ageBands),
                                          gender: rng.chance(0.03) ? rng.pick(["Non-binary", "Prefer not to say"]) : gender,
                                          ethnicity: rng.pick(Self.ethnicities), disability: rng.pick(["No", "No", "No", "Yes", "Prefer not to say"]))
            m.demographics.cameThrough = Self.cameThrough(number: m.number)
        }
        return DemoMember(member: m, vetting: v, area: area, activeFrom: from, activeUntil: until, vettedToday: vetted)
    }

    /// How a member came, drawn from the number rather than the generator, so demo databases made
    /// before the field existed keep every other value they had.
    static func cameThrough(number: Int) -> CameThrough? {
        let mix: [CameThrough?] = [.selfReferred, .selfReferred, .selfReferred, .friendOrFamily, .friendOrFamily,
                                   .gpOrSocialPrescriber, .gpOrSocialPrescriber, .councilOrSocialServices, .housing,
                                   .charityOrGroup, .other, nil]
        return mix[((number &* 2_654_435_761) >> 7 & 0xFFFF) % mix.count]
    }

    private func organisation(number: Int, _ org: (name: String, area: Int), _ rng: inout DemoRandom) -> DemoMember {
        let joined = joinedDay(.active, &rng)
        let st: MemberStatus = rng.chance(0.92) ? .active : .onHold
        let (from, until) = history(st, joined: joined, &rng)
        let (v, vetted) = vetting(st, joined: joined, activeFrom: from, dbsLikely: 0, &rng)
        let domain = DemoNames.slug(org.name.split(separator: " ").prefix(3).joined())
        var m = Member(number: number, kind: .organisation, name: org.name, phone: phone(&rng, mobile: 0.1),
                       email: "office@" + (domain.isEmpty ? "org\(number)" : domain) + ".example.org",
                       address: "\(rng.int(1...60)) \(rng.pick(lists.streets))", postcode: postcode(area: org.area, &rng),
                       area: lists.areas[org.area].name, joined: CalendarDate(dayNumber: joined), status: st,
                       contactPerson: names.fullName(&rng))
        m.statusReason = st == .onHold ? "Building closed for refurbishment" : ""
        m.availability = .weekdays
        m.canTravel = false
        m.consent = Consent(contactByPhone: true, contactByEmail: true, shareDetailsWithMatch: true, photos: rng.chance(0.5))
        return DemoMember(member: m, vetting: v, area: org.area, activeFrom: from, activeUntil: until, vettedToday: vetted)
    }
}
