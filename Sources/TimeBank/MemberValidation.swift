import Foundation

/// The fields of a member form that can be wrong, so a message can sit beside the right one.
public enum MemberField: String, CaseIterable, Sendable {
    case name, preferredName, phone, email, address, postcode, area, emergencyContact, contactPerson
    case languages, accessibilityNeeds, statusReason
}

public struct FieldProblem: Hashable, Sendable, CustomStringConvertible {
    public var field: MemberField
    public var message: String
    public var description: String { message }
}

/// Checks what a broker typed for a member; the same rules for screens, import and command line.
public enum MemberValidation {
    public static let nameLimit = 200
    public static let textLimit = 200
    public static let longTextLimit = 2000

    public static func problems(in m: Member) -> [FieldProblem] {
        var out: [FieldProblem] = []
        let name = m.name.trimmingWhitespace()
        if name.isEmpty { out.append(.init(field: .name, message: "A name is required.")) }
        if !TextRules.fits(name, characters: nameLimit) { out.append(.init(field: .name, message: "The name is longer than \(nameLimit) characters.")) }
        if let p = TextRules.controlProblem("The name", m.name) { out.append(.init(field: .name, message: p)) }
        let singleLine: [(MemberField, String)] = [
            (.preferredName, m.preferredName), (.phone, m.phone), (.email, m.email), (.postcode, m.postcode), (.area, m.area),
            (.emergencyContact, m.emergencyContact), (.contactPerson, m.contactPerson), (.languages, m.languages),
            (.statusReason, m.statusReason),
        ]
        for (field, value) in singleLine {
            if let p = TextRules.controlProblem("This field", value) { out.append(.init(field: field, message: p)) }
        }
        for (field, value) in [(MemberField.address, m.address), (.accessibilityNeeds, m.accessibilityNeeds)] {
            if let p = TextRules.controlProblem("This field", value, multiline: true) { out.append(.init(field: field, message: p)) }
        }
        if !TextRules.fits(m.preferredName, characters: nameLimit) { out.append(.init(field: .preferredName, message: "The preferred name is longer than \(nameLimit) characters.")) }
        if let p = phoneProblem(m.phone) { out.append(.init(field: .phone, message: p)) }
        if let e = emailProblem(m.email) { out.append(.init(field: .email, message: e)) }
        if let p = postcodeProblem(m.postcode) { out.append(.init(field: .postcode, message: p)) }
        if m.kind == .organisation && m.contactPerson.trimmingWhitespace().isEmpty {
            out.append(.init(field: .contactPerson, message: "An organisation needs a contact person."))
        }
        if m.status == .onHold || m.status == .left, m.statusReason.trimmingWhitespace().isEmpty {
            out.append(.init(field: .statusReason, message: "Say why the member is \(m.status.rawValue)."))
        }
        let limited: [(MemberField, String, Int)] = [
            (.address, m.address, textLimit), (.area, m.area, textLimit), (.emergencyContact, m.emergencyContact, textLimit),
            (.contactPerson, m.contactPerson, textLimit), (.languages, m.languages, textLimit),
            (.accessibilityNeeds, m.accessibilityNeeds, longTextLimit), (.statusReason, m.statusReason, textLimit),
        ]
        for (field, value, limit) in limited where !TextRules.fits(value, characters: limit) {
            out.append(.init(field: field, message: "This is longer than \(limit) characters."))
        }
        return out
    }

    /// UK numbers: 10 or 11 digits starting 0, or +44 and 9–10 digits; spaces, dashes and brackets allowed.
    public static func phoneProblem(_ phone: String) -> String? {
        let t = phone.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || " -()+".contains($0)) }) else {
            return "A phone number may hold only digits, spaces, dashes, brackets and a leading +."
        }
        let digits = t.filter(\.isNumber)
        if t.dropFirst().contains("+") { return "A phone number may have a + only at the start." }
        if t.hasPrefix("+") {
            guard (8...15).contains(digits.count) else { return "'\(t)' is not a plausible phone number." }
        } else {
            guard digits.hasPrefix("0"), (10...11).contains(digits.count) else {
                return "'\(t)' is not a plausible UK phone number (10 or 11 digits starting with 0)."
            }
        }
        return nil
    }

    public static func emailProblem(_ email: String) -> String? {
        let t = email.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard t.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !t.contains(" "),
              t.allSatisfy({ !$0.isWhitespace && $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }) else {
            return "'\(t.prefix(60))' is not a plausible email address."
        }
        return nil
    }

    /// UK postcode shape: outward code (A9, A99, AA9, AA99, A9A, AA9A) then 9AA.
    public static func postcodeProblem(_ postcode: String) -> String? {
        let t = postcode.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        let compact = t.uppercased().filter { $0 != " " }
        let pattern = "^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$"
        guard compact.range(of: pattern, options: .regularExpression) != nil else {
            return "'\(t.prefix(20))' is not a UK postcode (for example GL1 2AB)."
        }
        return nil
    }

    /// "gl12ab" → "GL1 2AB".
    public static func normalisedPostcode(_ postcode: String) -> String {
        let compact = postcode.uppercased().filter { !$0.isWhitespace }
        guard compact.count >= 5, postcodeProblem(compact) == nil else { return postcode.trimmingWhitespace() }
        return String(compact.dropLast(3)) + " " + String(compact.suffix(3))
    }

}
