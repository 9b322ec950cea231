import TerminalUI
import TimeBank

/// The category picker over a bare text field, for forms that are not a `FormState` (the
/// Record hours slip and group activity): the same list, keys and choosing as the offer and
/// need forms.
extension CategoryPicker {
    enum FieldOutcome: Equatable { case ignored, handled, edited, tookAndMovesOn }

    /// A key for the category field: the open list's keys first, then the field's editing;
    /// the matches follow every edit. Tab on the list takes the highlighted category and
    /// the form moves on, as Tab does in any field.
    mutating func handle(_ key: Key, field: inout TextFieldState, categories: [TimeBank.Category]) -> FieldOutcome {
        switch handle(key, page: 5) {
        case .moved: return .handled
        case .chose(let c):
            field.text = c.code
            field.caret = c.code.count
            return key == .tab ? .tookAndMovesOn : .edited
        case .ignored: break
        }
        let outcome = field.handle(key)
        update(field.text, categories: categories)
        switch outcome {
        case .ignored: return .ignored
        case .handled: return .handled
        case .edited: return .edited
        }
    }

    /// Said beside the field while the list is open.
    var listHint: String { "\(matches.count) match; ↑↓ choose, Enter or Tab takes one" }
}
