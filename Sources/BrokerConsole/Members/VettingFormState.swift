import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Recording a member's vetting: references, ID seen, induction, DBS and review dates. Dates
/// take the broker's shortcuts (today, -3, 28/11); a wrong one is named beside its field.
struct VettingFormState {
    let number: Int
    let name: String
    var form: FormState
    private let pristine: [String]
    /// Fields whose problem the message line is showing, so that it is cleared once they are fixed.
    private var flagged: Set<String> = []
    /// Room for one reference more than required, so a third can be noted.
    static let referenceSlots = Vetting.referencesRequired + 1

    /// The version of the record the form was filled from; the save names it.
    private var version: Int?

    init(number: Int, name: String, vetting v: Vetting) {
        self.version = v.version
        self.number = number
        self.name = name
        let refs = "References", checks = "Checks", dbs = "DBS (where the role makes one eligible)"
        var fields: [FormField] = []
        for i in 0..<Self.referenceSlots {
            let r = i < v.references.count ? v.references[i] : nil
            fields.append(.text("referee\(i)", label: "Referee \(i + 1)", text: r?.referee ?? "", maxLength: 200, group: refs, width: 30))
            fields.append(.text("received\(i)", label: "Received", text: r?.received.iso ?? "", maxLength: 20, group: refs, width: 12))
        }
        fields += [
            .text("idSeen", label: "ID seen on", text: v.idSeen?.iso ?? "", maxLength: 20, group: checks, width: 12),
            .text("induction", label: "Induction on", text: v.induction?.iso ?? "", maxLength: 20, group: checks, width: 12),
            .text("review", label: "Review record by", text: v.review?.iso ?? "", maxLength: 20, group: checks, width: 12),
            .checkbox("dbsRequired", label: "DBS required", checked: v.dbsRequired, group: dbs),
            .text("dbsLevel", label: "Level", text: v.dbs?.level ?? "", maxLength: 60, group: dbs, width: 20),
            .text("dbsCertificate", label: "Certificate no.", text: v.dbs?.certificateNumber ?? "", maxLength: 40, group: dbs, width: 20),
            .text("dbsIssued", label: "Issued on", text: v.dbs?.issued.iso ?? "", maxLength: 20, group: dbs, width: 12),
            .text("dbsReview", label: "DBS review by", text: v.dbs?.review.iso ?? "", maxLength: 20, group: dbs, width: 12),
        ]
        form = FormState(fields: fields)
        pristine = fields.map(\.value)
    }

    var isDirty: Bool { form.fields.map(\.value) != pristine }
    var title: String { "Vetting of \(number) \(name)" }

    mutating func handle(_ key: Key, _ context: ConsoleContext, rect: Rect) -> ScreenResponse {
        let before = form.focusedField?.id
        switch form.handle(key, in: rect) {
        case .ignored: return .ignored
        case .submitted: return .ignored
        case .focusChanged:
            guard let before else { return .handled }
            let errors = read(context.today()).errors
            form.errors[before] = errors[before]
            if let problem = errors[before] {
                flagged.insert(before)
                return .message(.error(problem))
            }
            return flagged.remove(before) == nil ? .handled : .message(.info(FieldFixed.line(before, in: form, stillFlagged: flagged)))
        case .handled, .edited: return .handled
        }
    }

    /// The vetting the form describes, and what is wrong with it by field.
    func read(_ today: CalendarDate) -> (vetting: Vetting, errors: [String: String]) {
        var errors: [String: String] = [:]
        func date(_ id: String) -> CalendarDate? {
            let text = form.value(of: id)
            guard !text.allSatisfy(\.isWhitespace) else { return nil }
            do { return try DateParser.parse(text, today: today) } catch {
                errors[id] = error.description
                return nil
            }
        }
        var v = Vetting()
        v.version = version
        for i in 0..<Self.referenceSlots {
            let referee = form.value(of: "referee\(i)").trimmingCharacters(in: .whitespaces)
            let received = date("received\(i)")
            if referee.isEmpty, received == nil { continue }
            if referee.isEmpty { errors["referee\(i)"] = "Who gave the reference?" }
            if received == nil, errors["received\(i)"] == nil { errors["received\(i)"] = "When was it received?" }
            if let received, !referee.isEmpty { v.references.append(VettingReference(referee: referee, received: received)) }
        }
        v.idSeen = date("idSeen")
        v.induction = date("induction")
        v.review = date("review")
        v.dbsRequired = form["dbsRequired"]?.isChecked ?? false
        let level = form.value(of: "dbsLevel").trimmingCharacters(in: .whitespaces)
        let certificate = form.value(of: "dbsCertificate").trimmingCharacters(in: .whitespaces)
        let issued = date("dbsIssued"), review = date("dbsReview")
        if issued != nil || review != nil || !level.isEmpty || !certificate.isEmpty {
            if let issued, let review {
                if review < issued { errors["dbsReview"] = "The review date comes before the issue date." }
                v.dbs = DBSCheck(level: level, certificateNumber: certificate, issued: issued, review: review)
            } else {
                if issued == nil, errors["dbsIssued"] == nil { errors["dbsIssued"] = "When was the certificate issued?" }
                if review == nil, errors["dbsReview"] == nil { errors["dbsReview"] = "When is it to be reviewed?" }
            }
        }
        return (v, errors)
    }

    /// Saves the record. Complete without a review date typed, it is given one the setting's
    /// years ahead, and the message says when.
    mutating func save(_ context: ConsoleContext) -> (saved: Bool, ScreenResponse) {
        let today = context.today()
        let (typed, errors) = read(today)
        guard errors.isEmpty else {
            form.errors = errors
            flagged = Set(errors.keys)
            form.focusFirstError()
            return (false, .message(.error("Not saved: \(errors[form.focusedField?.id ?? ""] ?? "see the fields marked !")")))
        }
        let years = (try? context.store.vettingReviewYears()) ?? Vetting.defaultReviewYears
        let v = typed.reviewDefaulted(today: today, years: years)
        do {
            try context.store.saveVetting(member: number, v, by: context.broker)
            var text = "Vetting of \(name) saved: \(v.state(today: today).rawValue)"
            if typed.review == nil, let review = v.review {
                text += ", review \(review.british)"
            }
            return (true, .message(.success(text + ".")))
        } catch {
            return (false, .message(.error("Not saved: \(error)")))
        }
    }
}
