import ArgumentParser
import TimeBank
import TimeBankStore

struct Members: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List members, or search them as the Members screen does.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Name, number, phone, email, postcode or offer words, as typed in the Members screen.")
    var search: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try Session.openForReading(database)
        let query = MemberQuery(search: search ?? "", sort: .number)
        var table = Tabular(columns: MemberColumns.names)
        var offset = 0
        while true {
            let page = try attempt { try store.members(query, offset: offset, limit: 5000) }
            table.rows += page.rows.map(MemberColumns.values)
            offset += page.rows.count
            if page.rows.count < 5000 { break }
        }
        try CommandOutput.standardOutput().finish(table.render(format))
    }
}

/// The members columns of the data-format contract.
enum MemberColumns {
    static let names = ["number", "name", "preferred_name", "status", "area", "postcode", "phone", "email", "joined",
                        "vetting", "vetting_review", "balance_minutes", "balance_hours", "open_needs", "kind",
                        "came_through"]

    static func values(_ m: MemberSummary) -> [Value] {
        [.int(m.number), .text(m.name), .text(m.preferredName), .text(m.status.rawValue), .text(m.area),
         .text(m.postcode), .text(m.phone), .text(m.email), .text(m.joined.iso), .text(m.vetting.rawValue),
         m.vettingReview.map { .text($0.iso) } ?? .null, .int(m.balanceMinutes), .decimal(MinutesFormat.decimalHours(m.balanceMinutes)),
         .int(m.openNeeds), .text(m.kind.rawValue), .text(m.cameThrough?.rawValue ?? "")]
    }
}
