import Foundation
import TimeBank

/// One line of an account's statement.
public struct StatementLine: Hashable, Sendable {
    public var exchange: Exchange
    public var partner: AccountRef
    public var partnerName: String
    public var categoryName: String
    /// Positive when this account was credited (gave time), negative when debited.
    public var signedMinutes: Minutes
    public var balanceAfter: Minutes
    /// The id of the entry that reversed this one, if any.
    public var reversedBy: UUID?
    /// Which total the line counts in; a reversal counts, negatively, in its original's.
    public var column: StatementColumn
}

/// The three totals a statement's lines add up to.
public enum StatementColumn: Hashable, Sendable {
    case given, received, potGrant
}

/// An account's activity over a period, with hours given and received shown apart from the balance.
public struct Statement: Hashable, Sendable {
    public var account: AccountRef
    public var name: String
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var openingBalance: Minutes
    public var lines: [StatementLine]
    /// Within the period, net of reversals: each is the sum of its column on the printed statement.
    public var givenMinutes: Minutes
    public var receivedMinutes: Minutes
    /// Welcome credit and other grants from the community pot: not hours given.
    public var potGrantMinutes: Minutes
    public var closingBalance: Minutes { openingBalance + givenMinutes + potGrantMinutes - receivedMinutes }

    /// What a line adds to its column: the original's amount, or minus it for a reversal.
    public static func columnMinutes(_ line: StatementLine) -> Minutes {
        line.exchange.reverses == nil ? line.exchange.minutes : -line.exchange.minutes
    }
}
