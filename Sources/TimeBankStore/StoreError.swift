import TimeBank

/// What went wrong, as one sentence a broker or a script can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notADatabase(path: String)
    case permissionDenied(path: String)
    case notABroker(username: String)
    case readOnlyBroker(username: String)
    case adminOnly(action: String)
    /// The broker's role or own stake forbids the change (see `Permissions`).
    case refused(PermissionRefusal)
    case memberNotFound(Int)
    case invalidMember([FieldProblem])
    case memberChanged(MemberConflict)
    case ledger(LedgerError)
    case creditLimit(CreditLimitWarning)
    /// The same slip seems to be recorded already; the caller must say it is meant twice.
    case duplicate(DuplicateExchange)
    case notFound(String)
    case invalid(String)
    case busy
    /// A stored value the program cannot read; the message names the row and suggests `check`.
    case damaged(String)
    /// Another broker saved this offer, need, vetting record or referral since it was read.
    case recordChanged(RecordConflict)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "Cannot open the database \(path): \(reason)."
        case .notADatabase(let path): return "\(path) is not a time bank database (it is not an SQLite file)."
        case .permissionDenied(let path):
            return "You do not have permission to open \(path); ask an administrator to add you to the brokers' group."
        case .notABroker(let u): return "'\(u)' is not a registered broker of this time bank; an admin can add you with 'timebank brokers add \(u)'."
        case .readOnlyBroker(let u): return "'\(u)' is a viewer and cannot change anything."
        case .adminOnly(let action): return "Only an admin can \(action)."
        case .refused(let refusal): return refusal.description
        case .memberNotFound(let n): return "There is no member number \(n)."
        case .invalidMember(let problems): return problems.map(\.message).joined(separator: " ")
        case .memberChanged(let c): return c.description
        case .ledger(let e): return e.description
        case .creditLimit(let w): return w.description
        case .duplicate(let d): return d.sentence() + "."
        case .notFound(let what): return what
        case .invalid(let what): return what
        case .busy: return "The database stayed busy for too long; try again in a moment."
        case .damaged(let what): return what
        case .recordChanged(let c): return c.description
        }
    }
}

/// Another broker saved the member after this broker started editing.
public struct MemberConflict: Equatable, Sendable, CustomStringConvertible {
    public var member: Int
    public var otherBroker: String
    public var savedAt: String
    /// Field name → (their value, your starting value).
    public var changes: [FieldChange]

    public struct FieldChange: Equatable, Sendable {
        public var field: String
        public var before: String
        public var after: String
    }

    public var description: String {
        let fields = changes.map(\.field).joined(separator: ", ")
        return "\(otherBroker) saved this member at \(savedAt) while you were editing (changed: \(fields.isEmpty ? "status" : fields)); your edits are kept, check them and save again."
    }
}
