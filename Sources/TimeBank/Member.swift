public enum MemberStatus: String, CaseIterable, Sendable, Codable {
    case pending
    case active
    case onHold = "on-hold"
    case left
}

/// A person, or an organisation (school, surgery, housing association) that holds an account too.
public enum MemberKind: String, CaseIterable, Sendable, Codable {
    case person
    case organisation
}

/// Consent the member gave at sign-up; matching and exports respect it.
public struct Consent: Hashable, Sendable, Codable {
    public var contactByPhone: Bool
    public var contactByEmail: Bool
    public var shareDetailsWithMatch: Bool
    public var photos: Bool

    public init(contactByPhone: Bool = true, contactByEmail: Bool = true, shareDetailsWithMatch: Bool = false, photos: Bool = false) {
        self.contactByPhone = contactByPhone
        self.contactByEmail = contactByEmail
        self.shareDetailsWithMatch = shareDetailsWithMatch
        self.photos = photos
    }
}

/// Optional figures for funder reports; every field may stay empty.
public struct Demographics: Hashable, Sendable, Codable {
    public var ageBand: String
    public var gender: String
    public var ethnicity: String
    public var disability: String
    /// How the member came to the time bank; nil when not asked or not said.
    public var cameThrough: CameThrough?

    public init(ageBand: String = "", gender: String = "", ethnicity: String = "", disability: String = "", cameThrough: CameThrough? = nil) {
        self.ageBand = ageBand
        self.gender = gender
        self.ethnicity = ethnicity
        self.disability = disability
        self.cameThrough = cameThrough
    }
}

/// Everything a broker records about a member. `version` guards against two brokers
/// overwriting each other: a save names the version it started from.
public struct Member: Hashable, Sendable, Identifiable {
    public var id: Int { number }
    public var number: Int
    public var kind: MemberKind
    public var name: String
    public var preferredName: String
    public var phone: String
    public var email: String
    public var address: String
    public var postcode: String
    public var area: String
    public var joined: CalendarDate
    public var status: MemberStatus
    public var statusReason: String
    public var emergencyContact: String
    /// For an organisation: the person brokers deal with.
    public var contactPerson: String
    public var languages: String
    public var availability: Availability
    public var canTravel: Bool
    public var hasTransport: Bool
    public var accessibilityNeeds: String
    public var consent: Consent
    public var demographics: Demographics
    public var doNotMatch: [Int]
    public var version: Int

    public init(number: Int = 0, kind: MemberKind = .person, name: String, preferredName: String = "", phone: String = "",
                email: String = "", address: String = "", postcode: String = "", area: String = "",
                joined: CalendarDate, status: MemberStatus = .pending, statusReason: String = "",
                emergencyContact: String = "", contactPerson: String = "", languages: String = "",
                availability: Availability = [], canTravel: Bool = false, hasTransport: Bool = false,
                accessibilityNeeds: String = "", consent: Consent = Consent(), demographics: Demographics = Demographics(),
                doNotMatch: [Int] = [], version: Int = 0) {
        self.number = number
        self.kind = kind
        self.name = name
        self.preferredName = preferredName
        self.phone = phone
        self.email = email
        self.address = address
        self.postcode = postcode
        self.area = area
        self.joined = joined
        self.status = status
        self.statusReason = statusReason
        self.emergencyContact = emergencyContact
        self.contactPerson = contactPerson
        self.languages = languages
        self.availability = availability
        self.canTravel = canTravel
        self.hasTransport = hasTransport
        self.accessibilityNeeds = accessibilityNeeds
        self.consent = consent
        self.demographics = demographics
        self.doNotMatch = doNotMatch
        self.version = version
    }

    /// The name to greet the member by.
    public var displayName: String { preferredName.isEmpty ? name : preferredName }
}
