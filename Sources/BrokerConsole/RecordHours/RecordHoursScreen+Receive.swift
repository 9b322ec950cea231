import TerminalUI
import TimeBank
import TimeBankStore

/// Arriving from a referral marked done: the slip is filled in with the two members, the
/// category, the need's title and the referral, and the cursor waits in Duration, the one
/// thing only the paper slip knows.
extension RecordHoursScreen {
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {
        guard case .recordExchange(let giver, let receiver, let categoryCode, let referral, let description, let note) = intent else { return }
        mode = .exchange
        dialog = nil
        var next = slip.cleared()
        if let g = AccountChoice.load(giver, store: context.store) { next.giver.pick(g) }
        if let r = AccountChoice.load(receiver, store: context.store) { next.receiver.pick(r) }
        next.category.text = categoryCode ?? ""
        next.category.caret = next.category.text.count
        next.description.text = description
        next.description.caret = next.description.text.count
        next.referral = referral
        next.referralNote = note
        next.noteEdit()
        next.focus = .duration
        slip = next
        focused = true
    }
}
