import TerminalUI

/// How a member is named in a narrow table cell.
enum MemberLabel {
    /// "Hyacinth Gi… (100231)": a long name gives way so the member number, which a broker
    /// reads back on the phone, stays whole.
    static func nameAndNumber(_ name: String, _ number: Int, width: Int) -> String {
        let suffix = " (\(number))"
        return TextMeasure.truncate(name, toWidth: max(1, width - suffix.count)) + suffix
    }
}
