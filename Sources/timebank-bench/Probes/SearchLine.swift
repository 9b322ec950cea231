import BrokerConsole
import TerminalUI
import TimeBankStore

/// The Members search line as the benchmark drives it: one character in, the redrawn frame out.
/// Two implementations: the real Members screen inside ConsoleApp once it is built, and until
/// then the store query that screen makes, drawn into a list frame.
protocol SearchLine {
    /// Says in the report which of the two was measured.
    var method: String { get }
    mutating func type(_ character: Character) throws -> Frame
    mutating func clear() throws
}

/// `store.members(MemberQuery(search:), offset: 0, limit: 20)` and a drawn list: the work the
/// Members screen does per keystroke.
struct StoreQuerySearchLine: SearchLine {
    let store: Store
    private var text = ""
    private var state = TableState()

    init(store: Store) {
        self.store = store
        state.beginFilter()
    }

    var method: String {
        "headless: store.members(MemberQuery(search:), offset: 0, limit: \(MemberListFrame.visibleRows)) + drawing an 80x24 list frame (the Members screen is not built yet)"
    }

    mutating func type(_ character: Character) throws -> Frame {
        text.append(character)
        return try redraw()
    }

    mutating func clear() throws {
        text = ""
        _ = try redraw()
    }

    private mutating func redraw() throws -> Frame {
        let page = try store.members(MemberQuery(search: text), offset: 0, limit: MemberListFrame.visibleRows)
        state.setFilter(text)
        state.setRowCount(page.total)
        state.select(0)
        return MemberListFrame.render(state, rows: page.rows, total: page.total)
    }
}

/// The real Members screen: key 2, then typing into its search line, with ConsoleApp
/// rendering the whole frame. Returns nil while the screen is still the "not built yet" one,
/// or when typed text does not show up on it (its keys then differ from the spec's).
struct ConsoleSearchLine: SearchLine {
    private var app: ConsoleApp

    init?(context: ConsoleContext) {
        app = ConsoleApp(context: context, size: MemberListFrame.size)
        _ = app.handle(.char(ScreenID.members.key))
        guard !app.render().lines.joined().contains("not built yet") else { return nil }
        // The spec's "/" starts the search in the current list; a screen whose search line
        // already has focus takes it as a no-op or text, which clear() removes.
        _ = app.handle(.char("/"))
        _ = app.handle(.ctrl("u"))
        let probe = app.render()
        _ = app.handle(.char("q"))
        _ = app.handle(.char("z"))
        let typed = app.render().lines.joined().contains("qz")
        _ = app.handle(.ctrl("u"))
        guard typed, probe.size == MemberListFrame.size else { return nil }
    }

    var method: String { "headless: the Members screen in ConsoleApp, handle(key) + render() at 80x24" }

    mutating func type(_ character: Character) throws -> Frame {
        _ = app.handle(.char(character))
        return app.render()
    }

    mutating func clear() throws {
        _ = app.handle(.ctrl("u"))
        _ = app.render()
    }
}
