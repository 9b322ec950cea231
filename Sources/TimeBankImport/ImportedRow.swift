import Foundation
import TimeBank

/// What a file holds: the five kinds of `timebank import`.
public enum ImportKind: String, CaseIterable, Sendable {
    case members, offers, needs, exchanges, balances
}

/// Whose columns the file has: ours (the export contract), or TimeOverflow's.
public enum ImportFormat: String, CaseIterable, Sendable {
    case timebank, timeoverflow
}

/// A row that cannot be imported, and why, in one sentence.
public struct RowProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "Line \(line): \(reason)" }
}

/// A member read from a file. `number` is the file's number, kept when it is free.
public struct ImportedMember: Sendable, Equatable {
    public var line: Int
    public var number: Int?
    public var member: Member
    /// Text the file holds that has no field of its own (TimeOverflow's second phone), kept as a note.
    public var notes: [String]
    /// The vetting record the file's `vetting` and `vetting_review` columns describe; nil when they say nothing.
    public var vetting: Vetting? = nil
}

/// An offer or a need read from a file; `id` is kept so a second import finds it.
public struct ImportedListing: Sendable, Equatable {
    public var line: Int
    public var id: Int?
    public var member: Int
    public var categoryCode: String
    public var title: String
    public var description: String
    public var area: String
    public var availability: Availability
    public var status: ListingStatus
    public var created: CalendarDate
    public var needsVettedHelper: Bool
    public var requiresTravel: Bool
}

/// A ledger entry read from a file. Its id makes a second import of the same file record nothing.
public struct ImportedExchange: Sendable, Equatable {
    public var line: Int
    public var id: UUID
    public var date: CalendarDate
    public var giver: AccountRef
    public var receiver: AccountRef
    public var minutes: Minutes
    public var categoryCode: String?
    public var description: String
    public var reverses: UUID?
    /// Who recorded it and when, as the exporting system said; empty means the importing broker, now.
    public var recordedBy: String
    public var recordedAt: String
}

/// A member's balance brought from the old system (given minus received, in minutes).
public struct ImportedBalance: Sendable, Equatable {
    public var line: Int
    public var member: Int
    public var minutes: Minutes
}

/// Every kind of row, as the mapping read it.
public enum ImportedRow: Sendable, Equatable {
    case member(ImportedMember)
    case offer(ImportedListing)
    case need(ImportedListing)
    case exchange(ImportedExchange)
    case balance(ImportedBalance)

    public var line: Int {
        switch self {
        case .member(let m): return m.line
        case .offer(let l), .need(let l): return l.line
        case .exchange(let e): return e.line
        case .balance(let b): return b.line
        }
    }
}
