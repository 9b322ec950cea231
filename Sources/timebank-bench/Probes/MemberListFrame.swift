import TerminalUI
import TimeBank
import TimeBankStore

/// A stand-in for the Members screen's frame (title, search line, table of the visible rows,
/// status line), drawn with the toolkit's own table, until the real screen can be measured.
enum MemberListFrame {
    static let size = Size(width: 80, height: 24)
    static let columns = [
        TableColumn("No.", width: .fixed(6), alignment: .right),
        TableColumn("Name"),
        TableColumn("Area", width: .fixed(16)),
        TableColumn("Balance", width: .fixed(8), alignment: .right),
    ]

    /// Rows the list shows on an 80x24 terminal: everything but title, search, header and status.
    static let visibleRows = size.height - 4

    static func render(_ state: TableState, rows: [MemberSummary], firstRow: Int = 0, total: Int) -> Frame {
        var frame = Frame(size: size)
        frame.put("Members · \(total) found", row: 0, column: 1, maxWidth: size.width - 2, style: .header)
        let body = Rect(row: 1, column: 0, width: size.width, height: size.height - 2)
        TableView.render(state, columns: columns, emptyMessage: "No member matches.", into: &frame, at: body, focused: true) { index in
            let offset = index - firstRow
            guard rows.indices.contains(offset) else { return nil }
            let m = rows[offset]
            return TableRow([String(m.number), m.name, m.area, MinutesFormat.clock(m.balanceMinutes)])
        }
        frame.put("/ search  ↑↓ move  Enter open  Esc back", row: size.height - 1, column: 1, maxWidth: size.width - 2, style: .muted)
        return frame
    }
}
