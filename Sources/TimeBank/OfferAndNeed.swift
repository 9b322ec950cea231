public enum ListingStatus: String, CaseIterable, Sendable, Codable {
    case open
    case matched
    case closed
}

/// What a member can do for others.
public struct Offer: Hashable, Sendable, Identifiable {
    public var id: Int
    public var member: Int
    public var categoryID: Int
    public var title: String
    public var description: String
    public var area: String
    public var availability: Availability
    public var status: ListingStatus
    public var created: CalendarDate
    public var review: CalendarDate?
    /// The saved version this copy was read at; a save names it so another broker's save in
    /// between is refused instead of overwritten.
    public var version: Int

    public init(id: Int = 0, member: Int, categoryID: Int, title: String, description: String = "", area: String = "",
                availability: Availability = [], status: ListingStatus = .open, created: CalendarDate, review: CalendarDate? = nil,
                version: Int = 1) {
        self.version = version
        self.id = id
        self.member = member
        self.categoryID = categoryID
        self.title = title
        self.description = description
        self.area = area
        self.availability = availability
        self.status = status
        self.created = created
        self.review = review
    }
}

/// What a member would like help with.
public struct Need: Hashable, Sendable, Identifiable {
    public var id: Int
    public var member: Int
    public var categoryID: Int
    public var title: String
    public var description: String
    public var area: String
    public var availability: Availability
    public var needsVettedHelper: Bool
    public var requiresTravel: Bool
    public var status: ListingStatus
    public var created: CalendarDate
    public var review: CalendarDate?
    /// The saved version this copy was read at (see Offer.version).
    public var version: Int

    public init(id: Int = 0, member: Int, categoryID: Int, title: String, description: String = "", area: String = "",
                availability: Availability = [], needsVettedHelper: Bool = false, requiresTravel: Bool = false,
                status: ListingStatus = .open, created: CalendarDate, review: CalendarDate? = nil, version: Int = 1) {
        self.version = version
        self.id = id
        self.member = member
        self.categoryID = categoryID
        self.title = title
        self.description = description
        self.area = area
        self.availability = availability
        self.needsVettedHelper = needsVettedHelper
        self.requiresTravel = requiresTravel
        self.status = status
        self.created = created
        self.review = review
    }
}
