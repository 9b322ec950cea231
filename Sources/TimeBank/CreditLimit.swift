/// A warning the caller must show and have accepted before recording.
public struct CreditLimitWarning: Hashable, Sendable, CustomStringConvertible {
    public var account: AccountRef
    public var name: String
    public var balanceAfter: Minutes
    public var limit: Minutes

    public var description: String {
        "\(name) would go to \(MinutesFormat.clock(balanceAfter)), past the credit limit of -\(MinutesFormat.clock(limit))."
    }
}

public enum CreditLimit {
    /// Nil when the receiver stays within the limit; the pot has no limit.
    public static func check(receiver: AccountRef, name: String, balance: Minutes, paying minutes: Minutes,
                             limit: Minutes) -> CreditLimitWarning? {
        guard receiver != .pot else { return nil }
        let after = balance - minutes
        guard after < -limit else { return nil }
        return CreditLimitWarning(account: receiver, name: name, balanceAfter: after, limit: limit)
    }
}
