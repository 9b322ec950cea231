import TerminalUI
import TimeBank

/// The categories a broker's words point at: an exact code alone, otherwise every category
/// whose code, group, name or keywords hold each typed word (as a word prefix), in list order.
enum CategorySearch {
    static func matches(_ text: String, in categories: [TimeBank.Category]) -> [TimeBank.Category] {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return [] }
        if let exact = categories.first(where: { $0.code.lowercased() == typed.lowercased() }) { return [exact] }
        let words = SearchText.words(typed)
        return categories.filter { c in
            let haystack = SearchText.words(c.code + " " + c.group + " " + c.name + " " + c.keywords.joined(separator: " "))
            return words.allSatisfy { w in haystack.contains { $0.hasPrefix(w) } }
        }
    }

    /// "garden.lawn · Garden and outdoors › Lawn mowing": the code first, because it is what
    /// `timebank record --category` and the imports take.
    static func label(_ c: TimeBank.Category) -> String { "\(c.code) · \(c.fullName)" }
}

/// Choosing a category from what was typed in a text field: every match is listed, `↑`/`↓`
/// (and PgUp/PgDn) move the highlight, and Enter or Tab puts the highlighted category's code
/// into the field. A code typed exactly needs no list.
struct CategoryPicker: Equatable, Sendable {
    private(set) var matches: [TimeBank.Category] = []
    private(set) var highlighted = 0
    /// The text the matches were found for, so an unchanged field is not searched again.
    private(set) var searched = ""

    /// Esc put the list away until the text changes.
    private(set) var dismissed = false

    var showsList: Bool { matches.count > 1 && !dismissed }
    var current: TimeBank.Category? { matches.indices.contains(highlighted) ? matches[highlighted] : nil }

    /// Finds the matches for the field's text (after each edit).
    mutating func update(_ text: String, categories: [TimeBank.Category]) {
        guard text != searched else { return }
        searched = text
        matches = CategorySearch.matches(text, in: categories)
        highlighted = 0
        dismissed = false
    }

    enum Outcome: Equatable { case ignored, moved, chose(TimeBank.Category) }

    /// Keys for the open list; anything else is the field's.
    mutating func handle(_ key: Key, page: Int) -> Outcome {
        guard matches.count > 1 else { return .ignored }
        if dismissed {
            // ↑ or ↓ brings a list put away with Esc back; other keys are the field's.
            guard key == .up || key == .down else { return .ignored }
            dismissed = false
            return .moved
        }
        switch key {
        case .up, .ctrl("p"): highlighted = max(0, highlighted - 1)
        case .down, .ctrl("n"): highlighted = min(matches.count - 1, highlighted + 1)
        case .pageUp: highlighted = max(0, highlighted - max(1, page))
        case .pageDown: highlighted = min(matches.count - 1, highlighted + max(1, page))
        case .escape:
            // The list goes and what was typed stays; a second Esc is the form's.
            dismissed = true
        case .enter, .tab:
            guard let c = current else { return .ignored }
            matches = [c]
            highlighted = 0
            searched = c.code
            return .chose(c)
        default: return .ignored
        }
        return .moved
    }

    /// The list drawn under the field's row, over whatever lies below, scrolled so the
    /// highlight is always in sight, with how many there are in its title.
    func renderList(into frame: inout Frame, below row: Int, column: Int, within rect: Rect) {
        guard showsList else { return }
        let place = DropdownPlacement(field: row, rows: matches.count, within: rect)
        let height = place.height
        let box = Rect(row: place.top, column: column, width: max(10, rect.maxColumn - column), height: height + 2)
        let inner = frame.box(box, title: "\(matches.count) match · ↑↓ choose · Enter/Tab take")
        let top = min(max(0, highlighted - height + 1), max(0, matches.count - height))
        for line in 0..<height where matches.indices.contains(top + line) {
            let index = top + line
            let style: Style = index == highlighted ? .selected : .plain
            frame.fill(inner.row(line), style: style)
            frame.put(CategorySearch.label(matches[index]), row: inner.row + line, column: inner.column + 1,
                      maxWidth: inner.width - 1, style: style)
            if index == highlighted { frame.put("›", row: inner.row + line, column: box.column, style: .bold) }
        }
        if top > 0 { frame.put("↑", row: box.row, column: box.maxColumn - 2, style: .bold) }
        if top + height < matches.count { frame.put("↓", row: box.maxRow - 1, column: box.maxColumn - 2, style: .bold) }
    }
}
