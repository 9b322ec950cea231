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
        public static let cannotTravel = -10
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
        return nil
    }

    public static func score(_ c: MatchCandidate, for n: MatchNeed) -> MatchResult? {
        guard exclusion(c, for: n) == nil else { return nil }
        var points = 0
        var reasons: [String] = []
        if c.offerCategoryIDs.contains(n.need.categoryID) {
            points += Weight.sameCategory
            reasons.append(n.categoryName)
        } else if c.offerCategoryGroups.contains(n.categoryGroup) {
            points += Weight.sameGroup
            reasons.append("also offers \(sentenceCase(n.categoryGroup))")
        }
        if c.textRelevance > 0 {
            points += Int((min(1, c.textRelevance) * Double(Weight.textRelevance)).rounded())
            if let title = c.bestOfferTitle { reasons.append("offers “\(title)”") }
        }
        if !n.need.area.isEmpty {
            if c.area == n.need.area {
                points += Weight.sameArea
                reasons.append("same area (\(c.area))")
            } else if n.neighbouringAreas.contains(c.area) {
                points += Weight.neighbouringArea
                reasons.append("next door (\(c.area))")
            }
        }
        let overlap = c.availability.intersection(n.need.availability)
        if !n.need.availability.isEmpty, !overlap.isEmpty {
            let share = Double(overlap.rawValue.nonzeroBitCount) / Double(n.need.availability.rawValue.nonzeroBitCount)
            points += max(1, Int((share * Double(Weight.availability)).rounded()))
            reasons.append("free \(overlap.phrase)")
        }
        if n.need.requiresTravel {
            if c.hasTransport || c.canTravel {
                points += Weight.transport
                reasons.append(c.hasTransport ? "has transport" : "can travel")
            } else {
                points += Weight.cannotTravel
                reasons.append("cannot travel")
            }
        }
        if c.vetting == .complete {
            points += Weight.vetted
            reasons.append("vetted")
        }
        if c.pastExchangesWithMember > 0 {
            points += min(Weight.pastExchangeMax, c.pastExchangesWithMember * Weight.pastExchangeEach)
            reasons.append("\(c.pastExchangesWithMember) past exchange\(c.pastExchangesWithMember == 1 ? "" : "s")")
        }
        let busy = min(1, Double(max(0, c.recentGivenMinutes)) / Double(busyHelperMinutes))
        let spread = Int(((1 - busy) * Double(Weight.fairSpread)).rounded())
        points += spread
        if c.recentGivenMinutes == 0 {
            reasons.append("no hours given lately")
        } else if busy >= 1 {
            reasons.append("gave \(MinutesFormat.clock(c.recentGivenMinutes)) lately")
        }
        if c.balanceMinutes < 0 {
            points += Weight.earnBack
            reasons.append("can earn back \(MinutesFormat.clock(-c.balanceMinutes))")
        }
        return MatchResult(member: c.member, name: c.name, score: points, reasons: reasons)
    }

    /// "Garden and outdoors" reads "garden and outdoors" mid-sentence; "IT and digital help" keeps its capitals.
    static func sentenceCase(_ group: String) -> String {
        let letters = Array(group.prefix(2))
        guard letters.count == 2, letters[1].isLowercase else { return group }
        return group.prefix(1).lowercased() + group.dropFirst()
    }

    /// Best first; ties go to the member who gave fewer hours lately, then the lower number.
    public static func rank(_ candidates: [MatchCandidate], for n: MatchNeed, limit: Int) -> [MatchResult] {
        let given = Dictionary(candidates.map { ($0.member, $0.recentGivenMinutes) }, uniquingKeysWith: { a, _ in a })
        return candidates.compactMap { score($0, for: n) }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                let ga = given[a.member] ?? 0, gb = given[b.member] ?? 0
                if ga != gb { return ga < gb }
                return a.member < b.member
            }
            .prefix(max(0, limit)).map { $0 }
    }
}
