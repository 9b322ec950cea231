import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

/// `timebank report`: what the time bank achieved in a period, for the board and funders.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "What the time bank achieved in a period, beside the previous period and the year before.",
        discussion: """
            PERIOD is a month (2026-11), a quarter (2026-Q3), a year (2026) or a financial year (FY2026, starting in the \
            month of the setting financial_year_start_month, April by default); or give --from and --to. Without either, \
            the current month. --format text is the printable board report (80 columns), md the same for a document, \
            csv one tidy table (section,figure,breakdown,value,previous,year_before), json the same figures nested. \
            Sections: \(ReportSection.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "2026-11, 2026-Q3, 2026 or FY2026.") var period: String?
    @Option(help: "First date of service (YYYY-MM-DD).") var from: String?
    @Option(help: "Last date of service (YYYY-MM-DD).") var to: String?
    @Option(name: .customLong("section"), help: "Only this section (repeatable).") var sections: [String] = []
    @Option(help: "text, md, csv or json.") var format: String = "text"

    func run() throws {
        guard let format = ReportDocument.Format(rawValue: format) else {
            throw CommandFailure.usage("'\(format.prefix(40))' is not a report format: use text, md, csv or json.")
        }
        var chosen: [ReportSection] = []
        for name in sections {
            guard let s = ReportSection(rawValue: name) else {
                throw CommandFailure.usage("'\(name.prefix(40))' is not a report section: use \(ReportSection.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            chosen.append(s)
        }
        let store = try Session.openForReading(database)
        let fyStart = try attempt { try store.financialYearStartMonth() }
        let chosenPeriod: ReportPeriod
        switch (period, from, to) {
        case (let text?, nil, nil):
            chosenPeriod = try Self.unwrap(ReportPeriodParser.parse(text, financialYearStartMonth: fyStart))
        case (nil, let a?, let b?):
            chosenPeriod = try Self.unwrap(ReportPeriodParser.range(from: a, to: b))
        case (nil, nil, nil):
            chosenPeriod = .containing(.today(), kind: .month)
        case (_?, _, _):
            throw CommandFailure.usage("Give either a PERIOD or --from and --to, not both.")
        default:
            throw CommandFailure.usage("--from and --to go together: give both dates.")
        }
        let report = try attempt { try store.report(chosenPeriod) }
        let out = CommandOutput.standardOutput()
        try out.write(ReportDocument.render(report, format: format, sections: chosen))
        try out.flush()
    }

    static func unwrap(_ r: Result<ReportPeriod, ReportPeriodParser.Problem>) throws -> ReportPeriod {
        switch r {
        case .success(let p): return p
        case .failure(let problem): throw CommandFailure.usage(problem.message)
        }
    }
}
