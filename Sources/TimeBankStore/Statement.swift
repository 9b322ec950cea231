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
}

/// An account's activity over a period, with hours given and received shown apart from the balance.
public struct Statement: Hashable, Sendable {
    public var account: AccountRef
    public var name: String
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var openingBalance: Minutes
    public var lines: [StatementLine]
    /// Within the period, net of reversals.
    public var givenMinutes: Minutes
    public var receivedMinutes: Minutes
    public var closingBalance: Minutes { openingBalance + givenMinutes - receivedMinutes }
}
