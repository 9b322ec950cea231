import ArgumentParser
import TimeBank
import TimeBankStore

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The ranked helpers for a need, with score and reasons, exactly as the Match screen ranks them.",
        discussion: "Only active members are proposed, never the member in need or anyone on either's do-not-match list, and for a need that needs a vetted helper only members whose vetting is complete and current.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The need's number.") var needID: Int
    @Option(help: "How many helpers.") var limit: Int = 10
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() throws {
        let store = try Session.openForReading(database)
        let results = try attempt { try store.rankHelpers(forNeed: needID, limit: limit) }
        var table = Tabular(columns: ["member", "name", "score", "reasons"])
        table.rows = results.map { [.int($0.member), .text($0.name), .int($0.score), .list($0.reasons.map { .text($0) })] }
        let out = CommandOutput.standardOutput()
        defer { try? out.flush() }
        if format == .table {
            // Reasons read better on a line of their own than in a truncated column.
            for r in results {
                try out.writeLine("\(String(r.score).leftPadded(4))  \(r.member)  \(Printable.clean(r.name, limit: 40))")
                try out.writeLine("      \(Printable.clean(r.reasons.joined(separator: " · ")))")
            }
            if results.isEmpty { try out.writeLine("No member can be proposed for need \(needID).") }
            try out.flush()
            return
        }
        try out.write(table.render(format))
        try out.flush()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
