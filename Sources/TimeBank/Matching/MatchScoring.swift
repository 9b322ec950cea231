/// Ranks helpers for a need and explains every rank. Hard rules exclude; the rest adds points.
/// The weights are plain numbers so a broker reading the reasons can follow the order.
public enum MatchScoring {
    public enum Weight {
        public static let sameCategory = 40
        public static let sameGroup = 15
        public static let textRelevance = 20
        public static let sameArea = 15
        public static let neighbouringArea = 8
        public static let availability = 10
        public static let transport = 8
        public static let pastExchangeEach = 4
        public static let pastExchangeMax = 12
        public static let fairSpread = 10
        public static let earnBack = 5
        public static let vetted = 3
    }

    /// Hours given in the recent window at which the fair-spread bonus has run out.
    public static let busyHelperMinutes = 20 * 60

    /// Why a candidate may never be proposed for this need, or nil when they may.
    public static func exclusion(_ c: MatchCandidate, for n: MatchNeed) -> String? {
        if c.member == n.need.member { return "is the member in need" }
        if c.status != .active { return "is not active" }
        if c.doNotMatch { return "is on a do-not-match list" }
        if n.need.needsVettedHelper && c.vetting != .complete { return "vetting is not complete and current" }
        // A need that needs the helper to travel is no use to a helper who cannot get there.
        if n.need.requiresTravel && !c.canTravel && !c.hasTransport { return "cannot travel, and the need needs the helper to" }
        return nil
    }

    public static func score(_ c: MatchCandidate, for n: MatchNeed) -> MatchResult? {
        guard exclusion(c, for: n) == nil else { return nil }
        var tally = Tally(explaining: true)
        add(c, for: n, to: &tally)
        return MatchResult(member: c.member, name: c.name, score: tally.points, reasons: tally.reasons)
    }

    /// The points alone, without the reasons in words: for weighing a thousand candidates
    /// of which twenty are shown.
    public static func points(_ c: MatchCandidate, for n: MatchNeed) -> Int? {
        guard exclusion(c, for: n) == nil else { return nil }
        var tally = Tally(explaining: false)
        add(c, for: n, to: &tally)
        return tally.points
    }

    /// Points, and when explaining, the reason for each in words (built only then).
    struct Tally {
        let explaining: Bool
        var points = 0
        var reasons: [String] = []

        mutating func add(_ p: Int, _ reason: @autoclosure () -> String) {
            points += p
            if explaining { reasons.append(reason()) }
        }
    }

    static func add(_ c: MatchCandidate, for n: MatchNeed, to t: inout Tally) {
        if c.offersNeedCategory {
            t.add(Weight.sameCategory, n.categoryName)
        } else if c.offersNeedGroup {
            t.add(Weight.sameGroup, "also offers \(sentenceCase(n.categoryGroup))")
        }
        if c.textRelevance > 0 {
            let p = Int((min(1, c.textRelevance) * Double(Weight.textRelevance)).rounded())
            if let title = c.bestOfferTitle { t.add(p, "offers “\(title)”") } else { t.points += p }
        }
        if !n.need.area.isEmpty {
            if c.area == n.need.area {
                t.add(Weight.sameArea, "same area (\(c.area))")
            } else if n.neighbouringAreas.contains(c.area) {
                t.add(Weight.neighbouringArea, "next door (\(c.area))")
            }
        }
        let overlap = c.availability.intersection(n.need.availability)
        if !n.need.availability.isEmpty, !overlap.isEmpty {
            let share = Double(overlap.rawValue.nonzeroBitCount) / Double(n.need.availability.rawValue.nonzeroBitCount)
            t.add(max(1, Int((share * Double(Weight.availability)).rounded())), "free \(overlap.phrase)")
        }
        // A helper who cannot travel never gets here for such a need (see `exclusion`).
        if n.need.requiresTravel {
            t.add(Weight.transport, c.hasTransport ? "has transport" : "can travel")
        }
        if c.vetting == .complete {
            t.add(Weight.vetted, "vetted")
        }
        if c.pastExchangesWithMember > 0 {
            t.add(min(Weight.pastExchangeMax, c.pastExchangesWithMember * Weight.pastExchangeEach),
                  "\(c.pastExchangesWithMember) past exchange\(c.pastExchangesWithMember == 1 ? "" : "s")")
        }
        let busy = min(1, Double(max(0, c.recentGivenMinutes)) / Double(busyHelperMinutes))
        t.points += Int(((1 - busy) * Double(Weight.fairSpread)).rounded())
        if c.recentGivenMinutes == 0 {
            t.add(0, "no hours given lately")
        } else if busy >= 1 {
            t.add(0, "gave \(MinutesFormat.clock(c.recentGivenMinutes)) lately")
        }
        if c.balanceMinutes < 0 {
            t.add(Weight.earnBack, "can earn back \(MinutesFormat.clock(-c.balanceMinutes))")
        }
    }

    /// "Garden and outdoors" reads "garden and outdoors" mid-sentence; "IT and digital help" keeps its capitals.
    static func sentenceCase(_ group: String) -> String {
        let letters = Array(group.prefix(2))
        guard letters.count == 2, letters[1].isLowercase else { return group }
        return group.prefix(1).lowercased() + group.dropFirst()
    }

    /// Best first; ties go to the member who gave fewer hours lately, then the lower number.
    public static func rank(_ candidates: [MatchCandidate], for n: MatchNeed, limit: Int) -> [MatchResult] {
        candidates.compactMap { c in points(c, for: n).map { (candidate: c, points: $0) } }
            .sorted { a, b in
                if a.points != b.points { return a.points > b.points }
                if a.candidate.recentGivenMinutes != b.candidate.recentGivenMinutes {
                    return a.candidate.recentGivenMinutes < b.candidate.recentGivenMinutes
                }
                return a.candidate.member < b.candidate.member
            }
            .prefix(max(0, limit)).compactMap { score($0.candidate, for: n) }
    }
}
