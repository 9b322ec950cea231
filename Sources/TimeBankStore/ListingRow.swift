import TimeBank

/// One offer or need as lists show it: the listing with its member's name and its category,
/// read in the same query so a list never asks the database once per row.
public struct ListingRow: Hashable, Sendable, Identifiable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case offer, need
    }

    public var kind: Kind
    public var id: Int
    public var member: Int
    public var memberName: String
    public var category: TimeBank.Category
    public var title: String
    public var description: String
    public var area: String
    public var availability: Availability
    public var status: ListingStatus
    /// Needs only; false for offers.
    public var needsVettedHelper: Bool
    public var requiresTravel: Bool
    public var created: CalendarDate
    /// Referrals on this need that are still moving (proposed, contacted, agreed); 0 for offers.
    public var liveReferrals: Int
    /// The saved version, named by a save of an edit started from this row.
    public var version: Int = 1

    /// The listing as the domain type, for editing.
    public var offer: Offer {
        Offer(id: id, member: member, categoryID: category.id, title: title, description: description, area: area,
              availability: availability, status: status, created: created, version: version)
    }

    public var need: Need {
        Need(id: id, member: member, categoryID: category.id, title: title, description: description, area: area,
             availability: availability, needsVettedHelper: needsVettedHelper, requiresTravel: requiresTravel, status: status, created: created, version: version)
    }
}

/// Which listings a list shows. Empty search and nil filters show everything of the kind.
public struct ListingQuery: Hashable, Sendable {
    public var kind: ListingRow.Kind
    /// Words that must all appear in the title, description, member's name or category; a number
    /// matches the listing's or the member's number.
    public var search: String
    public var categoryID: Int?
    public var member: Int?
    /// Nil for every status.
    public var status: ListingStatus?

    public init(kind: ListingRow.Kind, search: String = "", categoryID: Int? = nil, member: Int? = nil, status: ListingStatus? = .open) {
        self.kind = kind
        self.search = search
        self.categoryID = categoryID
        self.member = member
        self.status = status
    }
}
