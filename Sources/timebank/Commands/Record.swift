import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record hours: the giver is credited, the receiver debited.",
        discussion: """
            Recording the same --id again records nothing and reports the exchange already recorded. \
            A slip with the same giver, receiver, hours and date as one already recorded is refused \
            unless --allow-duplicate. Dates after today are refused.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Who gave the time: a member number, a name that fits one member (\"zoe obrien\"), or 'pot'.") var giver: String
    @Option(help: "Who received it: a member number, a name that fits one member, or 'pot'.") var receiver: String
    @Option(parsing: .unconditional, help: "Duration: 1:30, 1.5, 1h30, 90m; a bare 1 to 12 is hours, 13 to 59 needs a unit (13m or 13h).") var hours: String
    @Option(parsing: .unconditional, help: "Date of service: YYYY-MM-DD, today, yesterday, -3, 28/11/2026.") var date: String = "today"
    @Option(help: "Category code, e.g. garden.lawn (timebank categories lists them).") var category: String?
    @Option(parsing: .unconditional, help: "Description of the help given.") var note: String?
    @Option(help: "A UUID that makes the call idempotent.") var id: String?
    @Flag(help: "Record even if the receiver passes the credit limit.") var acceptCreditLimit = false
    @Flag(help: "Record even if the same giver, receiver, hours and date are already recorded.") var allowDuplicate = false

    func run() throws {
        let minutes: Minutes
        do { minutes = try DurationParser.parse(hours) } catch { throw CommandFailure.user("--hours: \(error.description)") }
        let day = try calendarDate(date, option: "--date")
        var uuid = UUID()
        if let id {
            guard let parsed = UUID(uuidString: id) else { throw CommandFailure.user("--id '\(id.prefix(40))' is not a UUID.") }
            uuid = parsed
        }
        let session = try Session.open(database, creates: false)
        let from = try accountRef(giver, option: "--giver", in: session.store)
        let to = try accountRef(receiver, option: "--receiver", in: session.store)
        let request = ExchangeRequest(id: uuid, date: day, giver: from, receiver: to, minutes: minutes, categoryCode: category,
                                      description: note ?? "")
        let outcome: RecordOutcome
        do {
            outcome = try session.store.record(request, by: session.broker, acceptCreditLimit: acceptCreditLimit,
                                               allowDuplicate: allowDuplicate)
        } catch StoreError.duplicate(let twin) {
            throw CommandFailure.user("\(twin.sentence()); add --allow-duplicate to record it again.")
        } catch StoreError.creditLimit(let warning) {
            throw CommandFailure.user("\(warning.description) Add --accept-credit-limit to record it anyway.")
        } catch {
            throw failure(error)
        }
        let e = outcome.exchange
        let verb: String
        switch outcome {
        case .recorded: verb = "Recorded"
        case .alreadyRecorded: verb = "Already recorded"
        }
        try CommandOutput.standardOutput().finishLine("\(verb) \(e.id.uuidString.lowercased()): \(e.date.iso) \(e.giver) -> \(e.receiver) \(MinutesFormat.clock(e.minutes))")
    }
}

struct Reverse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Correct a mistaken exchange with a reversing entry.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The exchange's id (or its first 8 or more characters).") var exchangeID: String
    @Option(parsing: .unconditional, help: "Why it is reversed.") var reason: String
    @Option(parsing: .unconditional, help: "Date of the reversal (must be in an open month).") var date: String = "today"
    @Option(help: "A UUID for the reversal, making the call idempotent.") var id: String?

    func run() throws {
        let day = try calendarDate(date, option: "--date")
        var reversalID = UUID()
        if let id {
            guard let parsed = UUID(uuidString: id) else { throw CommandFailure.user("--id '\(id.prefix(40))' is not a UUID.") }
            reversalID = parsed
        }
        let session = try Session.open(database, creates: false)
        let e = try attempt {
            let original = try session.store.exchange(idOrPrefix: exchangeID)
            return try session.store.reverse(original.id, reason: reason, date: day, by: session.broker, reversalID: reversalID)
        }
        try CommandOutput.standardOutput().finishLine("Reversed \((e.reverses ?? e.id).uuidString.lowercased()) with \(e.id.uuidString.lowercased()): \(e.date.iso) \(e.giver) -> \(e.receiver) \(MinutesFormat.clock(e.minutes))")
    }
}
