/// How a member came to the time bank: an optional demographic for funders of public services,
/// who ask how many hours were given and received by people who came through a service.
public enum CameThrough: String, CaseIterable, Sendable, Codable {
    case selfReferred = "self"
    case friendOrFamily = "friend-or-family"
    case gpOrSocialPrescriber = "gp-or-social-prescriber"
    case councilOrSocialServices = "council-or-social-services"
    case housing
    case charityOrGroup = "charity-or-group"
    case other

    /// Words for forms, cards and reports.
    public var label: String {
        switch self {
        case .selfReferred: return "Self"
        case .friendOrFamily: return "Friend or family"
        case .gpOrSocialPrescriber: return "GP or social prescriber"
        case .councilOrSocialServices: return "Council or social services"
        case .housing: return "Housing"
        case .charityOrGroup: return "Another charity or group"
        case .other: return "Other"
        }
    }

    /// A referral by a public or voluntary service, rather than finding the time bank alone
    /// or through someone they know: the co-production figure.
    public var isService: Bool {
        switch self {
        case .gpOrSocialPrescriber, .councilOrSocialServices, .housing, .charityOrGroup: return true
        case .selfReferred, .friendOrFamily, .other: return false
        }
    }

    /// Accepts the stored code or the label, any case ("GP or social prescriber", "gp").
    public init?(text: String) {
        let t = text.trimmingWhitespace().lowercased()
        if let exact = CameThrough(rawValue: t) { self = exact; return }
        if let byLabel = CameThrough.allCases.first(where: { $0.label.lowercased() == t }) { self = byLabel; return }
        switch t {
        case "gp", "social prescriber": self = .gpOrSocialPrescriber
        case "council", "social services": self = .councilOrSocialServices
        case "charity", "group": self = .charityOrGroup
        case "friend", "family": self = .friendOrFamily
        default: return nil
        }
    }
}
