import Foundation
import GRDB
import TimeBank

/// An exchange row, decoded here and nowhere else. Every query of the ledger selects
/// `Exchange.selection` from `exchange e` joined with `Exchange.accounts`, so each side's account
/// (pot, opening balances or a member) is read in the same step as the row.
extension Exchange: FetchableRecord {
    /// The exchange's own columns and, for each side, its account's kind and member.
    static let selection = "e.*, ga.kind AS giver_kind, ga.member AS giver_member, ra.kind AS receiver_kind, ra.member AS receiver_member"
    /// Left joins, so an exchange whose account is missing is read (and refused), not skipped.
    static let accounts = "LEFT JOIN account ga ON ga.id = e.giver LEFT JOIN account ra ON ra.id = e.receiver"

    /// A query of exchanges: `clause` (WHERE, ORDER BY…) names the exchange table `e`.
    static func select(_ clause: String) -> String { "SELECT \(selection) FROM exchange e \(accounts) \(clause)" }

    public init(row: Row) throws {
        self.init(
            id: try row.storedUUID("id", of: "exchange"), date: try row.storedDate("date", of: "exchange"),
            giver: try Exchange.account(row, side: "giver"), receiver: try Exchange.account(row, side: "receiver"),
            minutes: try row.stored("minutes", of: "exchange"), categoryCode: try row.storedOptional("category", of: "exchange"),
            description: try row.stored("description", of: "exchange"), referral: try row.storedOptional("referral", of: "exchange"),
            reverses: try row.storedOptionalUUID("reverses", of: "exchange"), group: try row.storedOptionalUUID("grp", of: "exchange"),
            recordedBy: try row.stored("recorded_by", of: "exchange"), recordedAt: try row.storedTimestamp("recorded_at", of: "exchange"))
    }

    private static func account(_ row: Row, side: String) throws -> AccountRef {
        switch try row.storedOptional("\(side)_kind", of: "exchange", as: String.self) {
        case "pot": return .pot
        case "opening": return .opening
        case "member": return .member(try row.stored("\(side)_member", of: "exchange"))
        default: throw row.damage(side, of: "exchange", isNot: "an account")
        }
    }
}
