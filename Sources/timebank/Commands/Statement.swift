import ArgumentParser
import BrokerConsole
import Foundation
import TimeBank
import TimeBankStore

struct Statement: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An account's statement: hours given, hours received, balance and every exchange.",
        discussion: "--format text is a printable paper statement for members who are not online.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A member number, a name that fits one member, or 'pot'.") var member: String
    @Option(help: "First date (YYYY-MM-DD).") var from: String?
    @Option(help: "Last date (YYYY-MM-DD).") var to: String?
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
            print(StatementPaper.render(statement, timeBank: settings.timeBankName, printed: .today()), terminator: "")
        case .csv: print(StatementText.table(statement).csv(), terminator: "")
        case .json: print(StatementText.json(statement))
        }
    }
}
