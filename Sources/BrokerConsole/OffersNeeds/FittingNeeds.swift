import TerminalUI
import TimeBank
import TimeBankStore

/// The reverse of matching: for one offer, the open needs it could meet, scored for the
/// offering member exactly as the Match screen would score them for each need.
struct FittingNeeds: Equatable, Sendable {
    struct Fit: Equatable, Sendable {
        var need: Need
        var memberName: String
        var result: MatchResult
    }

    var offer: ListingRow
    var fits: [Fit]
    var table: TableState

    static func columns(memberWidth: Int) -> [TableColumn] {
        [
            TableColumn("No", width: .fixed(6), alignment: .right),
            TableColumn("Need", width: .fill),
            TableColumn("Member", width: .fixed(memberWidth)),
            TableColumn("Score", width: .fixed(5), alignment: .right),
        ]
    }

    static func load(_ offer: ListingRow, _ context: ConsoleContext) throws -> FittingNeeds {
        let found = try context.store.needsFitting(offer: offer.id, limit: 50, today: context.today())
        let fits = found.map { item in
            Fit(need: item.need, memberName: ((try? context.store.member(item.need.member)) ?? nil)?.name ?? "member \(item.need.member)",
                result: item.result)
        }
        var table = TableState(rowCount: fits.count)
        table.isSearchable = false
        table.setRowCount(fits.count)
        return FittingNeeds(offer: offer, fits: fits, table: table)
    }

    var current: Fit? { fits.indices.contains(table.selectedIndex) ? fits[table.selectedIndex] : nil }

    static let reasonsRows = 3

    /// The needs table: under the title and help lines, above the selected need's reasons.
    static func tableRect(in rect: Rect) -> Rect { rect.inset(top: 2, bottom: reasonsRows) }

    func render(into frame: inout Frame, in rect: Rect) {
        frame.put("Open needs that \(offer.memberName)'s offer “\(offer.title)” could meet (\(fits.count))", row: rect.row,
                  column: rect.column, maxWidth: rect.width, style: .bold)
        frame.put("Enter: ranked helpers for the need · Ctrl-P proposes \(offer.memberName) · Esc back", row: rect.row + 1,
                  column: rect.column, maxWidth: rect.width, style: .muted)
        let reasonsRows = Self.reasonsRows
        let tableRect = Self.tableRect(in: rect)
        let shown = table.visibleRange(in: tableRect).filter { fits.indices.contains($0) }.map { (name: fits[$0].memberName, number: fits[$0].need.member) }
        let memberWidth = MemberLabel.columnWidth(shown, narrow: 20, tableWidth: tableRect.width)
        TableView.render(table, columns: Self.columns(memberWidth: memberWidth), emptyMessage: "No open need in this offer's group fits it.", into: &frame,
                         at: tableRect, focused: true) { index in
            guard fits.indices.contains(index) else { return nil }
            let f = fits[index]
            return TableRow([String(f.need.id), f.need.title, MemberLabel.nameAndNumber(f.memberName, f.need.member, width: memberWidth), String(f.result.score)])
        }
        guard let f = current else { return }
        let reasons = TextWrap.wrap("Why: " + f.result.reasons.joined(separator: " · "), width: rect.width)
        for (i, line) in reasons.prefix(reasonsRows).enumerated() {
            frame.put(line, row: tableRect.maxRow + i, column: rect.column, maxWidth: rect.width)
        }
    }
}
