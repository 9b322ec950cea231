/// What a key did to a list or table.
public enum ListOutcome: Hashable, Sendable {
    /// Not a list key: the screen or key registry decides.
    case ignored
    /// Consumed; nothing the screen needs to act on.
    case handled
    /// The selection moved to this row index (the screen may load details).
    case selectionChanged(Int)
    /// Enter on this row index.
    case activated(Int)
    /// The search text changed: the screen re-queries, then calls `setRowCount`.
    case filterChanged(String)
}

/// State of a scrolling list or table. It knows only row indices and the
/// row count, never the rows themselves, so the rows can live in a database
/// and be fetched one visible window at a time (see `visibleRange(in:)`).
public struct TableState: Sendable, Equatable {
    public private(set) var rowCount: Int
    /// The rows were counted only this far: there are at least `rowCount` ("5,000+ rows").
    public private(set) var rowCountIsLowerBound = false
    /// Index of the selected row (0 when the list is empty).
    public private(set) var selectedIndex: Int = 0
    /// Index of the first row shown.
    public private(set) var scrollOffset: Int = 0
    /// The search-as-you-type line.
    public private(set) var filter: TextFieldState
    /// True while keys go to the search line (after "/").
    public private(set) var isEditingFilter = false
    /// Whether a header row with the column titles is drawn.
    public var showsHeader: Bool
    /// Whether "/" opens a search line; false for lists the screen never searches.
    public var isSearchable = true

    public init(rowCount: Int = 0, showsHeader: Bool = true, filterPlaceholder: String = "type to search") {
        self.rowCount = max(0, rowCount)
        self.showsHeader = showsHeader
        self.filter = TextFieldState(placeholder: filterPlaceholder)
    }

    public var filterText: String { filter.text }

    /// True when the filter line takes a row (while editing, or a filter is set).
    public var showsFilterLine: Bool { isEditingFilter || !filter.text.isEmpty }

    /// Call when the data changes (a new query result, another broker's write).
    /// The selection stays on the same index where it can.
    public mutating func setRowCount(_ count: Int, atLeast: Bool = false) {
        rowCount = max(0, count)
        rowCountIsLowerBound = atLeast
        selectedIndex = min(selectedIndex, max(0, rowCount - 1))
        scrollOffset = min(scrollOffset, max(0, rowCount - 1))
    }

    public mutating func select(_ index: Int) {
        selectedIndex = min(max(0, index), max(0, rowCount - 1))
    }

    /// Starts search-as-you-type (the list's "/" key does this too).
    public mutating func beginFilter() {
        isEditingFilter = true
    }

    /// "Just start typing": opens the search line with `character` as a fresh search, the last
    /// search replaced rather than added to.
    public mutating func startFreshSearch(with character: Character) -> ListOutcome {
        isEditingFilter = true
        filter.text = ""
        _ = filter.handle(.char(character))
        selectedIndex = 0
        scrollOffset = 0
        return .filterChanged(filter.text)
    }

    /// Sets the search text, e.g. when restoring a screen.
    public mutating func setFilter(_ text: String) {
        filter.text = text
    }

    /// The rows on screen when drawn into `rect`: what a screen fetches.
    public func visibleRange(in rect: Rect) -> Range<Int> {
        let height = bodyHeight(in: rect)
        let top = Self.top(selected: selectedIndex, storedTop: scrollOffset, height: height, count: rowCount)
        return top..<min(rowCount, top + height)
    }

    /// Rows available for data once the filter line and header are drawn.
    public func bodyHeight(in rect: Rect) -> Int {
        max(0, rect.height - (showsFilterLine ? 1 : 0) - (showsHeader ? 1 : 0))
    }

    /// Arrows, j/k, PgUp/PgDn, Home/End move; Enter activates; "/" starts the
    /// search line, where typing filters, arrows still move, Enter activates
    /// the selected row and Esc clears the search.
    public mutating func handle(_ key: Key, in rect: Rect) -> ListOutcome {
        if isEditingFilter {
            return handleWhileFiltering(key, in: rect)
        }
        switch key {
        case .char("/") where isSearchable:
            isEditingFilter = true
            return .handled
        case .escape where !filter.text.isEmpty:
            return clearFilter()
        case .enter:
            return rowCount > 0 ? .activated(selectedIndex) : .handled
        default:
            return move(key, in: rect) ?? .ignored
        }
    }

    private mutating func handleWhileFiltering(_ key: Key, in rect: Rect) -> ListOutcome {
        switch key {
        case .escape:
            return clearFilter()
        case .enter:
            isEditingFilter = false
            return rowCount > 0 ? .activated(selectedIndex) : .handled
        case .tab:
            isEditingFilter = false
            return .handled
        case .char("j"), .char("k"):
            break
        default:
            if let moved = move(key, excludingLetters: true, in: rect) { return moved }
        }
        switch filter.handle(key) {
        case .edited:
            selectedIndex = 0
            scrollOffset = 0
            return .filterChanged(filter.text)
        case .handled:
            return .handled
        case .ignored:
            return .ignored
        }
    }

    private mutating func clearFilter() -> ListOutcome {
        isEditingFilter = false
        let hadText = !filter.text.isEmpty
        filter.text = ""
        selectedIndex = 0
        scrollOffset = 0
        return hadText ? .filterChanged("") : .handled
    }

    /// Moves the selection for a navigation key, or returns nil for other keys.
    private mutating func move(_ key: Key, excludingLetters: Bool = false, in rect: Rect) -> ListOutcome? {
        let page = max(1, bodyHeight(in: rect))
        let target: Int
        switch key {
        case .up: target = selectedIndex - 1
        case .down: target = selectedIndex + 1
        case .char("k") where !excludingLetters: target = selectedIndex - 1
        case .char("j") where !excludingLetters: target = selectedIndex + 1
        case .pageUp: target = selectedIndex - page
        case .pageDown: target = selectedIndex + page
        // Ctrl-B/Ctrl-F and </>: the same moves on terminals without PgUp/PgDn/Home/End (vt100).
        case .ctrl("b") where !excludingLetters: target = selectedIndex - page
        case .ctrl("f") where !excludingLetters: target = selectedIndex + page
        case .home where !excludingLetters, .char("<") where !excludingLetters: target = 0
        case .end where !excludingLetters, .char(">") where !excludingLetters: target = rowCount - 1
        default: return nil
        }
        let previous = selectedIndex
        select(target)
        let pagesDown = key == .pageDown || key == .ctrl("f")
        if pagesDown || key == .pageUp || key == .ctrl("b") {
            // A page key turns the page, as in a pager, not just the selection.
            scrollOffset = max(0, min(scrollOffset + (pagesDown ? page : -page), rowCount - page))
        }
        scrollOffset = Self.top(selected: selectedIndex, storedTop: scrollOffset, height: page, count: rowCount)
        return selectedIndex == previous ? .handled : .selectionChanged(selectedIndex)
    }

    /// The first visible row: the stored one, moved just enough to show the
    /// selection and not to leave empty rows at the bottom.
    static func top(selected: Int, storedTop: Int, height: Int, count: Int) -> Int {
        guard height > 0 else { return selected }
        var top = min(storedTop, max(0, count - height))
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        return max(0, top)
    }
}
