/// Which tab is active among a fixed list of titles.
public struct TabsState: Sendable, Equatable {
    public var titles: [String]
    public private(set) var selectedIndex: Int

    public init(titles: [String], selectedIndex: Int = 0) {
        self.titles = titles
        self.selectedIndex = min(max(0, selectedIndex), max(0, titles.count - 1))
    }

    public mutating func select(_ index: Int) {
        selectedIndex = min(max(0, index), max(0, titles.count - 1))
    }

    /// Left/Right move between tabs, wrapping; returns true when consumed.
    /// Screens route these keys here only when the tab bar has focus.
    public mutating func handle(_ key: Key) -> Bool {
        guard !titles.isEmpty else { return false }
        switch key {
        case .left: selectedIndex = (selectedIndex + titles.count - 1) % titles.count
        case .right: selectedIndex = (selectedIndex + 1) % titles.count
        case .home: selectedIndex = 0
        case .end: selectedIndex = titles.count - 1
        default: return false
        }
        return true
    }
}

/// Draws tabs as " Profile [Offers] Needs ": the active tab is in brackets
/// and reverse video, so it is marked without colour.
public enum TabsBar {
    public static let activeStyle = Style(bold: true, reverse: true, role: .focus)

    public static func render(_ state: TabsState, into frame: inout Frame, at rect: Rect, focused: Bool = false) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        frame.fill(line)
        let labels = state.titles.enumerated().map { index, title in
            index == state.selectedIndex ? "[\(Sanitizer.clean(title))]" : " \(Sanitizer.clean(title)) "
        }
        // Start late enough that the active tab is on screen; "…" shows tabs hidden to the left.
        var first = 0
        while first < state.selectedIndex,
              labels[first...state.selectedIndex].reduce(0, { $0 + $1.displayWidth }) + (first > 0 ? 1 : 0) > line.width {
            first += 1
        }
        var column = line.column
        if first > 0 { column += frame.put("…", row: line.row, column: column) }
        for index in first..<labels.count {
            guard column < line.maxColumn else { break }
            let style = index == state.selectedIndex ? activeStyle : Style.plain
            let start = column
            column += frame.put(labels[index], row: line.row, column: column, maxWidth: line.maxColumn - column, style: style)
            if index == state.selectedIndex, focused {
                frame.cursor = Position(row: line.row, column: start)
            }
        }
    }
}
