public enum BrokerRole: String, CaseIterable, Sendable, Codable {
    /// Manages brokers, settings, closed months and erasure.
    case admin
    case broker
    /// Reads only.
    case viewer

    public var canWrite: Bool { self != .viewer }
    public var isAdmin: Bool { self == .admin }
}

/// A person who runs the time bank, known by their Unix account name.
public struct Broker: Hashable, Sendable, Identifiable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var role: BrokerRole
    public var active: Bool
    /// The member account this broker holds as a member themselves, if any: they never record
    /// or reverse an exchange of that account.
    public var member: Int?

    public init(id: Int = 0, username: String, displayName: String, role: BrokerRole, active: Bool = true, member: Int? = nil) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.active = active
        self.member = member
    }
}

/// Unix account names as accepted for brokers: the portable POSIX set.
public enum BrokerName {
    public static func isValidUsername(_ s: String) -> Bool {
        guard (1...32).contains(s.count), let first = s.first, first != "-" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }
}
