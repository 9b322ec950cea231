import TimeBank

/// One row of the members list: what a broker needs to recognise someone at a glance.
public struct MemberSummary: Hashable, Sendable, Identifiable {
    public var id: Int { number }
    public var number: Int
    public var kind: MemberKind
    public var name: String
    public var preferredName: String
    public var area: String
    public var postcode: String
    public var phone: String
    public var email: String
    public var joined: CalendarDate
    public var status: MemberStatus
    public var balanceMinutes: Minutes
    public var vetting: VettingState
    public var vettingReview: CalendarDate?
    public var openNeeds: Int
    /// Date of service of the member's latest exchange; nil before the first.
    public var lastExchange: CalendarDate? = nil
    /// How the member came to the time bank, for the members export.
    public var cameThrough: CameThrough? = nil
}

/// What the members list shows: a search, filters and an order, fetched a window at a time.
public struct MemberQuery: Hashable, Sendable {
    public enum VettingFilter: String, Hashable, Sendable, CaseIterable {
        case any, complete, dueSoon = "due", expired, missing
    }
    public enum Sort: String, Hashable, Sendable, CaseIterable {
        case name, number, balance, joined, area
    }

    public var search: String
    public var status: MemberStatus?
    public var area: String?
    public var vetting: VettingFilter
    public var hasOpenNeeds: Bool
    public var kind: MemberKind?
    public var sort: Sort

    public init(search: String = "", status: MemberStatus? = nil, area: String? = nil, vetting: VettingFilter = .any,
                hasOpenNeeds: Bool = false, kind: MemberKind? = nil, sort: Sort = .name) {
        self.search = search
        self.status = status
        self.area = area
        self.vetting = vetting
        self.hasOpenNeeds = hasOpenNeeds
        self.kind = kind
        self.sort = sort
    }
}
