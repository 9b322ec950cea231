import TerminalUI
import TimeBank

/// The ranked helpers, each on a line for the score and name and then its reasons in words,
/// wrapped rather than cut, so "same area (Kingsholm) · free Tue mornings" is always readable.
/// Items differ in height, so the list keeps its own first visible item.
struct HelperList: Equatable, Sendable {
    static let reasonIndent = 9
    static let maxReasonLines = 3

    var results: [MatchResult] = []
    /// Helper number → the referral already made for this need, shown on the row.
    var proposed: [Int: String] = [:]
    /// Helper number → how to reach them, shown on the row so the broker can ring from the list.
    var contacts: [Int: MemberContact] = [:]
    private(set) var selected = 0
    private(set) var top = 0

    var current: MatchResult? { results.indices.contains(selected) ? results[selected] : nil }

    /// New results (a reload or a resize): the selection stays on the same helper where they
    /// are still ranked, and stays in view in `rect`.
    mutating func set(_ results: [MatchResult], in rect: Rect) {
        let previous = current?.member
        self.results = results
        if let previous, let index = results.firstIndex(where: { $0.member == previous }) { selected = index }
        selected = min(selected, max(0, results.count - 1))
        top = min(top, selected)
        scrollToSelection(in: rect)
    }

    /// Three lines of reasons at most in a narrow window; from `MemberLabel.wideWidth` on, every reason.
    static func reasonLines(_ r: MatchResult, width: Int) -> [String] {
        let lines = TextWrap.wrap(r.reasons.isEmpty ? "no particular reason" : r.reasons.joined(separator: " · "), width: max(10, width - reasonIndent))
        guard lines.count > maxReasonLines, width < MemberLabel.wideWidth else { return lines }
        return Array(lines.prefix(maxReasonLines - 1)) + [lines[maxReasonLines - 1] + " …"]
    }

    func height(of index: Int, width: Int) -> Int { 1 + Self.reasonLines(results[index], width: width).count }

    /// Arrows, j/k, PgUp/PgDn (Ctrl-B/Ctrl-F), Home/End (< and >); returns false for other keys.
    mutating func handle(_ key: Key, in rect: Rect) -> Bool {
        guard !results.isEmpty else { return false }
        switch key {
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(results.count - 1, selected + 1)
        case .pageUp, .ctrl("b"): selected = max(0, selected - max(1, visibleCount(in: rect)))
        case .pageDown, .ctrl("f"): selected = min(results.count - 1, selected + max(1, visibleCount(in: rect)))
        case .home, .char("<"): selected = 0
        case .end, .char(">"): selected = results.count - 1
        default: return false
        }
        scrollToSelection(in: rect)
        return true
    }

    /// How many helpers are shown whole from the first visible one: what a page key moves by.
    func visibleCount(in rect: Rect) -> Int {
        var used = 0, count = 0
        for index in top..<results.count {
            used += height(of: index, width: rect.width)
            if used > rect.height { break }
            count += 1
        }
        return count
    }

    mutating func scrollToSelection(in rect: Rect) {
        if selected < top { top = selected }
        while top < selected, (top...selected).reduce(0, { $0 + height(of: $1, width: rect.width) }) > rect.height { top += 1 }
    }

    func render(into frame: inout Frame, in rect: Rect, focused: Bool) {
        var line = rect.row
        var index = top
        while index < results.count, line < rect.maxRow {
            let r = results[index]
            let isSelected = index == selected
            let style: Style = isSelected ? (focused ? .selected : Style(bold: true, role: .selection)) : .bold
            frame.fill(Rect(row: line, column: rect.column, width: rect.width, height: 1), style: style)
            var head = "\(isSelected ? "›" : " ")\(String(index + 1).leftPadded(3)). \(String(r.score).leftPadded(3))  \(r.name) (\(r.member))"
            if let note = proposed[r.member] { head += "  · \(note)" }
            if let contact = contacts[r.member] { head += "  · \(contact.line)" }
            frame.put(head, row: line, column: rect.column, maxWidth: rect.width, style: style)
            if isSelected, focused { frame.cursor = Position(row: line, column: rect.column) }
            line += 1
            for text in Self.reasonLines(r, width: rect.width) where line < rect.maxRow {
                frame.put(text, row: line, column: rect.column + Self.reasonIndent, maxWidth: rect.width - Self.reasonIndent)
                line += 1
            }
            index += 1
        }
        if results.isEmpty {
            frame.put("No member can be proposed for this need (nobody active offers anything near it, or vetting rules out everyone).",
                      row: rect.row, column: rect.column + 1, maxWidth: rect.width - 2, style: .muted)
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
