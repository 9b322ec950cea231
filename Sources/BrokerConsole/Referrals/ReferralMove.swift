import TerminalUI
import TimeBank
import TimeBankStore

/// Taking a referral's next step through the store. Done leads straight to Record hours with the
/// slip filled in, and is written only together with those hours: a slip that is discarded
/// leaves the referral agreed, never done without hours.
enum ReferralMove {
    static func apply(_ step: ReferralPanel.Step, to row: ReferralRow, _ context: ConsoleContext) -> ScreenResponse {
        let today = context.today()
        var day: CalendarDate?
        if !step.date.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let typed = try DateParser.parse(step.date, today: today)
                try ReferralStepDate.check(typed, today: today)
                day = typed
            } catch let error as DateInputError {
                return .message(.error("Not moved: \(error.description)"))
            } catch {
                return .message(.error("Not moved: \(error)"))
            }
        }
        guard let status = step.status else {
            do {
                try context.store.addNote(referral: row.id, note: step.note, by: context.broker, on: day, today: today)
                return .message(.success("Note added to referral \(row.id); it stays \(row.referral.status.rawValue)."))
            } catch {
                return .message(.error("No note added: \(error)"))
            }
        }
        let note = step.note
        if status == .done {
            return .go(.recordHours, .recordExchange(giver: .member(row.referral.helper), receiver: .member(row.receiver),
                                                     categoryCode: row.categoryCode, referral: row.id, description: row.needTitle,
                                                     referralNote: note))
        }
        do {
            // The version shown: a move made meanwhile by another broker is refused, not followed.
            _ = try context.store.move(referral: row.id, to: status, note: note, expecting: row.referral.version, by: context.broker,
                                       on: day, today: today)
        } catch {
            return .message(.error("Not moved: \(error)"))
        }
        return .message(.success("Referral \(row.id) is now \(status.rawValue): \(ReferralText.summary(row))."))
    }
}
