import TerminalUI
import TimeBank
import TimeBankStore

/// Draws the members list: the filter line, then the table with its search line.
enum MemberListView {
    static let columns = [
        TableColumn("No.", width: .fixed(6), alignment: .right),
        TableColumn("Name", width: .fill),
        TableColumn("Area", width: .fixed(13)),
        TableColumn("Status", width: .fixed(7)),
        TableColumn("Balance", width: .fixed(7), alignment: .right),
        TableColumn("Vetting", width: .fixed(8)),
        TableColumn("Needs", width: .fixed(5), alignment: .right),
    ]

    /// From this width on the list also shows how to reach each member and how recently they
    /// took part: phone, joined, last exchange and email.
    static let wideWidth = 120

    static let wideColumns = [
        TableColumn("No.", width: .fixed(6), alignment: .right),
        TableColumn("Name", width: .minimum(24)),
        TableColumn("Area", width: .fixed(13)),
        TableColumn("Status", width: .fixed(7)),
        TableColumn("Balance", width: .fixed(7), alignment: .right),
        TableColumn("Vetting", width: .fixed(8)),
        TableColumn("Needs", width: .fixed(5), alignment: .right),
        TableColumn("Phone", width: .fixed(13)),
        TableColumn("Joined", width: .fixed(10)),
        TableColumn("Last exch.", width: .fixed(10)),
        TableColumn("Email", width: .minimum(18)),
    ]

    static func columns(width: Int) -> [TableColumn] { width >= wideWidth ? wideColumns : columns }

    /// The table's part of the screen's rect: everything under the filter line, a column in from
    /// each side as on the other lists. The margins also keep a one-row move cheap on the wire:
    /// the highlight never reaches the screen's last column, whose write leaves the terminal's
    /// cursor in limbo (ncurses then pays for an absolute move), and two cells fewer change per row.
    static func tableRect(in rect: Rect) -> Rect { rect.inset(top: 1, left: 1, right: 1) }

    static func render(_ list: MemberListState, into frame: inout Frame, in rect: Rect, today: CalendarDate) {
        renderFilterLine(list.query, total: list.total, exact: list.totalIsExact, into: &frame, at: rect.row(0))
        if let problem = list.problem {
            frame.put(problem, row: rect.row + 1, column: rect.column, maxWidth: rect.width, style: .error)
            return
        }
        let empty = list.query.search.isEmpty && !list.query.hasFilters
            ? "No members yet: press + to add the first."
            : "No member matches; Esc clears the search, F4 the filters."
        let wide = rect.width >= wideWidth
        TableView.render(list.table, columns: columns(width: rect.width), emptyMessage: empty, into: &frame, at: tableRect(in: rect),
                         focused: true) { index in
            list.window.row(at: index).map { row($0, today: today, wide: wide) }
        }
    }

    /// "F5 status:ACTIVE  F6 area  ...": the keys and where each filter stands; narrowing
    /// ones are bold and upper-case so they show without colour.
    static func renderFilterLine(_ query: MemberQuery, total: Int, exact: Bool = true, into frame: inout Frame, at rect: Rect) {
        var column = rect.column
        for part in query.filterParts {
            guard column < rect.maxColumn else { break }
            column += frame.put(part.key, row: rect.row, column: column, maxWidth: rect.maxColumn - column, style: StatusLine.keyStyle)
            let value = part.value.isEmpty ? "" : ":" + (part.active ? part.value.uppercased() : part.value)
            column += frame.put(" \(part.label)\(value)", row: rect.row, column: column, maxWidth: rect.maxColumn - column,
                                style: part.active ? .bold : .plain)
            column += 2
        }
        let count = CountText.count(total, "member", "members", atLeast: !exact)
        if column - 1 + count.displayWidth < rect.maxColumn {
            frame.put(count, row: rect.row, column: rect.maxColumn - count.displayWidth, style: .muted)
        }
    }

    static func row(_ m: MemberSummary, today: CalendarDate, wide: Bool = false) -> TableRow {
        let vetting = vettingWord(m, today: today)
        let name = m.preferredName.isEmpty || m.preferredName == m.name ? m.name : "\(m.name) (\(m.preferredName))"
        let style: Style = vetting == "expired" || vetting == "due" ? .warning : .plain
        var cells = [
            String(m.number), (m.kind == .organisation ? "◆ " : "") + name, m.area, statusWord(m.status),
            MinutesFormat.clock(m.balanceMinutes), vetting, m.openNeeds == 0 ? "" : String(m.openNeeds),
        ]
        if wide { cells += [m.phone, m.joined.iso, m.lastExchange?.iso ?? "never", m.email] }
        return TableRow(cells, style: style)
    }

    /// "due" when the review falls within 30 days: the same window as Today's count.
    static func vettingWord(_ m: MemberSummary, today: CalendarDate) -> String {
        if m.vetting == .complete, let review = m.vettingReview, review <= today.adding(days: 30) { return "due" }
        return m.vetting.rawValue
    }

    static func statusWord(_ s: MemberStatus) -> String {
        s == .onHold ? "on hold" : s.rawValue
    }
}
