import Foundation
import TimeBank

/// One exchange a ledger-wide search found, with what a broker needs to recognise it.
public struct FoundExchange: Hashable, Sendable, Identifiable {
    public var exchange: Exchange
    public var giverName: String
    public var receiverName: String
    /// The category's name, or "" when the entry has none.
    public var categoryName: String
    /// The id of the entry that reversed this one, if any.
    public var reversedBy: UUID?

    public var id: UUID { exchange.id }
    /// A reversing entry itself, which cannot be reversed again.
    public var isReversal: Bool { exchange.reverses != nil }
}

/// A window of a ledger-wide search, newest first, and how many exchanges match in all.
public struct FoundExchanges: Hashable, Sendable {
    public var rows: [FoundExchange]
    /// Counted only up to `ExchangeFinder.countLimit`; `totalIsAtLeast` says when it stopped there.
    public var total: Int
    public var totalIsAtLeast: Bool
}
