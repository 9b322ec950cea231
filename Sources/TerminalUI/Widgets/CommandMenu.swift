/// The command menu: every action reachable from the current screen, filtered
/// as the broker types, so nothing needs to be remembered.
public struct CommandMenuState: Sendable, Equatable {
    public private(set) var query = TextFieldState(placeholder: "type to find a command")
    public private(set) var list = TableState(showsHeader: false)

    public init() {}

    /// The bindings that match the query: every word of it must appear in the
    /// help text, the action name or the key names, ignoring case.
    public func matches(in registry: KeyRegistry, scope: KeyScope) -> [KeyBinding] {
        let words = query.text.lowercased().split(separator: " ")
        // Widget keys (moving in a list, typing) are not actions to run from a menu.
        return registry.reachableBindings(in: scope).filter { !$0.isWidgetKey }.filter { binding in
            let haystack = "\(binding.help) \(binding.action.name) \(binding.keyNames)".lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// Typing filters; Up/Down/PgUp/PgDn select; Enter runs the selected
    /// action; Esc closes. Letters always go to the query (no j/k here).
    public mutating func handle(_ key: Key, registry: KeyRegistry, scope: KeyScope, in screen: Rect) -> OverlayOutcome {
        let found = matches(in: registry, scope: scope)
        list.setRowCount(found.count)
        let listRect = CommandMenu.listRect(in: screen)
        switch key {
        case .escape:
            return .closed
        case .enter:
            return found.indices.contains(list.selectedIndex) ? .run(found[list.selectedIndex].action) : .handled
        case .up, .down, .pageUp, .pageDown:
            _ = list.handle(key, in: listRect)
            return .handled
        default:
            if query.handle(key) == .edited {
                list = TableState(rowCount: matches(in: registry, scope: scope).count, showsHeader: false)
            }
            return .handled
        }
    }
}

/// Draws the command menu centred over the screen: a query line, then the
/// matching actions with their keys right-aligned.
public enum CommandMenu {
    public static let title = "Commands"

    static func boxRect(in screen: Rect) -> Rect {
        screen.centered(width: min(screen.width, 60), height: min(screen.height, 16))
    }

    static func listRect(in screen: Rect) -> Rect {
        boxRect(in: screen).inset(by: 1).inset(top: 1)
    }

    public static func render(_ state: CommandMenuState, registry: KeyRegistry, scope: KeyScope, into frame: inout Frame) {
        let inner = frame.box(boxRect(in: frame.bounds), title: title)
        guard !inner.isEmpty else { return }
        let found = state.matches(in: registry, scope: scope)
        var list = state.list
        list.setRowCount(found.count)
        frame.put(">", row: inner.row, column: inner.column, style: .bold)
        let keyWidth = min(inner.width / 3, found.map { $0.keyNames.displayWidth }.max() ?? 0)
        let columns = [TableColumn("", width: .fill), TableColumn("", width: .fixed(keyWidth), alignment: .right)]
        let rows = found.map { TableRow([$0.help, $0.keyNames]) }
        TableView.render(list, columns: columns, rows: rows, emptyMessage: "No command matches", into: &frame, at: listRect(in: frame.bounds), focused: false)
        // The query holds the cursor: typing is what the broker does here.
        TextFieldView.render(state.query, into: &frame, at: Rect(row: inner.row, column: inner.column + 2, width: inner.width - 2, height: 1), focused: true)
        if !found.isEmpty {
            let selectedLine = listRect(in: frame.bounds).row + list.selectedIndex - list.visibleRange(in: listRect(in: frame.bounds)).lowerBound
            frame.restyle(Rect(row: selectedLine, column: inner.column, width: inner.width, height: 1), style: TableView.selectedStyle)
        }
    }
}
