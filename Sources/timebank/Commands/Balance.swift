import ArgumentParser
import TimeBank
import TimeBankStore

struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Hours given, received and the balance of one account or of every account.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "A member number, a name that fits one member, or 'pot'; all accounts when left out.") var member: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let store = try Session.openForReading(database)
        let accounts: [AccountBalance]
        if let member {
            let ref = try accountRef(member, option: "member", in: store)
            accounts = [try attempt { try store.balance(ref) }]
        } else {
            accounts = try attempt { try store.balances() }
        }
        var table = Tabular(columns: ["member", "name", "given_minutes", "received_minutes", "balance_minutes", "balance_hours"])
        table.rows = accounts.map {
            [.text($0.account.description), .text($0.name), .int($0.givenMinutes), .int($0.receivedMinutes),
             .int($0.balanceMinutes), .decimal(MinutesFormat.decimalHours($0.balanceMinutes))]
        }
        if format == .json, member != nil {
            try CommandOutput.standardOutput().finish(table.jsonObject(row: 0) + "\n")  // one account is one object, as the contract says
            return
        }
        try CommandOutput.standardOutput().finish(table.render(format))
    }
}
