import TerminalUI
import TimeBank
import TimeBankStore

/// The members list: search text and filters (a `MemberQuery`), the table's selection and
/// scroll, and only the rows on screen. A keystroke costs one count and one window of rows
/// from the store's search index, never a pass over every member; the count stops at
/// `countLimit` ("20,000+ members") until the broker heads for the end of the list.
struct MemberListState {
    var table = TableState(filterPlaceholder: "name, number, phone, email, postcode or offer")
    private(set) var query = MemberQuery()
    private(set) var window = MemberWindow()
    private(set) var areas: [String] = []
    private(set) var problem: String?

    /// Rows fetched beyond the visible ones, so a taller window after a resize is not blank.
    static let spareRows = 20

    /// How far a keystroke counts matches. Counting all 80,000 members a first letter matches
    /// costs 5 ms of the 16 a keystroke may take; 20,000 about 1 ms. A search that matches
    /// more than this is dense (a fifth of 100,000 members), so its first screenful is found
    /// by a short walk through the names (`Store.memberWindow`).
    var countLimit = 20_000

    /// The count is the number of matches, not just the limit counting stopped at.
    private(set) var totalIsExact = true
    /// Count every match: the broker went past the part counted (End, or paging to its foot).
    private var countingAll = false

    var total: Int { table.rowCount }
    var isSearching: Bool { table.isEditingFilter }

    var selectedNumber: Int? { window.row(at: table.selectedIndex)?.number }

    /// Re-reads the count and the visible window (new query, another broker's write).
    mutating func refresh(_ context: ConsoleContext, rect: Rect) {
        areas = (try? context.store.areas()) ?? areas
        if let area = query.area, !areas.contains(area) { query.area = nil }
        fetch(context, rect: rect, keepSelection: true)
    }

    /// Fetches the rows now visible. With `keepSelection`, the selection follows the member
    /// it was on when that member is still in the window (another broker added someone above).
    mutating func fetch(_ context: ConsoleContext, rect: Rect, keepSelection: Bool = false) {
        let previous = keepSelection ? selectedNumber : nil
        let top = table.visibleRange(in: rect).lowerBound
        let limit = max(1, table.bodyHeight(in: rect)) + Self.spareRows
        do {
            let page = try context.store.memberWindow(query, offset: top, limit: limit, today: context.today(),
                                                      countingUpTo: countingAll ? nil : countLimit)
            window = MemberWindow(offset: top, rows: page.rows)
            table.setRowCount(page.total, atLeast: !page.totalIsExact)
            totalIsExact = page.totalIsExact
            problem = nil
            if let previous, let index = window.index(of: previous), index != table.selectedIndex { table.select(index) }
            // A shrinking list can move the visible window; fetch again for the rows now shown.
            let shown = table.visibleRange(in: rect)
            if !window.covers(shown), page.total > 0 {
                let again = try context.store.memberWindow(query, offset: shown.lowerBound, limit: limit, today: context.today(),
                                                           countingUpTo: countingAll ? nil : countLimit)
                window = MemberWindow(offset: shown.lowerBound, rows: again.rows)
            }
        } catch {
            problem = "The members could not be read: \(error)"
        }
    }

    /// A list key: moves, searches, opens. Returns the member number to open on Enter.
    mutating func handle(_ key: Key, _ context: ConsoleContext, rect: Rect) -> (ListOutcome, open: Int?) {
        if !totalIsExact, headsPastCount(key, rect: rect) {
            countingAll = true
            fetch(context, rect: rect, keepSelection: true)
        }
        let outcome = table.handle(key, in: rect)
        switch outcome {
        case .filterChanged(let text):
            query.search = text
            countingAll = false
            fetch(context, rect: rect)
        case .selectionChanged:
            if !window.covers(table.visibleRange(in: rect)) { fetch(context, rect: rect) }
        case .activated(let index):
            return (outcome, window.row(at: index)?.number)
        case .ignored, .handled:
            break
        }
        return (outcome, nil)
    }

    /// End, or a move down within a page of the last row counted.
    private func headsPastCount(_ key: Key, rect: Rect) -> Bool {
        let nearFoot = table.selectedIndex + max(1, table.bodyHeight(in: rect)) >= total
        switch key {
        case .end, .char("j"): return !table.isEditingFilter && (key == .end || nearFoot)
        case .down, .pageDown: return nearFoot
        default: return false
        }
    }

    /// Starts the search line. A first typed character starts a fresh search with it ("just start
    /// typing"); without one ("/", Backspace) the last search is there to correct.
    mutating func startSearch(with character: Character?, _ context: ConsoleContext, rect: Rect) {
        table.beginFilter()
        guard let character else { return }
        if !table.filterText.isEmpty { table.setFilter("") }
        _ = handle(.char(character), context, rect: rect)
    }

    mutating func changeQuery(_ context: ConsoleContext, rect: Rect, _ change: (inout MemberQuery) -> Void) {
        change(&query)
        if query.search != table.filterText { table.setFilter(query.search) }
        table.select(0)
        countingAll = false
        fetch(context, rect: rect)
    }

    mutating func cycleArea(_ context: ConsoleContext, rect: Rect) {
        let known = areas
        changeQuery(context, rect: rect) { $0.cycleArea(among: known) }
    }
}

/// The rows fetched for the visible part of the list.
struct MemberWindow: Equatable {
    var offset = 0
    var rows: [MemberSummary] = []

    func row(at index: Int) -> MemberSummary? {
        let i = index - offset
        return rows.indices.contains(i) ? rows[i] : nil
    }

    func index(of number: Int) -> Int? {
        rows.firstIndex { $0.number == number }.map { $0 + offset }
    }

    func covers(_ range: Range<Int>) -> Bool {
        range.isEmpty || (range.lowerBound >= offset && range.upperBound <= offset + rows.count)
    }
}
