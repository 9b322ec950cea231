import TerminalUI
import TimeBank
import TimeBankStore

/// Adding or editing one offer or need. The category is typed as a code or a word ("garden")
/// and read the way Record hours reads it; area and availability default to the member's own
/// when left blank on a new listing, since that is where and when the help usually happens.
struct ListingForm: Equatable, Sendable {
    let kind: ListingRow.Kind
    /// Nil while adding.
    let editing: ListingRow?
    var form: FormState
    /// Boxes the broker has set by hand; the category no longer sets them.
    var setByHand: Set<String> = []
    /// Every category the typed words match, to choose from with the arrows.
    var categoryPicker = CategoryPicker()
    /// The member whose listing it is, picked by number or name as in Record hours.
    var memberPicker = FormMemberPicker(fieldID: "member")
    /// Said above the fields instead of the plain title, when the form is a step of something
    /// larger (signing a member up, adding from their card).
    var heading: String?

    static let statuses = ListingStatus.allCases.map(\.rawValue)

    init(kind: ListingRow.Kind, member: Int?, category: TimeBank.Category?) {
        self.kind = kind
        editing = nil
        var fields: [FormField] = [
            .text("member", label: "Member", text: member.map(String.init) ?? "", required: true, maxLength: 80,
                  placeholder: "number or name", width: 30),
            .text("category", label: "Category", text: category?.code ?? "", required: true, maxLength: 60, placeholder: "a code or a word: garden", width: 30),
            .text("title", label: "Title", required: true, maxLength: 120),
            .text("description", label: "Description", maxLength: 2000),
            .text("area", label: "Area", maxLength: 60, placeholder: "blank: the member's area", width: 30),
            .text("availability", label: "Availability", maxLength: 120, placeholder: "Mon am, Tue pm eve · weekdays · any time"),
        ]
        if kind == .need {
            fields.append(.checkbox("vetted", label: "Needs a vetted helper", checked: category?.suggestsVetting ?? false))
            fields.append(.checkbox("travel", label: "Helper must travel", checked: category?.involvesTravel ?? false))
        }
        form = FormState(fields: fields)
        if member != nil { form.focus(category == nil ? "category" : "title") }
    }

    init(editing row: ListingRow) {
        kind = row.kind
        editing = row
        var fields: [FormField] = [
            .text("category", label: "Category", text: row.category.code, required: true, maxLength: 60, width: 30),
            .text("title", label: "Title", text: row.title, required: true, maxLength: 120),
            .text("description", label: "Description", text: row.description, maxLength: 2000),
            .text("area", label: "Area", text: row.area, maxLength: 60, width: 30),
            .text("availability", label: "Availability", text: row.availability.text, maxLength: 120),
        ]
        if kind == .need {
            fields.append(.checkbox("vetted", label: "Needs a vetted helper", checked: row.needsVettedHelper))
            fields.append(.checkbox("travel", label: "Helper must travel", checked: row.requiresTravel))
        }
        fields.append(.choice("status", label: "Status", options: Self.statuses, selected: Self.statuses.firstIndex(of: row.status.rawValue) ?? 0))
        form = FormState(fields: fields)
        form.focus("title")
    }

    var title: String {
        if let heading { return heading }
        let noun = kind == .offer ? "offer" : "need"
        guard let row = editing else { return "New \(noun)" }
        return "Editing \(noun) \(row.id) of \(row.memberName) (\(row.member))"
    }

    /// Something typed differs from what was loaded.
    var isDirty: Bool {
        guard let row = editing else {
            return ["category", "title", "description", "area", "availability"].contains { !form.value(of: $0).isEmpty }
        }
        return ListingForm(editing: row).form.fields.map(\.value) != form.fields.map(\.value)
    }

    /// A key went to the form: a new category ticks "needs a vetted helper" and "must travel"
    /// the way that service usually goes, until the broker sets the boxes themselves.
    mutating func note(_ outcome: FormOutcome, categories: [TimeBank.Category]) {
        guard case .edited(let field) = outcome else { return }
        if field == "vetted" || field == "travel" { setByHand.insert(field); return }
        guard field == "category", kind == .need, case .success(let match?) = category(in: categories) else { return }
        for (id, value) in [("vetted", match.category.suggestsVetting), ("travel", match.category.involvesTravel)] where !setByHand.contains(id) {
            if let index = form.fields.firstIndex(where: { $0.id == id }) { form.fields[index].kind = .checkbox(value) }
        }
    }

    /// The category the field names: nil when blank; a problem when nothing matches or the
    /// words fit several and none was chosen from the list.
    func category(in categories: [TimeBank.Category]) -> Result<CategoryMatch?, SlipProblem> {
        let typed = form.value(of: "category").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .success(nil) }
        // The picker has already searched what the field holds (it does after every key).
        let found = categoryPicker.searched == form.value(of: "category") ? categoryPicker.matches
                                                                            : CategorySearch.matches(typed, in: categories.filter(\.active))
        switch found.count {
        case 0: return .failure(SlipProblem("No category matches '\(typed)'; try one word such as garden."))
        case 1: return .success(CategoryMatch(category: found[0]))
        default: return .failure(SlipProblem("'\(typed)' fits \(found.count) categories; choose one with ↑↓ and Enter, or type its code."))
        }
    }

    /// Keys for the form. While the category field shows its list, the arrows choose in it and
    /// Enter or Tab takes the highlighted category (Tab then moves on, as in any field).
    mutating func handle(_ key: Key, in rect: Rect, categories: [TimeBank.Category], store: Store, today: CalendarDate) -> FormOutcome {
        if let outcome = memberPicker.handle(key, form: &form, in: rect, store: store, today: today) {
            note(outcome, categories: categories)
            return outcome
        }
        if form.focusedField?.id == "category" {
            switch categoryPicker.handle(key, page: 5) {
            case .moved: return .handled
            case .chose(let c):
                setField("category", to: c.code)
                note(.edited(fieldID: "category"), categories: categories)
                return key == .tab ? form.handle(.tab, in: rect) : .edited(fieldID: "category")
            case .ignored: break
            }
        }
        let outcome = form.handle(key, in: rect)
        note(outcome, categories: categories)
        categoryPicker.update(form.value(of: "category"), categories: categories.filter(\.active))
        return outcome
    }

    /// A list of matches is open under the focused field.
    var showsAList: Bool {
        switch form.focusedField?.id {
        case "member": return memberPicker.showsList
        case "category": return categoryPicker.showsList
        default: return false
        }
    }

    private mutating func setField(_ id: String, to text: String) {
        guard let index = form.fields.firstIndex(where: { $0.id == id }) else { return }
        guard case .text(var state) = form.fields[index].kind else { return }
        state.text = text
        state.caret = text.count
        form.fields[index].kind = .text(state)
        form.errors[id] = nil
    }

    /// What the fields say beside the form: the member's name and the category they point at.
    func readings(categories: [TimeBank.Category], store: Store) -> [String] {
        var out: [String] = []
        if editing == nil, let n = Int(form.value(of: "member")) {
            out.append((try? store.member(n)).flatMap { $0 }.map { "Member \(n): \($0.name) · \($0.area.isEmpty ? "no area" : $0.area)" }
                       ?? "! There is no member number \(n).")
        }
        switch category(in: categories) {
        case .success(let match?):
            // The vetting hint first: a long category name may be cut at 80 columns, the hint must not.
            let vetting = kind == .need && match.category.suggestsVetting ? " (usually needs a vetted helper)" : ""
            out.append("Category\(vetting): \(match.details)")
        case .failure where categoryPicker.showsList:
            out.append("Category: " + categoryPicker.listHint)
        case .failure(let why): out.append("! " + why.text)
        case .success(nil): break
        }
        return out
    }

    /// Checks every field, marking the form; returns the listing to save or nil.
    mutating func validated(categories: [TimeBank.Category], store: Store, today: CalendarDate) -> (offer: Offer?, need: Need?)? {
        form.errors = [:]
        form.validateRequired()
        var member: Member?
        if let row = editing {
            member = try? store.member(row.member)
        } else if let n = Int(form.value(of: "member").trimmingCharacters(in: .whitespaces)) {
            member = (try? store.member(n)) ?? nil
            if member == nil { form.errors["member"] = "No such member" }
        } else if form.errors["member"] == nil {
            form.errors["member"] = "Choose a member from the list"
        }
        var categoryID = 0
        switch category(in: categories) {
        case .success(let match?): categoryID = match.category.id
        case .success(nil): break
        case .failure: form.errors["category"] = categoryPicker.showsList ? "Choose one from the list" : "No such category"
        }
        let availabilityText = form.value(of: "availability")
        let availability = Availability(text: availabilityText)
        if availability == nil { form.errors["availability"] = "Write it as Mon am, Tue pm eve, or weekdays" }
        guard form.errors.isEmpty, let member, let availability else {
            form.focusFirstError()
            return nil
        }
        let typedArea = form.value(of: "area").trimmingCharacters(in: .whitespaces)
        let area = editing == nil && typedArea.isEmpty ? member.area : typedArea
        let when = editing == nil && availabilityText.trimmingCharacters(in: .whitespaces).isEmpty ? member.availability : availability
        let status = ListingStatus(rawValue: form.value(of: "status")) ?? editing?.status ?? .open
        let title = form.value(of: "title").trimmingCharacters(in: .whitespaces)
        let description = form.value(of: "description").trimmingCharacters(in: .whitespaces)
        switch kind {
        case .offer:
            return (Offer(id: editing?.id ?? 0, member: member.number, categoryID: categoryID, title: title, description: description,
                          area: area, availability: when, status: status, created: editing?.created ?? today, version: editing?.version ?? 1), nil)
        case .need:
            return (nil, Need(id: editing?.id ?? 0, member: member.number, categoryID: categoryID, title: title, description: description,
                              area: area, availability: when, needsVettedHelper: form["vetted"]?.isChecked ?? false,
                              requiresTravel: form["travel"]?.isChecked ?? false, status: status, created: editing?.created ?? today,
                              version: editing?.version ?? 1))
        }
    }
}
