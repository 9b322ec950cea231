import TerminalUI

/// How a member is named in a narrow table cell.
enum MemberLabel {
    /// "Hyacinth Gi… (100231)": a long name gives way so the member number, which a broker
    /// reads back on the phone, stays whole.
    static func nameAndNumber(_ name: String, _ number: Int, width: Int) -> String {
        let suffix = " (\(number))"
        return TextMeasure.truncate(name, toWidth: max(1, width - suffix.count)) + suffix
    }

    /// From this width on, tables give member names the room to show whole.
    static let wideWidth = 120

    /// The width of a member column: `narrow` below `wideWidth`; wider, enough for the longest
    /// "name (number)" among `members` (up to a third of the table), so no name is cut.
    static func columnWidth(_ members: [(name: String, number: Int)], narrow: Int, tableWidth: Int) -> Int {
        guard tableWidth >= wideWidth else { return narrow }
        let widest = members.map { $0.name.displayWidth + " (\($0.number))".count }.max() ?? narrow
        return min(max(narrow, widest), tableWidth / 3)
    }
}
