import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// "Find an exchange": a search over the whole ledger (member, date, hours, words), to reverse a
/// wrong entry without knowing whose statement it is on. Only the visible window of matches is
/// read from the store, newest first; the selection is kept by the exchange's id.
struct ExchangeFinderPanel: Equatable, Sendable {
    enum Focus: Sendable { case query, list, reason }

    var query = TextFieldState(maxLength: ExchangeSearch.longestInput, placeholder: "name or number, 28/11, 1:30, words")
    var table = TableState(showsHeader: true)
    var reason = TextFieldState(maxLength: 400, placeholder: "why the entry is wrong")
    var focus: Focus = .query
    /// The rows read for the window shown, from `windowStart`.
    private(set) var window: [FoundExchange] = []
    private(set) var windowStart = 0
    private(set) var searched = ExchangeSearch(terms: [])
    /// The exchange the broker is on, so another broker's write does not move the highlight.
    private(set) var selectedID: UUID?
    /// Kept until the reversal is saved, so saving twice reverses once.
    private var reversalID: UUID?

    init() {
        table.isSearchable = false
    }

    var selected: FoundExchange? {
        let i = table.selectedIndex - windowStart
        return window.indices.contains(i) ? window[i] : nil
    }

    /// Reads the search typed and the rows visible in `rect`, keeping the selected exchange
    /// selected when it is still among the matches shown.
    mutating func load(store: Store, today: CalendarDate, in rect: Rect) {
        let search = ExchangeSearch.parse(query.text, today: today)
        if search != searched {
            searched = search
            table.select(0)
            selectedID = nil
        }
        // One query gives the count and the rows from the first one shown.
        fetchWindow(store: store, in: rect, counting: true)
        if let id = selectedID, let at = window.firstIndex(where: { $0.id == id }), windowStart + at != table.selectedIndex {
            table.select(windowStart + at)
        }
        selectedID = selected?.id
    }

    /// After the selection moved: the rows now visible.
    mutating func moved(store: Store, in rect: Rect) {
        fetchWindow(store: store, in: rect, counting: false)
        selectedID = selected?.id
        reversalID = nil
    }

    private mutating func fetchWindow(store: Store, in rect: Rect, counting: Bool) {
        let start = table.visibleRange(in: rect).lowerBound
        let height = table.bodyHeight(in: rect)
        guard !searched.isEmpty, height > 0, let page = try? store.findExchanges(searched, offset: start, limit: height) else {
            window = []
            windowStart = start
            if counting || searched.isEmpty { table.setRowCount(0) }
            return
        }
        if counting { table.setRowCount(page.total, atLeast: page.totalIsAtLeast) }
        window = page.rows
        windowStart = start
    }

    mutating func newReversalID() -> UUID {
        let id = reversalID ?? UUID()
        reversalID = id
        return id
    }

    mutating func reversed() {
        reversalID = nil
        reason.text = ""
        reason.caret = 0
        focus = .list
    }

    /// Why this exchange cannot be reversed, before asking the store.
    static func refusal(_ f: FoundExchange) -> String? {
        if let by = f.reversedBy { return "This exchange was already reversed by \(short(by)); it cannot be reversed again." }
        if f.isReversal { return "This exchange is itself a reversal and cannot be reversed." }
        return nil
    }

    /// "12 found", "1000+ found", or how to start.
    var countText: String {
        if searched.isEmpty { return "Type to search the whole ledger." }
        let n = CountText.grouped(table.rowCount)
        return table.rowCountIsLowerBound ? "\(n)+ found: add a word, a date or hours" : "\(n) found"
    }

    /// At 80 columns the names and the note share the width; from 120 the category and the
    /// entry's id are shown too, and the note has room to be read whole.
    static func columns(width: Int) -> [TableColumn] {
        if width >= 118 {
            return [TableColumn("Date", width: .fixed(10)), TableColumn("Giver", width: .fixed(18)), TableColumn("Receiver", width: .fixed(18)),
                    TableColumn("Hours", width: .fixed(5), alignment: .right), TableColumn("Category", width: .fixed(20)),
                    TableColumn("Note", width: .fill(1)), TableColumn("Entry", width: .fixed(8)), TableColumn("", width: .fixed(8))]
        }
        return [TableColumn("Date", width: .fixed(10)), TableColumn("Giver", width: .fixed(15)), TableColumn("Receiver", width: .fixed(15)),
                TableColumn("Hours", width: .fixed(5), alignment: .right), TableColumn("Note", width: .fill(1)), TableColumn("", width: .fixed(8))]
    }

    func row(_ index: Int, width: Int) -> TableRow? {
        let i = index - windowStart
        guard window.indices.contains(i) else { return nil }
        let f = window[i]
        let e = f.exchange
        let state = f.reversedBy != nil ? "reversed" : f.isReversal ? "reversal" : ""
        let note = e.description.isEmpty ? f.categoryName : e.description
        let style: Style = state.isEmpty ? .plain : .muted
        if width >= 118 {
            return TableRow([e.date.british, f.giverName, f.receiverName, MinutesFormat.clock(e.minutes), f.categoryName,
                             e.description, Self.short(e.id), state], style: style)
        }
        return TableRow([e.date.british, f.giverName, f.receiverName, MinutesFormat.clock(e.minutes), note, state], style: style)
    }

    static func short(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }
}
