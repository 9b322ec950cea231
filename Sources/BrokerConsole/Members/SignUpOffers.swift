import TerminalUI
import TimeBank
import TimeBankStore

/// The sign-up form's Offers step: up to three things the new member can do, each a category
/// (picked from every match with the arrows, as in the offer form) and a title, saved with
/// the member in one go so their skills are recorded in the same sitting.
struct SignUpOffers {
    static let slots = 3
    static let group = "Offers: what they can do"

    static func categoryID(_ slot: Int) -> String { "offerCategory\(slot)" }
    static func titleID(_ slot: Int) -> String { "offerTitle\(slot)" }

    static var fields: [FormField] {
        (0..<slots).flatMap { i in
            [
                FormField.text(categoryID(i), label: "Offer \(i + 1) category", maxLength: 60, placeholder: "a code or a word: garden",
                               group: group, width: 30),
                FormField.text(titleID(i), label: "Offer \(i + 1) title", maxLength: 120, group: group),
            ]
        }
    }

    /// One picker per category field, keyed by its id.
    var pickers: [String: CategoryPicker] = [:]
    var categories: [TimeBank.Category] = []

    /// Keys for a focused offer category field while it lists matches; nil leaves the key to the form.
    mutating func handle(_ key: Key, form: inout FormState, in rect: Rect, store: Store) -> FormOutcome? {
        guard let id = form.focusedField?.id, id.hasPrefix("offerCategory") else { return nil }
        if categories.isEmpty { categories = ((try? store.categories()) ?? []).filter(\.active) }
        var picker = pickers[id] ?? CategoryPicker()
        defer { pickers[id] = picker }
        switch picker.handle(key, page: 5) {
        case .moved: return .handled
        case .chose(let c):
            if let index = form.fields.firstIndex(where: { $0.id == id }), case .text(var state) = form.fields[index].kind {
                state.text = c.code
                state.caret = c.code.count
                form.fields[index].kind = .text(state)
                form.errors[id] = nil
            }
            return key == .tab ? form.handle(.tab, in: rect) : .edited(fieldID: id)
        case .ignored:
            let outcome = form.handle(key, in: rect)
            picker.update(form.value(of: id), categories: categories)
            return outcome
        }
    }

    /// The offers the step describes for a member about to be signed up, and what is wrong by field.
    func offers(in form: FormState, for m: Member, today: CalendarDate, store: Store) -> ([Offer], [String: String]) {
        let all = categories.isEmpty ? ((try? store.categories()) ?? []).filter(\.active) : categories
        var offers: [Offer] = [], errors: [String: String] = [:]
        for i in 0..<Self.slots {
            let typed = form.value(of: Self.categoryID(i)).trimmingCharacters(in: .whitespaces)
            let title = form.value(of: Self.titleID(i)).trimmingCharacters(in: .whitespaces)
            if typed.isEmpty && title.isEmpty { continue }
            let found = CategorySearch.matches(typed, in: all)
            if typed.isEmpty { errors[Self.categoryID(i)] = "Which category?" }
            else if found.isEmpty { errors[Self.categoryID(i)] = "No such category" }
            else if found.count > 1 { errors[Self.categoryID(i)] = "Choose one from the list" }
            if title.isEmpty { errors[Self.titleID(i)] = "What do they offer?" }
            if let c = found.first, found.count == 1, !title.isEmpty {
                offers.append(Offer(member: 0, categoryID: c.id, title: title, area: m.area, availability: m.availability, created: today))
            }
        }
        return (offers, errors)
    }

    /// The match list under the focused offer category field.
    func renderList(into frame: inout Frame, form: FormState, formRect: Rect, within rect: Rect) {
        guard let id = form.focusedField?.id, let picker = pickers[id], picker.showsList,
              let input = FormView.inputRect(of: id, in: form, at: formRect) else { return }
        picker.renderList(into: &frame, below: input.row, column: formRect.column + 1, within: rect)
    }
}
