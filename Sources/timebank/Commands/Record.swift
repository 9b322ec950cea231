import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record hours: the giver is credited, the receiver debited.",
        discussion: "Recording the same --id again records nothing and reports the exchange already recorded.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Who gave the time: a member number, a name that fits one member (\"zoe obrien\"), or 'pot'.") var giver: String
    @Option(help: "Who received it: a member number, a name that fits one member, or 'pot'.") var receiver: String
    @Option(help: "Duration: 1:30, 1.5, 1h30, 90m, or 45 (minutes).") var hours: String
    @Option(help: "Date of service: YYYY-MM-DD, today, yesterday, -3, 28/11/2026.") var date: String = "today"
    @Option(help: "Category code, e.g. garden.lawn (timebank categories lists them).") var category: String?
    @Option(help: "Description of the help given.") var note: String?
    @Option(help: "A UUID that makes the call idempotent.") var id: String?
    @Flag(help: "Record even if the receiver passes the credit limit.") var acceptCreditLimit = false

    func run() throws {
        let minutes: Minutes
        do { minutes = try DurationParser.parse(hours) } catch { throw CommandFailure.user("--hours: \(error.description)") }
        let day = try calendarDate(date, option: "--date")
        var uuid = UUID()
        if let id {
            guard let parsed = UUID(uuidString: id) else { throw CommandFailure.user("--id '\(id.prefix(40))' is not a UUID.") }
            uuid = parsed
        }
        let session = try Session.open(database)
        let from = try accountRef(giver, option: "--giver", in: session.store)
        let to = try accountRef(receiver, option: "--receiver", in: session.store)
        let request = ExchangeRequest(id: uuid, date: day, giver: from, receiver: to, minutes: minutes, categoryCode: category,
                                      description: note ?? "")
        let outcome: RecordOutcome
        do {
            outcome = try session.store.record(request, by: session.broker, acceptCreditLimit: acceptCreditLimit)
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
        print("\(verb) \(e.id.uuidString.lowercased()): \(e.date.iso) \(e.giver) -> \(e.receiver) \(MinutesFormat.clock(e.minutes))")
    }
}

struct Reverse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Correct a mistaken exchange with a reversing entry.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The exchange's id (or its first 8 or more characters).") var exchangeID: String
    @Option(help: "Why it is reversed.") var reason: String
    @Option(help: "Date of the reversal (must be in an open month).") var date: String = "today"
    @Option(help: "A UUID for the reversal, making the call idempotent.") var id: String?

    func run() throws {
        let day = try calendarDate(date, option: "--date")
        var reversalID = UUID()
        if let id {
            guard let parsed = UUID(uuidString: id) else { throw CommandFailure.user("--id '\(id.prefix(40))' is not a UUID.") }
            reversalID = parsed
        }
        let session = try Session.open(database)
        let e = try attempt {
            let original = try session.store.exchange(idOrPrefix: exchangeID)
            return try session.store.reverse(original.id, reason: reason, date: day, by: session.broker, reversalID: reversalID)
        }
        print("Reversed \(e.reverses!.uuidString.lowercased()) with \(e.id.uuidString.lowercased()): \(e.date.iso) \(e.giver) -> \(e.receiver) \(MinutesFormat.clock(e.minutes))")
    }
}
