/// Who a ledger entry debits or credits: a member's (or organisation's) account, or the community pot.
public enum AccountRef: Hashable, Sendable, CustomStringConvertible {
    case member(Int)
    case pot
    /// The other side of balances brought from another system (`timebank import balances`):
    /// never a side of an exchange a broker records, and left out of reports' hours exchanged.
    case opening

    /// Reads the command-line and CSV form: a member number, or `pot`.
    public init?(_ text: String) {
        let t = text.trimmingWhitespace().lowercased()
        if t == "pot" { self = .pot; return }
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n > 0 else { return nil }
        self = .member(n)
    }

    /// `pot` or the member number: the form used in CSV, JSON and the command line.
    public var description: String {
        switch self {
        case .pot: return "pot"
        case .opening: return "opening"
        case .member(let n): return String(n)
        }
    }

    public var memberNumber: Int? {
        if case .member(let n) = self { return n }
        return nil
    }
}

/// An account's position: balance is hours given minus hours received.
public struct AccountBalance: Hashable, Sendable {
    public var account: AccountRef
    public var name: String
    public var givenMinutes: Minutes
    public var receivedMinutes: Minutes
    public var balanceMinutes: Minutes { givenMinutes - receivedMinutes }

    public init(account: AccountRef, name: String, givenMinutes: Minutes, receivedMinutes: Minutes) {
        self.account = account
        self.name = name
        self.givenMinutes = givenMinutes
        self.receivedMinutes = receivedMinutes
    }
}
