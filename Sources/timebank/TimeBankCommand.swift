import ArgumentParser

struct TimeBankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timebank",
        abstract: "The broker console for time banks, and its command line.",
        discussion: """
            With no subcommand, opens the terminal application. The database is --db PATH, else $TIMEBANK_DB, \
            else $XDG_DATA_HOME/timebank/timebank.sqlite. Exit codes: 0 ok, 1 user error, 2 usage, 3 data problem found by check.
            """,
        subcommands: [
            Console.self, Demo.self, Members.self, Record.self, Reverse.self, Balance.self, Statement.self, Match.self,
            Check.self, Backup.self, Export.self, Import.self, ExportMember.self, Erase.self, Brokers.self, SettingsCommand.self,
            ReportCommand.self, Categories.self, Exchanges.self,
        ]
    )

    // With no subcommand, the console: `timebank`, `timebank --demo`, `timebank --db PATH`.
    @OptionGroup var console: ConsoleOptions

    func run() throws {
        try console.open()
    }
}

/// The database option every command takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "PATH"))
    var db: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("On a shared login: the broker at the keyboard (their PIN is asked on the terminal).", valueName: "USERNAME"))
    var actingAs: String?

    init() {}

    init(db: String?) {
        self.db = db
        self.actingAs = nil
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
