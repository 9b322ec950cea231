/// Every kind of change a broker can make, so that who may do what is decided in one place.
public enum BrokerAction: Hashable, Sendable {
    case editMembers
    case writeNotes
    case recordVetting
    case editOffersAndNeeds
    case referMembers
    /// Recording hours between these two accounts (one entry of a group counts alike).
    case recordHours(giver: AccountRef, receiver: AccountRef)
    /// Reversing an exchange between these two accounts.
    case reverseHours(giver: AccountRef, receiver: AccountRef)
    case closeMonths
    case editCategories
    case changeSettings
    case manageBrokers
    /// An admin changing a broker's role; `own` when it is their own.
    case changeRole(own: Bool)
    case eraseMembers
    /// Bringing members, listings, exchanges or opening balances in from a file.
    case importData
    /// Writing out everything held about a member (a subject access request).
    case exportPersonalData

    /// The least role that may do this.
    public var minimumRole: BrokerRole {
        switch self {
        case .editMembers, .writeNotes, .recordVetting, .editOffersAndNeeds, .referMembers, .recordHours, .reverseHours, .exportPersonalData:
            return .broker
        case .closeMonths, .editCategories, .changeSettings, .manageBrokers, .changeRole, .eraseMembers, .importData:
            return .admin
        }
    }

    /// What the action is, to finish "Only … can …".
    public var phrase: String {
        switch self {
        case .editMembers: return "change members"
        case .writeNotes: return "write notes"
        case .recordVetting: return "record vetting"
        case .editOffersAndNeeds: return "change offers and needs"
        case .referMembers: return "make or move referrals"
        case .recordHours: return "record hours"
        case .reverseHours: return "reverse hours"
        case .closeMonths: return "close a month"
        case .editCategories: return "edit the categories"
        case .changeSettings: return "change settings"
        case .manageBrokers: return "manage brokers"
        case .changeRole: return "change a broker's role"
        case .eraseMembers: return "erase a member's personal data"
        case .importData: return "import data from a file"
        case .exportPersonalData: return "export a member's personal data"
        }
    }
}

extension BrokerRole {
    /// Admin includes broker, broker includes viewer.
    var rank: Int {
        switch self {
        case .viewer: return 0
        case .broker: return 1
        case .admin: return 2
        }
    }

    public func includes(_ other: BrokerRole) -> Bool { rank >= other.rank }
}

/// Why a broker may not do something: one sentence naming the role needed.
public enum PermissionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case roleNeeded(BrokerRole, action: String, have: BrokerRole)
    case ownExchange(action: String)
    case ownRole

    public var description: String {
        switch self {
        case .roleNeeded(let role, let action, let have):
            let who = role == .admin ? "an admin" : "a broker or an admin"
            return "Only \(who) can \(action); you are \(have == .admin ? "an admin" : "a \(have.rawValue)")."
        case .ownExchange(let action):
            return "You cannot \(action) in which you are giver or receiver; ask another broker."
        case .ownRole:
            return "You cannot change your own role; ask another admin."
        }
    }
}

/// The one rule of who may do what.
public enum Permissions {
    /// Nil when a broker of `role`, linked to member `ownMember` (if they are one), may do `action`.
    public static func refusal(role: BrokerRole, ownMember: Int?, for action: BrokerAction) -> PermissionRefusal? {
        guard role.includes(action.minimumRole) else {
            return .roleNeeded(action.minimumRole, action: action.phrase, have: role)
        }
        switch action {
        case .recordHours(let giver, let receiver), .reverseHours(let giver, let receiver):
            // A broker who is also a member asks a colleague to record or correct their own hours.
            if let own = ownMember, giver == .member(own) || receiver == .member(own) {
                return .ownExchange(action: action == .recordHours(giver: giver, receiver: receiver)
                                    ? "record an exchange" : "reverse an exchange")
            }
        case .changeRole(own: true):
            return .ownRole
        default:
            break
        }
        return nil
    }

    /// Whether screens should offer the action at all (the role part of the rule).
    public static func allows(_ role: BrokerRole, _ action: BrokerAction) -> Bool {
        role.includes(action.minimumRole)
    }
}
