import ArgumentParser
import TimeBank
import TimeBankStore

struct Categories: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The category codes that record --category and the imports take.",
        discussion: """
            Each service has a code such as garden.lawn (its group before the dot); the console shows the same codes. \
            vetting says whether a need in the service asks for a vetted helper by default. Retired categories are \
            listed only with --all.
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Include retired categories.") var all = false
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try Session.openForReading(database)
        let categories = try attempt { try store.categories(includeInactive: all) }
        var table = Tabular(columns: ["code", "group", "name", "vetting", "travel", "active"])
        table.rows = categories.sorted { $0.code < $1.code }.map {
            [.text($0.code), .text($0.group), .text($0.name), .text($0.suggestsVetting ? "vetted helper" : ""),
             .bool($0.involvesTravel), .bool($0.active)]
        }
        let out = CommandOutput.standardOutput()
        try out.write(table.render(format))
        try out.flush()
    }
}
