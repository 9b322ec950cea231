import TerminalUI
import TimeBank
import TimeBankStore

/// The Record hours member picker inside one text field of a form: the broker types a number
/// or part of a name, the matches appear under the field, `↑`/`↓` choose, and Enter or Tab
/// puts the member's number in the field. A field that takes several members ("1042, 1107")
/// picks for what follows the last comma.
struct FormMemberPicker: Equatable, Sendable {
    let fieldID: String
    let takesSeveral: Bool
    private(set) var picker: AccountPicker

    init(fieldID: String, takesSeveral: Bool = false) {
        self.fieldID = fieldID
        self.takesSeveral = takesSeveral
        var p = AccountPicker()
        p.allowsPot = false
        picker = p
    }

    /// What the picker searches: the whole text, or its last comma-separated part.
    private func split(_ text: String) -> (kept: String, typed: String) {
        guard takesSeveral, let comma = text.lastIndex(of: ",") else { return ("", text) }
        let kept = String(text[...comma])
        return (kept + " ", String(text[text.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
    }

    /// Handles a key when the picker's field has the focus; nil leaves the key to the form.
    mutating func handle(_ key: Key, form: inout FormState, in rect: Rect, store: Store, today: CalendarDate) -> FormOutcome? {
        guard form.focusedField?.id == fieldID else { return nil }
        if picker.showsList {
            switch key {
            case .up, .down:
                _ = picker.handle(key, store: store, today: today)
                return .handled
            case .escape:
                picker.closeList()  // what was typed stays; a second Esc is the form's
                return .handled
            case .enter, .tab:
                _ = picker.handle(.enter, store: store, today: today)
                guard let chosen = picker.chosen, let index = form.fields.firstIndex(where: { $0.id == fieldID }),
                      case .text(var state) = form.fields[index].kind else { return .handled }
                let kept = split(state.text).kept.trimmingCharacters(in: .whitespaces)
                state.text = (kept.isEmpty ? "" : kept + " ") + chosen.ref.description
                state.caret = state.text.count
                form.fields[index].kind = .text(state)
                form.errors[fieldID] = nil
                return key == .tab ? form.handle(.tab, in: rect) : .edited(fieldID: fieldID)
            default: break
            }
        }
        let outcome = form.handle(key, in: rect)
        if outcome == .edited(fieldID: fieldID) { look(form.value(of: fieldID), store: store, today: today) }
        return outcome
    }

    /// Searches for what the field holds now (also when the form opens with a number in it).
    mutating func look(_ text: String, store: Store, today: CalendarDate) {
        picker.field.text = split(text).typed
        picker.search(store: store, today: today)
    }

    var showsList: Bool { picker.showsList }

    /// The member the field names, when it names exactly one.
    var chosen: AccountChoice? { picker.chosen }

    /// The matches under the field, drawn over whatever lies below it while it has the focus.
    func renderList(into frame: inout Frame, form: FormState, formRect: Rect, within rect: Rect) {
        guard form.focusedField?.id == fieldID, picker.showsList,
              let input = FormView.inputRect(of: fieldID, in: form, at: formRect) else { return }
        let left = max(rect.column, input.column - 1)
        let place = DropdownPlacement(field: input.row, rows: picker.matches.count, within: rect)
        let height = place.height
        let box = Rect(row: place.top, column: left, width: max(20, rect.maxColumn - left), height: height + 2)
        picker.renderList(into: &frame, box: box)
    }
}
