import ArgumentParser
import TimeBank
import TimeBankStore

struct Exchanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find exchanges in the whole ledger.",
        subcommands: [FindExchanges.self])
}

struct FindExchanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find exchanges by member, date, hours or words, newest first, with the id that `reverse` takes.",
        discussion: """
            Every term must hold: a member number (1005), name words (zoe obrien, giver or receiver; pot for the community pot), a date \
            (28/11, 2026-11-28, yesterday, -3), a month (2026-11) or a range (1/11..15/11), a duration (1:30, 1.5, 90m), \
            and words of the description, the reversal's reason or the category.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(parsing: .allUnrecognized, help: "What to look for, e.g. \"zoe 1:30 28/11\".") var text: [String] = []
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Option(help: "The most exchanges to list (1 to 10000).") var limit: Int = 50

    static let columns = ["id", "date", "giver", "giver_name", "receiver", "receiver_name", "minutes", "hours", "category",
                          "description", "reverses", "reversed_by"]

    func run() throws {
        guard (1...10_000).contains(limit) else { throw CommandFailure.user("--limit must be from 1 to 10000.") }
        let search = ExchangeSearch.parse(text.joined(separator: " "), today: .today())
        guard !search.isEmpty else {
            throw CommandFailure.user("Say what to look for: a member number or name, a date, hours (1:30) or words of the note.")
        }
        let store = try Session.openForReading(database)
        let found = try attempt { try store.findExchanges(search, offset: 0, limit: limit) }
        var table = Tabular(columns: Self.columns)
        table.rows = found.rows.map(Self.values)
        let out = CommandOutput.standardOutput()
        guard format == .table else { return try out.finish(table.render(format)) }
        let total = found.totalIsAtLeast ? "\(found.total)+" : "\(found.total)"
        let note = found.rows.count < found.total || found.totalIsAtLeast
            ? "\(found.rows.count) of \(total) exchanges, newest first (--limit for more, or more words)."
            : "\(found.total) exchange\(found.total == 1 ? "" : "s")."
        try out.finish(table.render(.table) + note + " Reverse one with: timebank reverse ID --reason TEXT\n")
    }

    static func values(_ f: FoundExchange) -> [Value] {
        let e = f.exchange
        return [.text(e.id.uuidString.lowercased()), .text(e.date.iso), .text(e.giver.description), .text(f.giverName),
                .text(e.receiver.description), .text(f.receiverName), .int(e.minutes), .decimal(MinutesFormat.decimalHours(e.minutes)),
                .text(e.categoryCode ?? ""), .text(e.description), e.reverses.map { .text($0.uuidString.lowercased()) } ?? .null,
                f.reversedBy.map { .text($0.uuidString.lowercased()) } ?? .null]
    }
}
