import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Erasing a member on request (admins): the reason, what becomes of a balance that is not
/// zero, and the member number typed again, so a slip of the keys never erases the wrong person.
/// The erasure itself is the store's, the same call as `timebank erase`.
struct EraseFormState {
    let number: Int
    let name: String
    /// The balance when the form opened; zero asks nothing about it.
    let balance: Minutes
    var form: FormState
    private let pristine: [String]

    static let balanceOptions = ["Choose…", "Donate it to the community pot", "Keep it on the former member's account"]

    init(number: Int, name: String, balance: Minutes) {
        self.number = number
        self.name = name
        self.balance = balance
        var fields: [FormField] = [
            .text("reason", label: "Reason (kept in the audit log)", required: true, maxLength: 400,
                  placeholder: "e.g. asked by letter"),
        ]
        if balance != 0 {
            fields.append(.choice("balance", label: "Balance \(MinutesFormat.signedClock(balance)) h", options: Self.balanceOptions))
        }
        fields.append(.text("number", label: "Type the member number again", required: true, maxLength: 12, width: 10))
        form = FormState(fields: fields)
        pristine = fields.map(\.value)
    }

    var isDirty: Bool { form.fields.map(\.value) != pristine }
    var title: String { "Erase member \(number) \(name)" }
    var notice: String {
        // Short enough for one line at 80 columns.
        "Their personal data, notes and vetting go for good; the ledger's hours stay."
    }

    mutating func handle(_ key: Key, rect: Rect) -> ScreenResponse {
        switch form.handle(key, in: rect) {
        case .ignored, .submitted: return .ignored  // Enter on the last field does not erase: Ctrl-S asks.
        case .handled, .edited, .focusChanged: return .handled
        }
    }

    /// What the form asks for, once every answer is right; otherwise the fields are marked and
    /// the message says the first problem. A wrong number is refused here: nothing is erased.
    mutating func checked() -> (reason: String, balance: ErasureBalance?)? {
        var errors: [String: String] = [:]
        let reason = form.value(of: "reason").trimmingCharacters(in: .whitespaces)
        if reason.isEmpty { errors["reason"] = "Give a reason for the erasure (it is kept in the audit log)." }
        var choice: ErasureBalance?
        if balance != 0 {
            switch form.value(of: "balance") {
            case Self.balanceOptions[1]: choice = .donate
            case Self.balanceOptions[2]: choice = .keep
            default: errors["balance"] = "Choose whether the balance of \(MinutesFormat.signedClock(balance)) h goes to the pot or stays (Space changes it)."
            }
        }
        // Full-width digits (１２６８, as a Japanese or Chinese input method types them) are the same number.
        let typed = form.value(of: "number").folding(options: .widthInsensitive, locale: nil).trimmingCharacters(in: .whitespaces)
        if typed != String(number) {
            errors["number"] = typed.isEmpty
                ? "Type the member number \(number) again to erase them."
                : "The number typed is not \(number), so nothing was erased."
        }
        form.errors = errors
        guard errors.isEmpty else {
            form.focusFirstError()
            return nil
        }
        return (reason, choice)
    }

    /// The first problem the fields show, for the message line.
    var firstError: String {
        form.errors[form.focusedField?.id ?? ""] ?? "see the fields marked !"
    }

    /// Erases through the store. Returns whether it happened and the message to show.
    func erase(reason: String, balance choice: ErasureBalance?, _ context: ConsoleContext) -> (erased: Bool, ScreenResponse) {
        do {
            let cleared = try context.store.erase(member: number, reason: reason, balance: choice, by: context.broker, today: context.today())
            var text = "Member \(number) is now \"Former member \(number)\"; their hours stay in the ledger."
            if !cleared { text += " The freed bytes leave the log at its next checkpoint." }
            return (true, .message(.success(text)))
        } catch {
            return (false, .message(.error("Nothing was erased: \(error)")))
        }
    }
}
