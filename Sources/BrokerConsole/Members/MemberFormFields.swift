import TerminalUI
import TimeBank

/// The member form's fields, grouped so that every field of a member fits on two pages of
/// an 80x24 screen, and the translation between those fields and a `Member`.
enum MemberFormFields {
    static let statuses = MemberStatus.allCases.map(\.rawValue)
    static let kinds = MemberKind.allCases.map(\.rawValue)
    /// "Not said" first: the question is optional.
    static let cameThroughOptions = ["Not said"] + CameThrough.allCases.map(\.label)

    /// A new member starts pending: vetting cannot be complete before they exist, so the add
    /// form has no status; the edit form has status and the reason for it.
    static func form(for m: Member, isNew: Bool) -> FormState {
        let who = "Who", contact = "Contact", membership = "Membership", consent = "Consent", funders = "For funder reports (optional)"
        var fields: [FormField] = [
            .choice("kind", label: "Person or organisation", options: kinds, selected: kinds.firstIndex(of: m.kind.rawValue) ?? 0, group: who),
            .text("name", label: "Full name", text: m.name, required: true, maxLength: 400, group: who),
            .text("preferredName", label: "Preferred name", text: m.preferredName, maxLength: 400, group: who),
            .text("contactPerson", label: "Contact (organisation)", text: m.contactPerson, maxLength: 400, group: who),
            .text("phone", label: "Phone", text: m.phone, maxLength: 40, group: contact, width: 20),
            .text("email", label: "Email", text: m.email, maxLength: 254, group: contact),
            .text("address", label: "Address", text: m.address, maxLength: 400, group: contact),
            .text("postcode", label: "Postcode", text: m.postcode, maxLength: 12, group: contact, width: 10),
            .text("area", label: "Area", text: m.area, maxLength: 200, group: contact),
            .text("emergencyContact", label: "Emergency contact", text: m.emergencyContact, maxLength: 400, group: contact),
            .text("joined", label: "Date joined", text: m.joined.iso, required: true, maxLength: 20, group: membership, width: 12),
        ]
        if !isNew {
            fields += [
                .choice("status", label: "Status", options: statuses, selected: statuses.firstIndex(of: m.status.rawValue) ?? 0, group: membership),
                .text("statusReason", label: "Reason for status", text: m.statusReason, maxLength: 400, group: membership),
            ]
        }
        fields += [
            .text("languages", label: "Languages", text: m.languages, maxLength: 400, group: membership),
            .text("availability", label: "Available", text: m.availability.text, maxLength: 200,
                  placeholder: "e.g. Mon am pm, Sat; weekdays; any time", group: membership),
            .checkbox("canTravel", label: "Can travel", checked: m.canTravel, group: membership),
            .checkbox("hasTransport", label: "Has transport", checked: m.hasTransport, group: membership),
            .text("accessibilityNeeds", label: "Accessibility needs", text: m.accessibilityNeeds, maxLength: 4000, group: membership),
            .text("doNotMatch", label: "Do not match with", text: m.doNotMatch.map(String.init).joined(separator: ", "), maxLength: 200,
                  placeholder: "names or numbers, commas between", group: membership),
            .checkbox("consentPhone", label: "Contact by phone", checked: m.consent.contactByPhone, group: consent),
            .checkbox("consentEmail", label: "Contact by email", checked: m.consent.contactByEmail, group: consent),
            .checkbox("consentShare", label: "Share details w/ match", checked: m.consent.shareDetailsWithMatch, group: consent),
            .checkbox("consentPhotos", label: "Photos", checked: m.consent.photos, group: consent),
            .text("ageBand", label: "Age band", text: m.demographics.ageBand, maxLength: 60, group: funders, width: 20),
            .text("gender", label: "Gender", text: m.demographics.gender, maxLength: 60, group: funders, width: 20),
            .text("ethnicity", label: "Ethnicity", text: m.demographics.ethnicity, maxLength: 60, group: funders, width: 30),
            .text("disability", label: "Disability", text: m.demographics.disability, maxLength: 60, group: funders, width: 30),
            .choice("cameThrough", label: "Came through", options: cameThroughOptions,
                    selected: m.demographics.cameThrough.flatMap { CameThrough.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0, group: funders),
        ]
        if isNew { fields += SignUpOffers.fields }
        return FormState(fields: fields)
    }

    /// The member the form describes, on top of `base` (number, version, fields the form has
    /// not got), and messages for what cannot even be read (a date, availability, numbers).
    static func member(from form: FormState, base: Member, today: CalendarDate) -> (Member, [String: String]) {
        var m = base
        var errors: [String: String] = [:]
        func text(_ id: String) -> String { form.value(of: id) }
        func checked(_ id: String) -> Bool { form[id]?.isChecked ?? false }
        m.kind = MemberKind(rawValue: text("kind")) ?? base.kind
        m.name = text("name")
        m.preferredName = text("preferredName")
        m.contactPerson = text("contactPerson")
        m.phone = text("phone")
        m.email = text("email")
        m.address = text("address")
        m.postcode = text("postcode")
        m.area = text("area")
        m.emergencyContact = text("emergencyContact")
        do {
            m.joined = try DateParser.parse(text("joined"), today: today)
        } catch {
            errors["joined"] = error.description
        }
        if form["status"] != nil {
            m.status = MemberStatus(rawValue: text("status")) ?? base.status
            m.statusReason = text("statusReason")
        }
        m.languages = text("languages")
        let available = text("availability")
        if available.allSatisfy(\.isWhitespace) {
            m.availability = []
        } else if let a = Availability(text: available) {
            m.availability = a
        } else {
            errors["availability"] = "Write days and parts of the day, e.g. Mon am pm, Sat; weekdays; any time."
        }
        m.canTravel = checked("canTravel")
        m.hasTransport = checked("hasTransport")
        m.accessibilityNeeds = text("accessibilityNeeds")
        let numbers = text("doNotMatch").split(whereSeparator: { $0 == "," || $0 == " " })
        let parsed = numbers.compactMap { Int($0) }
        if parsed.count == numbers.count {
            m.doNotMatch = parsed
        } else {
            errors["doNotMatch"] = "Choose each member from the list (a name or number), commas between."
        }
        m.consent = Consent(contactByPhone: checked("consentPhone"), contactByEmail: checked("consentEmail"),
                            shareDetailsWithMatch: checked("consentShare"), photos: checked("consentPhotos"))
        m.demographics = Demographics(ageBand: text("ageBand"), gender: text("gender"), ethnicity: text("ethnicity"), disability: text("disability"),
                                      cameThrough: CameThrough.allCases.first { $0.label == text("cameThrough") })
        return (m, errors)
    }

    /// The form field that a domain problem belongs beside.
    static func fieldID(for field: MemberField) -> String { field.rawValue }
}
