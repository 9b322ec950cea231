import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// An account's statement, to pick a wrong entry and reverse it with a reason, or to print.
struct StatementPanel: Equatable, Sendable {
    enum Focus: Sendable { case account, lines, reason }

    var account = AccountPicker()
    private(set) var statement: TimeBankStore.Statement?
    var table = TableState(showsHeader: true)
    var reason = TextFieldState(maxLength: 400, placeholder: "why the entry is wrong")
    var focus: Focus = .account
    /// While F7 asks where to write the statement: the file name, a default offered.
    var fileName: TextFieldState?
    /// The month shown (its first day), or nil for every entry; < and > step it, a shows all.
    var month: CalendarDate?

    /// The period's first and last days, as the store and the paper take them.
    var period: (from: CalendarDate?, to: CalendarDate?) {
        guard let month else { return (nil, nil) }
        let last = CalendarDate(year: month.year, month: month.month, day: CalendarDate.daysIn(month: month.month, year: month.year))
        return (month, last)
    }

    /// "November 2026", or "all entries".
    var periodName: String { month.map { SlipFormat.monthName($0.monthKey) } ?? "all entries" }

    /// `<`/`>` a month back or on (from all entries, to this month), `a` all entries.
    mutating func stepPeriod(_ key: Key, today: CalendarDate) -> Bool {
        switch key {
        case .char("<"), .char(","):
            month = (month ?? today.startOfMonth).startOfPreviousMonth
        case .char(">"), .char("."):
            guard let current = month else { month = today.startOfMonth; return true }
            let next = current.adding(days: 31).startOfMonth
            month = next > today.startOfMonth ? today.startOfMonth : next
        case .char("a"): month = nil
        default: return false
        }
        return true
    }
    /// Kept until the reversal is saved, so saving twice reverses once.
    private(set) var reversalID: UUID?

    var selectedLine: StatementLine? {
        guard let lines = statement?.lines, lines.indices.contains(table.selectedIndex) else { return nil }
        return lines[table.selectedIndex]
    }

    mutating func load(store: Store) {
        guard let ref = account.chosen?.ref, let fresh = try? store.statement(for: ref, from: period.from, to: period.to) else {
            statement = nil
            table.setRowCount(0)
            return
        }
        let wasEmpty = statement?.account != ref || statement?.from != fresh.from
        statement = fresh
        table.setRowCount(fresh.lines.count)
        // The latest entries are the likeliest to be wrong: start at the bottom.
        if wasEmpty { table.select(fresh.lines.count - 1) }
        account.refresh(store: store)
    }

    mutating func newReversalID() -> UUID {
        if reversalID == nil { reversalID = UUID() }
        return reversalID!
    }

    mutating func reversed() {
        reversalID = nil
        reason.text = ""
    }

    /// Why the selected line cannot be reversed, before asking the store.
    func refusal(for line: StatementLine) -> String? {
        if let by = line.reversedBy { return "This entry was already reversed by \(short(by)); it cannot be reversed again." }
        if line.exchange.reverses != nil { return "This entry is itself a reversal and cannot be reversed." }
        return nil
    }

    static let columns = [
        TableColumn("Date", width: .fixed(10)), TableColumn("With", width: .fixed(12)), TableColumn("What", width: .fill),
        TableColumn("Amount", width: .fixed(7), alignment: .right), TableColumn("Balance", width: .fixed(7), alignment: .right),
        TableColumn("Link", width: .fixed(20)),
    ]

    func row(_ index: Int) -> TableRow? {
        guard let lines = statement?.lines, lines.indices.contains(index) else { return nil }
        let line = lines[index]
        let e = line.exchange
        var link = ""
        if let by = line.reversedBy { link = "reversed by \(short(by))" }
        if let original = e.reverses { link = "reverses \(short(original))" }
        let what = e.description.isEmpty ? line.categoryName : e.description
        return TableRow([e.date.british, line.partnerName, what, SlipFormat.signed(line.signedMinutes),
                         SlipFormat.clock(line.balanceAfter), link])
    }

    func short(_ id: UUID) -> String { String(id.uuidString.lowercased().prefix(8)) }
}
