import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// "Refer someone else…" (Ctrl-O or F5 on the ranked helpers): a member who is not in the ranked
/// list, chosen with the one member picker by number or name, is referred exactly as a ranked
/// helper is (`p`), under the ranking's hard rules, which the store checks and refuses in one sentence.
extension MatchScreen {
    static let someoneElseScope = KeyScope("match.someone-else", title: "Match: refer someone else")

    static func someoneElseBindings() -> [KeyBinding] {
        let scope = someoneElseScope
        return [
            .typing("Typed into the member: a number or part of a name", scope: scope),
            .widget("choose", [.up, .down], "Choose among the matches", scope: scope),
            .widget("take", [.enter, .tab], "Refer the member chosen (or the one whose number is typed) to the need", scope: scope),
            .widget("cancel", [.escape], "Put the picker away; nobody is referred", scope: scope),
        ] + WidgetKeys.textEditing(scope: scope)
    }

    static func someoneElseBinding(scope: KeyScope) -> KeyBinding {
        KeyBinding(action: MatchAction.someoneElse, keys: [.ctrl("a"), .function(4)],
                   help: "Refer someone else…: pick any member by number or name and refer them to this need", scope: scope)
    }

    mutating func openSomeoneElse() -> ScreenResponse {
        guard mode == .helpers, need != nil else {
            return .message(.info("Pick a need first: Enter on a need shows its helpers, then Ctrl-O refers someone else."))
        }
        var picker = AccountPicker()
        picker.allowsPot = false
        someoneElse = picker
        return .handled
    }

    mutating func handleSomeoneElse(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard var picker = someoneElse else { return .ignored }
        if key == .escape {
            if picker.showsList { picker.closeList(); someoneElse = picker } else { someoneElse = nil }
            return .handled
        }
        let outcome = picker.handle(key, store: context.store, today: context.today())
        someoneElse = picker
        guard outcome == .accepted || ((key == .enter || key == .tab) && picker.chosen != nil) else {
            if key == .enter || key == .tab { return .message(.error("Nobody matches '\(picker.text)': type a member's number or part of a name.")) }
            return outcome == .ignored ? .ignored : .handled
        }
        guard let chosen = picker.chosen, case .member(let number) = chosen.ref else { return .handled }
        return referSomeoneElse(number, name: chosen.name, context, in: body)
    }

    mutating func referSomeoneElse(_ number: Int, name: String, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard let need else { return .handled }
        if let existing = helpers.proposed[number] {
            return MatchScreen.alreadyReferred(name, existing)
        }
        do {
            let referral = try context.store.proposeSomeoneElse(need: need.id, helper: number, offer: bestOffer(of: number, for: need, context),
                                                                by: context.broker, today: context.today())
            someoneElse = nil
            reload(context, in: body)
            return MatchScreen.proposed(referral.id, name, need)
        } catch {
            return .message(.error("Not proposed: \(error)"))
        }
    }

    /// The box over the helpers: the member field, what it names, and the matches under it.
    func renderSomeoneElse(into frame: inout Frame, in rect: Rect) {
        guard let picker = someoneElse else { return }
        let width = min(rect.width - 4, 76)
        let box = Rect(row: rect.row + 3, column: rect.column + (rect.width - width) / 2, width: width, height: 5)
        let inner = frame.box(box, title: "Refer someone else to “\(need?.title ?? "")”")
        frame.put("Member", row: inner.row, column: inner.column + 1, style: .bold)
        TextFieldView.render(picker.field, into: &frame, at: Rect(row: inner.row, column: inner.column + 9, width: min(30, inner.width - 10), height: 1),
                             focused: true)
        let note = picker.chosen.map { "\($0.details) · Enter refers" } ?? "a number or part of a name · Esc cancels"
        frame.put(note, row: inner.row + 2, column: inner.column + 1, maxWidth: inner.width - 2, style: .muted)
        if picker.showsList {
            picker.renderList(into: &frame, box: Rect(row: inner.row + 1, column: inner.column + 8, width: inner.width - 9,
                                                      height: picker.matches.count + 2))
        }
    }
}
