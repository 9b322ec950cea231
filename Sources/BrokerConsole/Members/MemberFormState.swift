import TerminalUI
import TimeBank
import TimeBankStore

/// Adding or editing a member. Fields are checked as the broker leaves them (the same rules
/// the store applies on save), possible duplicates are looked up as the identifying fields
/// are filled in, and a save refused because another broker saved first keeps every edit.
struct MemberFormState {
    var form: FormState
    /// The member as it stood when the form was opened (or last merged after a conflict):
    /// its version is what the save is checked against.
    private(set) var original: Member
    /// The form as it was opened, to tell the broker's edits from untouched fields.
    private(set) var pristine: FormState
    let isNew: Bool
    private(set) var duplicates: [MemberSummary] = []
    private(set) var conflict: MemberConflict?
    /// Set when another broker saved this member while the form is open, before any save.
    private(set) var changedMeanwhile: String?
    /// Do-not-match takes members by name or number, as Record hours' pickers do.
    private(set) var doNotMatch = FormMemberPicker(fieldID: "doNotMatch", takesSeveral: true)
    /// Fields whose problem the message line is showing, so that it is cleared once they are fixed.
    private(set) var flagged: Set<String> = []
    /// The sign-up's Offers step (new members only).
    private(set) var signUpOffers = SignUpOffers()

    init(adding today: CalendarDate) {
        let blank = Member(name: "", joined: today)
        original = blank
        isNew = true
        form = MemberFormFields.form(for: blank, isNew: true)
        // A broker signing someone up types the name first; the person/organisation choice comes after.
        form.focus("name")
        pristine = form
    }

    init(editing m: Member) {
        original = m
        isNew = false
        form = MemberFormFields.form(for: m, isNew: false)
        pristine = form
    }

    var isDirty: Bool { form.fields.map(\.value) != pristine.fields.map(\.value) }

    var title: String {
        isNew ? "Add a member" : "Edit member \(original.number) · \(original.name)"
    }

    // MARK: keys

    mutating func handle(_ key: Key, _ context: ConsoleContext, rect: Rect) -> ScreenResponse {
        let before = form.focusedField?.id
        let outcome = signUpOffers.handle(key, form: &form, in: rect, store: context.store)
            ?? doNotMatch.handle(key, form: &form, in: rect, store: context.store, today: context.today())
            ?? form.handle(key, in: rect)
        switch outcome {
        case .ignored:
            return .ignored
        case .focusChanged:
            guard let before else { return .handled }
            return left(field: before, context)
        case .submitted:
            return .ignored  // Enter on the last field does not save by surprise; Ctrl-S does.
        case .handled, .edited:
            return .handled
        }
    }

    /// Checks the field the broker just left and shows what is wrong beside it.
    mutating func left(field id: String, _ context: ConsoleContext) -> ScreenResponse {
        let (member, readErrors) = MemberFormFields.member(from: form, base: original, today: context.today())
        var message = readErrors[id]
        if message == nil {
            message = MemberValidation.problems(in: member).first { $0.field.rawValue == id }?.message
        }
        if id == "status", message == nil { message = activationProblem(member, context) }
        if id == "name", member.name.allSatisfy(\.isWhitespace) { message = "A name is required." }
        form.errors[id] = message
        if ["name", "phone", "email", "postcode"].contains(id) { lookForDuplicates(member, context) }
        if let message {
            flagged.insert(id)
            return .message(.error(message))
        }
        return flagged.remove(id) == nil ? .handled : .message(.info(FieldFixed.line(id, in: form, stillFlagged: flagged)))
    }

    /// The store refuses pending → active until vetting is complete; say so while choosing.
    func activationProblem(_ m: Member, _ context: ConsoleContext) -> String? {
        guard !isNew, m.status == .active, original.status != .active,
              let v = try? context.store.vetting(member: m.number) else { return nil }
        let today = context.today()
        guard v.state(today: today) != .complete else { return nil }
        return "Cannot be active until vetting is complete: \(v.outstanding(today: today).joined(separator: ", "))."
    }

    mutating func lookForDuplicates(_ m: Member, _ context: ConsoleContext) {
        duplicates = (try? context.store.possibleDuplicates(of: m)) ?? []
    }

    // MARK: saving

    enum SaveResult {
        case saved(Member, ScreenResponse)
        case stay(ScreenResponse)
        /// The new member looks like an existing one: ask before adding.
        case askDuplicate(ConfirmDialogState)
    }

    /// Checks every field, then saves through the store. A new member who looks like an
    /// existing one is saved only after the broker confirms.
    mutating func save(_ context: ConsoleContext, confirmedDuplicate: Bool = false) -> SaveResult {
        let (member, readErrors) = MemberFormFields.member(from: form, base: original, today: context.today())
        var errors = readErrors
        for problem in MemberValidation.problems(in: member) where errors[problem.field.rawValue] == nil {
            errors[problem.field.rawValue] = problem.message
        }
        if errors["status"] == nil, let p = activationProblem(member, context) { errors["status"] = p }
        let (offers, offerErrors) = isNew ? signUpOffers.offers(in: form, for: member, today: context.today(), store: context.store) : ([], [:])
        errors.merge(offerErrors) { mine, _ in mine }
        guard errors.isEmpty else {
            form.errors = errors
            flagged = Set(errors.keys)
            form.focusFirstError()
            let count = errors.count == 1 ? "1 field needs" : "\(errors.count) fields need"
            return .stay(.message(.error("Not saved: \(count) attention (marked !). \(errors[form.focusedField?.id ?? ""] ?? "")")))
        }
        form.errors = [:]
        if isNew, !confirmedDuplicate {
            lookForDuplicates(member, context)
            if let first = duplicates.first {
                return .askDuplicate(ConfirmDialogState(
                    title: "Possible duplicate",
                    message: "\(first.number) \(first.name) has the same name and the same phone, email or postcode. Add a new member anyway?",
                    buttons: ["Add anyway", "Go back"], defaultButton: 1))
            }
        }
        do {
            let activating = !isNew && original.status != .active && member.status == .active
            let before = activating ? (try? context.store.balance(.member(member.number)))?.balanceMinutes : nil
            let saved = isNew ? try context.store.signUp(member, offers: offers, by: context.broker).member
                              : try context.store.updateMember(member, by: context.broker, today: context.today())
            let withOffers = offers.isEmpty ? "" : " with \(offers.count) offer\(offers.count == 1 ? "" : "s")"
            var text = isNew ? "Added member \(saved.number) \(saved.name)\(withOffers)." : "Saved member \(saved.number) \(saved.name)."
            if let before, let after = (try? context.store.balance(.member(saved.number)))?.balanceMinutes, after > before {
                // The card above names them; the line keeps to 80 columns for the credit's sake.
                text = "Saved member \(saved.number), now active; welcome credit \(SlipFormat.clock(after - before)) from the pot granted."
            }
            return .saved(saved, .message(.success(text)))
        } catch StoreError.memberChanged(let c) {
            return .stay(keepEditsAfter(c, context))
        } catch StoreError.invalidMember(let problems) {
            for p in problems { form.errors[p.field.rawValue] = p.message }
            form.focusFirstError()
            return .stay(.message(.error("Not saved: \(problems.map(\.message).joined(separator: " "))")))
        } catch {
            return .stay(.message(.error("Not saved: \(error)")))
        }
    }

    /// Another broker saved first. Their changes to fields this broker did not touch are taken
    /// into the form; fields both changed keep this broker's value with theirs shown beside it.
    /// The form now builds on their version, so saving again is a deliberate overwrite of only
    /// what this broker changed.
    mutating func keepEditsAfter(_ c: MemberConflict, _ context: ConsoleContext) -> ScreenResponse {
        conflict = c
        changedMeanwhile = nil
        guard let latest = try? context.store.member(original.number) else {
            return .message(.error(c.description))
        }
        let theirs = MemberFormFields.form(for: latest, isNew: false)
        for index in form.fields.indices where index < theirs.fields.count && index < pristine.fields.count {
            let id = form.fields[index].id
            let mine = form.fields[index].value, start = pristine.fields[index].value, other = theirs.fields[index].value
            guard other != start else { continue }
            if mine == start {
                form.fields[index] = theirs.fields[index]
                form.errors[id] = "Updated by \(c.otherBroker)"
            } else if mine != other {
                form.errors[id] = "\(c.otherBroker) saved: \(other.isEmpty ? "(empty)" : other)"
            }
        }
        original = latest
        pristine = theirs
        return .message(.error(c.description))
    }

    /// Called when the store changed while the form is open: tells the broker early, without
    /// touching what they typed.
    mutating func noticeChanges(_ context: ConsoleContext) {
        guard !isNew, let latest = try? context.store.member(original.number), latest.version != original.version else { return }
        let fields = Member.differences(from: original, to: latest).map(\.label)
        changedMeanwhile = "Someone else saved this member just now (\(fields.joined(separator: ", "))); saving will show what they changed."
        if let who = try? context.store.auditLog(entity: "member", id: String(original.number), limit: 20).first(where: { $0.action == "update" })?.broker {
            let name = ((try? context.store.brokers()) ?? []).first { $0.username == who }?.displayName ?? who
            changedMeanwhile = "\(name) saved this member just now (\(fields.joined(separator: ", "))); saving will show what they changed."
        }
    }

    /// The notice line above the fields: a conflict, a change by someone else, or duplicates.
    var notice: (text: String, style: Style)? {
        if let c = conflict {
            let fields = c.changes.map { "\($0.field) → \($0.after.isEmpty ? "(empty)" : $0.after)" }.joined(separator: "; ")
            return ("NOT SAVED: \(c.otherBroker) changed \(fields.isEmpty ? "this member" : fields). Your edits are kept; Ctrl-S saves them.", .warning)
        }
        if let changedMeanwhile { return (changedMeanwhile, .warning) }
        if let d = duplicates.first {
            let more = duplicates.count > 1 ? " and \(duplicates.count - 1) more" : ""
            return ("Possible duplicate: \(d.number) \(d.name), \(d.postcode), \(d.phone)\(more)", .warning)
        }
        return nil
    }
}
