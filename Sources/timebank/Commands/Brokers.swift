import ArgumentParser
import TimeBank
import TimeBankStore

struct Brokers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage who may use this time bank's data (admins only for changes).",
        subcommands: [Add.self, List.self, Remove.self])

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
        static let configuration = CommandConfiguration(abstract: "List brokers.")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "table, csv or json.") var format: OutputFormat = .table

        func run() throws {
            let store = try Session.openForReading(database)
            var t = Tabular(columns: ["username", "name", "role", "active"])
            t.rows = try attempt { try store.brokers() }.map { [.text($0.username), .text($0.displayName), .text($0.role.rawValue), .bool($0.active)] }
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
}
