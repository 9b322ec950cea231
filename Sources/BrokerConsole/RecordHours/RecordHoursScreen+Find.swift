import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// "Find an exchange" (Ctrl-R or F9): typing searches the whole ledger as you type, ↑↓ PgUp PgDn
/// move through the matches, Enter on one goes to the reason, and Enter there (or Ctrl-S) asks
/// the one confirmation before the same reversal the statement makes.
extension RecordHoursScreen {
    /// The matches' part of the form: under the search line and its count, above the reason.
    static func finderTableRect(in area: Rect) -> Rect {
        Rect(row: area.row + 2, column: area.column + 1, width: area.width - 2, height: max(0, area.height - 4))
    }

    mutating func openFinder(_ context: ConsoleContext, in body: Rect) {
        switchMode(.find, context)
        finder.focus = .query
        finder.load(store: context.store, today: facts.today, in: Self.finderTableRect(in: Self.formArea(in: body)))
    }

    mutating func handleFind(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        let rect = Self.finderTableRect(in: Self.formArea(in: body))
        if key == .escape {
            if finder.focus == .reason {
                finder.focus = .list
                return .handled
            }
            return leave()
        }
        switch key {
        case .tab:
            finder.focus = finder.focus == .query ? .list : finder.focus == .list ? .reason : .query
            return .handled
        case .backTab:
            finder.focus = finder.focus == .query ? .reason : finder.focus == .list ? .query : .list
            return .handled
        default: break
        }
        switch finder.focus {
        case .query, .list:
            // The matches move under the search line as they do in the list itself; letters type.
            let moves: [Key] = [.up, .down, .pageUp, .pageDown] + (finder.focus == .list ? [.home, .end, .char("j"), .char("k"), .char("<"), .char(">"), .ctrl("b"), .ctrl("f")] : [])
            if moves.contains(key) {
                _ = finder.table.handle(key, in: rect)
                finder.moved(store: context.store, in: rect)
                return .handled
            }
            if key == .enter { return chooseFound() }
            // Typing on the list goes back to the search line, as in the members list.
            switch finder.query.handle(key) {
            case .edited:
                finder.focus = .query
                finder.load(store: context.store, today: facts.today, in: rect)
                return .handled
            case .handled: return .handled
            case .ignored: return .ignored
            }
        case .reason:
            if key == .enter { return askReverseFound() }
            return finder.reason.handle(key) == .ignored ? .ignored : .handled
        }
    }

    /// Enter on a match: to its reason, unless it cannot be reversed, which is said at once.
    mutating func chooseFound() -> ScreenResponse {
        guard let found = finder.selected else { return .message(.error("Nothing found to reverse: type a name, a date, hours or words.")) }
        if let why = ExchangeFinderPanel.refusal(found) { return .message(.error(why)) }
        finder.focus = .reason
        return .message(.info("Reverse this exchange: give the reason, then Enter."))
    }

    mutating func askReverseFound() -> ScreenResponse {
        guard let found = finder.selected else { return .message(.error("Choose an exchange first: type to search, then ↑↓.")) }
        if let why = ExchangeFinderPanel.refusal(found) { return .message(.error(why)) }
        let reason = finder.reason.text.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            finder.focus = .reason
            return .message(.error("Give a reason for the reversal in the Reason field."))
        }
        let e = found.exchange
        dialog = .reverse(e, giver: found.giverName, receiver: found.receiverName, reason: reason, title: "Reverse this exchange?")
        return .handled
    }

    mutating func commitReverseFound(_ id: UUID, _ context: ConsoleContext) -> ScreenResponse {
        let reversalID = finder.newReversalID()
        do {
            let entry = try context.store.reverse(id, reason: finder.reason.text, date: facts.today, by: context.broker, reversalID: reversalID)
            finder.reversed()
            reload(context)
            return .message(.success("Reversed \(ExchangeFinderPanel.short(id)) with entry \(ExchangeFinderPanel.short(entry.id)); both are linked in statements."))
        } catch {
            return .message(.error("Not reversed: " + describe(error, context)))
        }
    }

    func renderFind(into frame: inout Frame, in rect: Rect) {
        let rows = SlipRows(rect: rect)
        rows.label("Find", row: rect.row, focused: focused && finder.focus == .query, into: &frame)
        TextFieldView.render(finder.query, into: &frame, at: Rect(row: rect.row, column: rows.inputColumn, width: rows.wideInputWidth, height: 1),
                             focused: focused && finder.focus == .query)
        frame.put(finder.countText + " · ↑↓ choose · Enter: reverse it", row: rect.row + 1, column: rows.labelColumn + 1,
                  maxWidth: rect.width - 4, style: .muted)
        let table = Self.finderTableRect(in: rect)
        let columns = ExchangeFinderPanel.columns(width: table.width)
        let empty = finder.searched.isEmpty ? "A member's number or name, a date (28/11, 2026-11), hours (1:30) or words of the note."
            : "No exchange has all of that."
        TableView.render(finder.table, columns: columns, emptyMessage: empty, into: &frame, at: table,
                         focused: focused && finder.focus != .reason) { finder.row($0, width: table.width) }
        let reasonRow = table.maxRow
        rows.text("Reason", finder.reason, row: reasonRow, focused: focused && finder.focus == .reason, wide: true, into: &frame)
        if let found = finder.selected {
            let e = found.exchange
            var about = "Entry \(ExchangeFinderPanel.short(e.id)) · \(e.date.british) · \(found.giverName) gave \(found.receiverName) \(MinutesFormat.clock(e.minutes))"
            if let why = ExchangeFinderPanel.refusal(found) { about = "Entry \(ExchangeFinderPanel.short(e.id)) · " + why }
            frame.put(about, row: reasonRow + 1, column: rows.inputColumn, maxWidth: rect.maxColumn - rows.inputColumn - 1, style: .muted)
        }
    }
}
