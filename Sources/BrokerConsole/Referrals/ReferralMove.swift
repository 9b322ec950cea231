import TerminalUI
import TimeBank
import TimeBankStore

/// Taking a referral's next step through the store. Done leads straight to Record hours with the
/// slip filled in, and is written only together with those hours: a slip that is discarded
/// leaves the referral agreed, never done without hours.
enum ReferralMove {
    static func apply(_ status: ReferralStatus, note: String, to row: ReferralRow, _ context: ConsoleContext) -> ScreenResponse {
        if status == .done {
            return .go(.recordHours, .recordExchange(giver: .member(row.referral.helper), receiver: .member(row.receiver),
                                                     categoryCode: row.categoryCode, referral: row.id, description: row.needTitle,
                                                     referralNote: note))
        }
        do {
            // The version shown: a move made meanwhile by another broker is refused, not followed.
            _ = try context.store.move(referral: row.id, to: status, note: note, expecting: row.referral.version, by: context.broker)
        } catch {
            return .message(.error("Not moved: \(error)"))
        }
        return .message(.success("Referral \(row.id) is now \(status.rawValue): \(ReferralText.summary(row))."))
    }
}
