import ArgumentParser
import TimeBank
import TimeBankStore

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "List every setting with its value and meaning; 'settings set KEY VALUE' changes one (admins).",
        subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every setting with its value and meaning.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try Session.openForReading(database)
            let settings = try attempt { try store.settings() }
            let out = CommandOutput.standardOutput()
            let width = SettingKey.allCases.map(\.rawValue.count).max() ?? 0
            do {
                for key in SettingKey.allCases {
                    let name = key.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    try out.writeLine("\(name)  \(key.value(in: settings))")
                    try out.writeLine("\(String(repeating: " ", count: width))  \(key.meaning)")
                }
                try out.flush()
            } catch {
                throw CommandFailure.user("The settings could not be written out: \(error).")
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change one setting (admins).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The setting's name, as 'timebank settings' lists it.") var key: String
        @Argument(help: "Its new value.") var value: String

        func run() throws {
            guard let k = SettingKey(rawValue: key.lowercased()) else {
                throw CommandFailure.user("There is no setting '\(key.prefix(40))'; the settings are \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let session = try Session.open(database)
            let saved = try attempt { try session.store.updateSetting(k, to: value, by: session.broker) }
            print("\(k.rawValue) is now \(Printable.clean(k.value(in: saved))).")
        }
    }
}
