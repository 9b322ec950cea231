import Foundation

/// An introduction of a helper to a member in need, and how far it has got.
public enum ReferralStatus: String, CaseIterable, Sendable, Codable {
    case proposed, contacted, agreed, done, declined, cancelled

    public var isClosed: Bool { self == .done || self == .declined || self == .cancelled }

    /// The steps a broker may take from here; closed referrals go nowhere.
    public var next: [ReferralStatus] {
        switch self {
        case .proposed: return [.contacted, .agreed, .declined, .cancelled]
        case .contacted: return [.agreed, .declined, .cancelled]
        case .agreed: return [.done, .declined, .cancelled]
        case .done, .declined, .cancelled: return []
        }
    }

    public func canMove(to other: ReferralStatus) -> Bool { next.contains(other) }
}

public struct Referral: Hashable, Sendable, Identifiable {
    public var id: Int
    public var need: Int
    public var offer: Int?
    public var helper: Int
    public var status: ReferralStatus
    public var created: Date
    public var updated: Date
    public var broker: String
    public var note: String
    /// The saved version this copy was read at; moving it names it, so a move made meanwhile by
    /// another broker is not silently followed by a second one.
    public var version: Int

    public init(id: Int = 0, need: Int, offer: Int?, helper: Int, status: ReferralStatus = .proposed,
                created: Date, updated: Date, broker: String, note: String = "", version: Int = 1) {
        self.version = version
        self.id = id
        self.need = need
        self.offer = offer
        self.helper = helper
        self.status = status
        self.created = created
        self.updated = updated
        self.broker = broker
        self.note = note
    }
}
