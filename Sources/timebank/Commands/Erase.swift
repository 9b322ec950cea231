import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

/// Erasure on request (UK GDPR article 17), admins only.
struct Erase: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase a member's personal data (admins): they become \"Former member M\"; the ledger's hours stay.",
        discussion: """
            Removes every personal field, note, vetting record, reference, demographic, offer and need text and do-not-match \
            entry, and the free text of their exchanges and referrals; dates, accounts and minutes stay, so balances and reports \
            do not change. --balance is required when the member's balance is not zero: donate moves it to the community pot, \
            keep leaves it on the former member's account. The database file is then cleared of the old bytes; backups taken \
            earlier still hold them and are the administrator's to age out.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The member number.") var member: Int
    @Option(help: "Why (kept in the audit log; without the member's own details).") var reason: String
    @Option(help: "donate or keep: what happens to a balance that is not zero.") var balance: Choice?

    enum Choice: String, ExpressibleByArgument, CaseIterable {
        case donate, keep
        var choice: ErasureBalance { self == .donate ? .donate : .keep }
    }

    func run() throws {
        let session = try Session.open(database)
        let cleared = try attempt {
            try session.store.erase(member: member, reason: reason, balance: balance?.choice, by: session.broker)
        }
        let out = CommandOutput.standardOutput()
        try out.writeLine("Member \(member) is erased and is now \"Former member \(member)\"; the ledger's hours stay.")
        if !cleared {
            try out.writeLine("Another program has the database open, so the freed bytes leave the write-ahead log at its next checkpoint.")
        }
        try out.flush()
    }
}
