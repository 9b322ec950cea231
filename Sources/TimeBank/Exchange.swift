import Foundation

/// One entry in the ledger: `giver` gave `minutes` of time and is credited; `receiver` is debited.
/// A grant from the pot (welcome credit) has the pot as receiver; a donation of credits to the
/// pot has the pot as giver. Entries are never changed: a mistake gets a reversing entry.
public struct Exchange: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var date: CalendarDate
    public var giver: AccountRef
    public var receiver: AccountRef
    public var minutes: Minutes
    public var categoryCode: String?
    public var description: String
    public var referral: Int?
    /// The exchange this one reverses, if it is a correction.
    public var reverses: UUID?
    /// Entries recorded together as one group activity share this id.
    public var group: UUID?
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID = UUID(), date: CalendarDate, giver: AccountRef, receiver: AccountRef, minutes: Minutes,
                categoryCode: String? = nil, description: String = "", referral: Int? = nil, reverses: UUID? = nil,
                group: UUID? = nil, recordedBy: String = "", recordedAt: Date = Date()) {
        self.id = id
        self.date = date
        self.giver = giver
        self.receiver = receiver
        self.minutes = minutes
        self.categoryCode = categoryCode
        self.description = description
        self.referral = referral
        self.reverses = reverses
        self.group = group
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// What a broker submits to record hours, before the store gives it a time and a recorder.
public struct ExchangeRequest: Hashable, Sendable {
    public var id: UUID
    public var date: CalendarDate
    public var giver: AccountRef
    public var receiver: AccountRef
    public var minutes: Minutes
    public var categoryCode: String?
    public var description: String
    public var referral: Int?

    public init(id: UUID = UUID(), date: CalendarDate, giver: AccountRef, receiver: AccountRef, minutes: Minutes,
                categoryCode: String? = nil, description: String = "", referral: Int? = nil) {
        self.id = id
        self.date = date
        self.giver = giver
        self.receiver = receiver
        self.minutes = minutes
        self.categoryCode = categoryCode
        self.description = description
        self.referral = referral
    }

    /// The domain's own checks, before any storage is touched.
    public func validate() throws(LedgerError) {
        guard minutes > 0 else { throw .durationNotPositive }
        guard minutes <= DurationParser.maximum else { throw .durationTooLong(minutes) }
        guard giver != receiver else { throw .sameAccount }
        guard TextRules.fits(description, characters: 500) else { throw .descriptionTooLong }
        if let problem = TextRules.controlProblem("The description", description, multiline: true) { throw .refused(problem) }
        if let code = categoryCode, let problem = TextRules.controlProblem("The category code", code) { throw .refused(problem) }
    }
}

/// Ledger rule violations, each a sentence for the broker.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    case durationNotPositive
    case durationTooLong(Minutes)
    case sameAccount
    case descriptionTooLong
    case closedMonth(month: String, openFrom: String?)
    case alreadyReversed(UUID)
    case reversingAReversal(UUID)
    case noSuchExchange(String)
    case unknownAccount(String)
    case accountNotActive(String)
    case idReusedForDifferentExchange(UUID)
    case unknownCategory(String)
    /// A rule refused it (a control character, a date outside the ledger); the sentence says which.
    case refused(String)
    case futureDate(CalendarDate, allowedDays: Int)

    public var description: String {
        switch self {
        case .durationNotPositive: return "A duration must be more than zero."
        case .durationTooLong(let m): return "\(MinutesFormat.clock(m)) is more than 24 hours, the longest one exchange can be."
        case .sameAccount: return "The giver and the receiver must be different."
        case .descriptionTooLong: return "The description is longer than 500 characters."
        case .closedMonth(let month, let open):
            return "\(month) is closed; \(open.map { "record it on or after \($0)" } ?? "record it in an open month")."
        case .alreadyReversed(let id): return "Exchange \(id.uuidString.lowercased()) has already been reversed."
        case .reversingAReversal(let id): return "Exchange \(id.uuidString.lowercased()) is itself a reversal and cannot be reversed."
        case .noSuchExchange(let id): return "There is no exchange with id \(id)."
        case .unknownAccount(let a): return "There is no member number \(a)."
        case .accountNotActive(let a): return "Member \(a) has left the time bank and cannot take part in new exchanges."
        case .idReusedForDifferentExchange(let id): return "Id \(id.uuidString.lowercased()) was already used for a different exchange."
        case .refused(let sentence): return sentence
        case .unknownCategory(let c): return "There is no category '\(c)'."
        case .futureDate(let d, let allowed):
            return allowed == 0
                ? "\(d.british) is in the future: hours are recorded after they happen."
                : "\(d.british) is more than \(allowed) day\(allowed == 1 ? "" : "s") ahead, the furthest this time bank allows."
        }
    }
}
