/// What matching knows about one possible helper for one need.
public struct MatchCandidate: Hashable, Sendable {
    public var member: Int
    public var name: String
    public var status: MemberStatus
    public var area: String
    public var availability: Availability
    public var canTravel: Bool
    public var hasTransport: Bool
    public var vetting: VettingState
    public var balanceMinutes: Minutes
    /// Hours given over the recent window (fair spread: those who gave less rank higher).
    public var recentGivenMinutes: Minutes
    /// Completed exchanges in which this helper gave time to the member in need.
    public var pastExchangesWithMember: Int
    /// The helper has an open offer in the need's category.
    public var offersNeedCategory: Bool
    /// The helper has an open offer in another category of the need's group.
    public var offersNeedGroup: Bool
    /// The best offer's title, and its full-text relevance to the need (0 = none, 1 = best seen).
    public var bestOfferTitle: String?
    public var textRelevance: Double
    /// Either side has the other on their do-not-match list.
    public var doNotMatch: Bool

    public init(member: Int, name: String, status: MemberStatus, area: String, availability: Availability, canTravel: Bool,
                hasTransport: Bool, vetting: VettingState, balanceMinutes: Minutes, recentGivenMinutes: Minutes,
                pastExchangesWithMember: Int, offersNeedCategory: Bool, offersNeedGroup: Bool, bestOfferTitle: String?,
                textRelevance: Double, doNotMatch: Bool) {
        self.member = member
        self.name = name
        self.status = status
        self.area = area
        self.availability = availability
        self.canTravel = canTravel
        self.hasTransport = hasTransport
        self.vetting = vetting
        self.balanceMinutes = balanceMinutes
        self.recentGivenMinutes = recentGivenMinutes
        self.pastExchangesWithMember = pastExchangesWithMember
        self.offersNeedCategory = offersNeedCategory
        self.offersNeedGroup = offersNeedGroup
        self.bestOfferTitle = bestOfferTitle
        self.textRelevance = textRelevance
        self.doNotMatch = doNotMatch
    }
}

/// The need being matched, with what matching needs to know about it.
public struct MatchNeed: Hashable, Sendable {
    public var need: Need
    public var categoryName: String
    public var categoryGroup: String
    /// Areas next to the need's area.
    public var neighbouringAreas: Set<String>

    public init(need: Need, categoryName: String, categoryGroup: String, neighbouringAreas: Set<String>) {
        self.need = need
        self.categoryName = categoryName
        self.categoryGroup = categoryGroup
        self.neighbouringAreas = neighbouringAreas
    }
}

/// One ranked helper, with the reasons for its place in words.
public struct MatchResult: Hashable, Sendable {
    public var member: Int
    public var name: String
    public var score: Int
    public var reasons: [String]

    public init(member: Int, name: String, score: Int, reasons: [String]) {
        self.member = member
        self.name = name
        self.score = score
        self.reasons = reasons
    }
}
