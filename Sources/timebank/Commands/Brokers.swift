import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Brokers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage who may use this time bank's data (admins only for changes).",
        subcommands: [Add.self, List.self, Remove.self, SetPin.self, Role.self, SharedLogin.self, Unlock.self, Link.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a Unix account as a broker.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The broker's Unix account name.") var username: String
        @Option(help: "Their name as shown on screens and in the audit log.") var name: String?
        @Option(help: "admin, broker or viewer.") var role: String = "broker"

        func run() throws {
            guard let r = BrokerRole(rawValue: role) else { throw CommandFailure.user("--role must be admin, broker or viewer, not '\(role.prefix(20))'.") }
            let session = try Session.open(database)
            let b = try attempt { try session.store.addBroker(username: username, displayName: name ?? username, role: r, by: session.broker) }
            try CommandOutput.standardOutput().finishLine("Added \(b.username) (\(Printable.clean(b.displayName))) as \(b.role.rawValue).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List brokers: role, last sign-in, and whether wrong PINs locked them out.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try Session.openForReading(database)
            let now = Date()
            var t = Tabular(columns: ["username", "name", "role", "active", "pin", "last_sign_in", "locked_out"])
            t.rows = try attempt { try store.signInStates(now: now) }.map { s in
                let pin = !s.hasPin ? "none" : s.mustChangePin ? "must change" : "set"
                let locked = s.lockedUntil.map { "for \(PinLockout.wording(seconds: Int($0.timeIntervalSince(now).rounded(.up))))" } ?? "no"
                return [.text(s.broker.username), .text(s.broker.displayName), .text(s.broker.role.rawValue), .bool(s.broker.active),
                        .text(pin), .text(s.lastSignIn.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "never"),
                        .text(locked)]
            }
            try CommandOutput.standardOutput().finish(t.render(format))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a broker's access; what they recorded keeps their name.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The broker's Unix account name.") var username: String

        func run() throws {
            let session = try Session.open(database)
            try attempt { try session.store.removeBroker(username: username, by: session.broker) }
            try CommandOutput.standardOutput().finishLine("Removed \(username).")
        }
    }

    struct SetPin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-pin",
            abstract: "Set your PIN (at least 6 digits, or a passphrase of 10 characters or more).",
            discussion: "An admin may set another broker's PIN; that broker must choose their own at their next sign-in. The PIN is asked on the terminal without echo, or read from standard input with --pin-stdin; never give it as an argument.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Whose PIN (admins only for another broker's); yours if left out.") var username: String?
        @Flag(help: "Read the new PIN from the first line of standard input.") var pinStdin = false

        func run() throws {
            let session = try Session.open(database, changingPin: true)
            let target = username ?? session.broker.username
            let pin: PinSecret
            if pinStdin {
                pin = PinPrompt.fromStandardInput()
            } else {
                guard let first = PinPrompt.fromTerminal("New PIN for \(target): ") else {
                    throw CommandFailure.user("There is no terminal to ask for the new PIN on; give it on standard input with --pin-stdin.")
                }
                if let problem = first.problem { throw CommandFailure.user(problem) }
                guard let again = PinPrompt.fromTerminal("The same PIN again: ") else { throw PinPrompt.noTerminal }
                guard first.equals(again) else { throw CommandFailure.user("The two PINs differ; nothing was changed.") }
                pin = first
            }
            try attempt { try session.store.setPin(username: target, to: pin, by: session.broker) }
            print(target == session.broker.username ? "Your PIN is set." : "\(target)'s PIN is set; they must choose their own at their next sign-in.")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a broker another role: admin, broker or viewer (admins; never your own).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The broker's username.") var username: String
        @Argument(help: "admin, broker or viewer.") var role: String

        func run() throws {
            guard let r = BrokerRole(rawValue: role.lowercased()) else {
                throw CommandFailure.user("The role must be admin, broker or viewer, not '\(role.prefix(20))'.")
            }
            let session = try Session.open(database)
            try attempt { try session.store.setRole(username: username, to: r, by: session.broker) }
            print("\(username) is now \(r == .admin ? "an admin" : "a \(r.rawValue)").")
        }
    }

    struct SharedLogin: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "shared-login",
            abstract: "Mark a Unix login as shared by several brokers: its console opens on a sign-in screen (admins).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The shared Unix account name.") var unixName: String
        @Flag(help: "Make it a personal login again.") var off = false

        func run() throws {
            let session = try Session.open(database)
            try attempt { try session.store.markSharedLogin(unixName, shared: !off, by: session.broker) }
            print(off ? "\(unixName) is a personal login again." : "\(unixName) is a shared login: brokers sign in with their username and PIN.")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a broker's lockout after wrong PINs (admins).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The broker's username.") var username: String

        func run() throws {
            let session = try Session.open(database)
            try attempt { try session.store.clearLockout(username: username, by: session.broker) }
            print("\(username) may sign in again.")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a broker to the member account they hold, so they never record or reverse its hours (admins).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The broker's username.") var username: String
        @Argument(help: "Their member number, or 'none'.") var member: String

        func run() throws {
            let number: Int?
            if member.lowercased() == "none" {
                number = nil
            } else {
                guard case .member(let n)? = AccountRef(member) else {
                    throw CommandFailure.user("'\(member.prefix(20))' is not a member number or 'none'.")
                }
                number = n
            }
            let session = try Session.open(database)
            try attempt { try session.store.linkMember(username: username, to: number, by: session.broker) }
            print(number.map { "\(username) is member \($0) and will not record that account's hours." } ?? "\(username) is linked to no member.")
        }
    }
}
