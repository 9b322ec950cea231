import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// An account the broker has picked, with what they need to see that it is the right person.
struct AccountChoice: Equatable, Sendable {
    var ref: AccountRef
    var name: String
    /// Nil for the community pot, which has no membership.
    var status: MemberStatus?
    var balance: Minutes

    init(ref: AccountRef, name: String, status: MemberStatus?, balance: Minutes) {
        self.ref = ref
        self.name = name
        self.status = status
        self.balance = balance
    }

    init(summary: MemberSummary) {
        self.init(ref: .member(summary.number), name: summary.name, status: summary.status, balance: summary.balanceMinutes)
    }

    /// Reads one account afresh; nil when there is no such member.
    static func load(_ ref: AccountRef, store: Store) -> AccountChoice? {
        switch ref {
        case .pot:
            guard let b = try? store.balance(.pot) else { return nil }
            return AccountChoice(ref: .pot, name: Store.potName, status: nil, balance: b.balanceMinutes)
        case .opening:
            return nil
        case .member(let n):
            guard let m = try? store.member(n), let b = try? store.balance(ref) else { return nil }
            return AccountChoice(ref: ref, name: m.name, status: m.status, balance: b.balanceMinutes)
        }
    }

    var statusWord: String { status.map(TodayScreen.statusWord) ?? "community pot" }

    /// "Ann Lee · active · balance 4:15": beside the field once picked.
    var details: String { "\(name) · \(statusWord) · balance \(SlipFormat.clock(balance))" }
}

/// A type-ahead member picker: a text field whose text is searched by number or any part of the
/// name, with up to six matches to choose from. An exact member number or `pot` picks at once,
/// so a broker reading a number off a slip never has to look at the list.
struct AccountPicker: Equatable, Sendable {
    enum Outcome: Equatable {
        case ignored, handled, edited
        /// A match was taken from the list (Enter or Tab on the highlighted row).
        case accepted
    }

    static let maxMatches = 6

    var field = TextFieldState(maxLength: 80, placeholder: "number or name")
    /// False where only a member will do (the owner of a listing, a do-not-match entry).
    var allowsPot = true
    private(set) var matches: [AccountChoice] = []
    private(set) var highlighted = 0
    private(set) var chosen: AccountChoice?

    var text: String { field.text }
    var isEmpty: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
    var showsList: Bool { chosen == nil && !matches.isEmpty && !isEmpty }

    mutating func handle(_ key: Key, store: Store, today: CalendarDate) -> Outcome {
        if showsList {
            switch key {
            case .up:
                highlighted = max(0, highlighted - 1)
                return .handled
            case .down:
                highlighted = min(matches.count - 1, highlighted + 1)
                return .handled
            case .enter, .tab:
                pick(matches[highlighted])
                return .accepted
            default: break
            }
        }
        switch field.handle(key) {
        case .edited:
            search(store: store, today: today)
            return .edited
        case .handled: return .handled
        case .ignored: return .ignored
        }
    }

    mutating func pick(_ choice: AccountChoice) {
        chosen = choice
        field.text = choice.ref.description
        field.caret = field.text.count
        matches = []
        highlighted = 0
    }

    /// Esc on the open list: the list goes, what was typed stays.
    mutating func closeList() {
        matches = []
        highlighted = 0
    }

    mutating func clear() {
        field.text = ""
        chosen = nil
        matches = []
        highlighted = 0
    }

    /// Re-reads the picked account so status and balance stay true after anyone's write.
    mutating func refresh(store: Store) {
        guard let current = chosen else { return }
        chosen = AccountChoice.load(current.ref, store: store) ?? current
    }

    /// Finds the matches for the field's text: an exact number (or `pot`) is chosen at once.
    mutating func search(store: Store, today: CalendarDate) {
        chosen = nil
        matches = []
        highlighted = 0
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return }
        if let ref = AccountRef(typed), allowsPot || ref != .pot, let exact = AccountChoice.load(ref, store: store) {
            chosen = exact
            return
        }
        let rows = (try? store.accountMatches(typed, limit: Self.maxMatches, today: today)) ?? []
        matches = rows.map(AccountChoice.init(summary:))
        if allowsPot, typed.count >= 2, "pot".hasPrefix(typed.lowercased()) || "community pot".hasPrefix(typed.lowercased()),
           let pot = AccountChoice.load(.pot, store: store) {
            matches = Array(([pot] + matches).prefix(Self.maxMatches))
        }
    }
}

extension AccountPicker {
    /// The matches in a bordered box (number, name, status, balance), the highlighted one
    /// marked with "›" as well as reverse video, so it reads without colour.
    func renderList(into frame: inout Frame, box: Rect) {
        let inner = frame.box(box, title: "↑↓ choose · Enter/Tab take")
        let columns = inner.splitColumns([.fixed(6), .fill, .fixed(13), .fixed(8)], gap: 1)
        for (index, choice) in matches.prefix(inner.height).enumerated() {
            let line = inner.row + index
            let selected = index == highlighted
            let style: Style = selected ? .selected : .plain
            frame.fill(Rect(row: line, column: inner.column, width: inner.width, height: 1), style: style)
            let cells = [choice.ref.description, choice.name, choice.statusWord, SlipFormat.clock(choice.balance)]
            let alignments: [TextMeasure.Alignment] = [.left, .left, .left, .right]
            for (i, area) in columns.enumerated() {
                frame.put(cells[i], row: line, column: area.column, width: area.width, alignment: alignments[i], style: style)
            }
            if selected { frame.put("›", row: line, column: box.column, style: .bold) }
        }
    }
}
