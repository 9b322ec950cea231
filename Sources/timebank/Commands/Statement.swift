import ArgumentParser
import Foundation
import Printouts
import TimeBank
import TimeBankStore

struct Statement: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An account's statement: hours given, hours received, balance and every exchange.",
        discussion: "--format text is a printable paper statement for members who are not online.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A member number, a name that fits one member, or 'pot'.") var member: String
    @Option(parsing: .unconditional, help: "First date (YYYY-MM-DD, or -30 for thirty days ago).") var from: String?
    @Option(parsing: .unconditional, help: "Last date (YYYY-MM-DD).") var to: String?
    @Option(help: "text, csv or json.") var format: Format = .text

    func run() throws {
        let start = try from.map { try calendarDate($0, option: "--from") }
        let end = try to.map { try calendarDate($0, option: "--to") }
        if let start, let end, end < start { throw CommandFailure.user("--to \(end.iso) is before --from \(start.iso).") }
        let store = try Session.openForReading(database)
        let ref = try accountRef(member, option: "member", in: store)
        let statement = try attempt { try store.statement(for: ref, from: start, to: end) }
        switch format {
        case .text:
            let settings = try attempt { try store.settings() }
            try CommandOutput.standardOutput().finish(StatementPaper.render(statement, timeBank: settings.timeBankName, printed: .today()))
        case .csv: try CommandOutput.standardOutput().finish(StatementText.table(statement).csv())
        case .json: try CommandOutput.standardOutput().finish(StatementText.json(statement) + "\n")
        }
    }
}
