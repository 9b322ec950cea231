import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// One paper slip being typed in: giver, receiver, duration, date, category, description.
struct ExchangeSlip: Equatable, Sendable {
    enum Field: Int, CaseIterable, Sendable {
        case giver, receiver, duration, date, category, description
    }

    var giver = AccountPicker()
    var receiver = AccountPicker()
    var duration = TextFieldState(maxLength: 20, placeholder: "1:30, 1.5, 90m")
    var date = TextFieldState(maxLength: 20, placeholder: "today")
    var category = TextFieldState(maxLength: 60, placeholder: "optional")
    /// Every category the typed words fit, to choose from with the arrows.
    var categoryPicker = CategoryPicker()
    var description = TextFieldState(maxLength: 500, placeholder: "optional")
    var focus: Field = .giver
    /// The date was kept from the last slip: the first key typed into it replaces it rather
    /// than adding to it ("-1" then "0" must not become "-10").
    var dateKept = false
    /// The referral these hours close, when the slip came from marking a referral done.
    var referral: Int?
    /// The note the broker gave the done step; written with the hours.
    var referralNote = ""
    /// Fields the broker has left (or tried to save); only these show what is wrong with them,
    /// so a half-typed value is not scolded.
    var touched: Set<Field> = []
    /// The id the store records this slip under. Made on the first edit and kept until a save
    /// succeeds, so a double Ctrl-S or a retry after an error records the slip once.
    private(set) var requestID: UUID?

    /// Anything typed that a save has not yet taken; the date alone is not a slip.
    var isDirty: Bool {
        !giver.isEmpty || !receiver.isEmpty || !duration.text.isEmpty || !category.text.isEmpty || !description.text.isEmpty
    }

    /// A key for the Date field: typing into a kept date starts it afresh, any other key keeps it for editing.
    mutating func editDate(_ key: Key) -> TextFieldOutcome {
        if dateKept, case .char = key { date.text = "" }
        if key != .tab, key != .backTab, key != .enter { dateKept = false }
        return date.handle(key)
    }

    mutating func noteEdit() {
        if requestID == nil { requestID = UUID() }
    }

    /// A fresh slip for the next one, keeping the date: slips usually come in a batch of one day.
    func cleared() -> ExchangeSlip {
        var next = ExchangeSlip()
        next.date = date
        next.date.caret = date.text.count
        next.dateKept = !date.text.isEmpty
        return next
    }

    mutating func leave(_ field: Field) {
        touched.insert(field)
    }

    // MARK: reading the fields

    func problem(_ field: Field, _ c: SlipContext) -> String? {
        switch field {
        case .giver: return pickerProblem(giver, other: nil)
        case .receiver: return pickerProblem(receiver, other: giver.chosen)
        case .duration:
            if case .failure(let why) = c.duration(duration.text) { return why.text }
        case .date:
            if case .failure(let why) = c.date(date.text) { return why.text }
        case .category:
            if case .failure(let why) = c.category(category.text) { return why.text }
        case .description:
            return description.text.count > 500 ? LedgerError.descriptionTooLong.description : nil
        }
        return nil
    }

    /// The problem to show now: only for fields already left.
    func shownProblem(_ field: Field, _ c: SlipContext) -> String? {
        touched.contains(field) ? problem(field, c) : nil
    }

    func note(_ field: Field, _ c: SlipContext) -> String? {
        switch field {
        case .giver: return giver.chosen?.details
        case .receiver: return receiver.chosen?.details
        case .duration:
            if case .success(let m) = c.duration(duration.text) { return SlipFormat.spelled(m) }
        case .date:
            if case .success(let d) = c.date(date.text) { return SlipFormat.weekdayDate(d, today: c.today) }
        case .category:
            if categoryPicker.showsList { return categoryPicker.listHint }
            if case .success(let match?) = c.category(category.text) { return match.details }
        case .description: break
        }
        return nil
    }

    private func pickerProblem(_ picker: AccountPicker, other: AccountChoice?) -> String? {
        if picker.isEmpty { return FormState.requiredMessage }
        guard let chosen = picker.chosen else {
            return "Nobody matches '\(picker.text)'; type a member number, part of a name, or pot."
        }
        if chosen.status == .left { return "\(chosen.name) has left the time bank." }
        if let other, other.ref == chosen.ref { return LedgerError.sameAccount.description }
        return nil
    }

    /// The request to record, or the fields that stop it (every field is marked as left).
    mutating func request(_ c: SlipContext) -> ExchangeRequest? {
        touched = Set(Field.allCases)
        guard Field.allCases.allSatisfy({ problem($0, c) == nil }),
              let g = giver.chosen, let r = receiver.chosen,
              case .success(let minutes) = c.duration(duration.text),
              case .success(let day) = c.date(date.text),
              case .success(let match) = c.category(category.text) else { return nil }
        noteEdit()
        return ExchangeRequest(id: requestID!, date: day, giver: g.ref, receiver: r.ref, minutes: minutes,
                               categoryCode: match?.category.code,
                               description: description.text.trimmingCharacters(in: .whitespaces), referral: referral)
    }

    func firstProblem(_ c: SlipContext) -> Field? { Field.allCases.first { problem($0, c) != nil } }
}
