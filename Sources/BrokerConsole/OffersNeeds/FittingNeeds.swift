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

    static let columns = [
        TableColumn("No", width: .fixed(6), alignment: .right),
        TableColumn("Need", width: .fill),
        TableColumn("Member", width: .fixed(20)),
        TableColumn("Score", width: .fixed(5), alignment: .right),
    ]

    static func load(_ offer: ListingRow, _ context: ConsoleContext) throws -> FittingNeeds {
        let found = try context.store.needsFitting(offer: offer.id, limit: 50, today: context.today())
        let fits = found.map { item in
            Fit(need: item.need, memberName: ((try? context.store.member(item.need.member)) ?? nil)?.name ?? "member \(item.need.member)",
                result: item.result)
        }
        var table = TableState(rowCount: fits.count)
        table.setRowCount(fits.count)
        return FittingNeeds(offer: offer, fits: fits, table: table)
    }

    var current: Fit? { fits.indices.contains(table.selectedIndex) ? fits[table.selectedIndex] : nil }

    func render(into frame: inout Frame, in rect: Rect) {
        frame.put("Open needs that \(offer.memberName)'s offer “\(offer.title)” could meet (\(fits.count))", row: rect.row,
                  column: rect.column, maxWidth: rect.width, style: .bold)
        frame.put("Enter: ranked helpers for the need · p proposes \(offer.memberName) · Esc back", row: rect.row + 1,
                  column: rect.column, maxWidth: rect.width, style: .muted)
        let reasonsRows = 3
        let tableRect = Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2 - reasonsRows)
        TableView.render(table, columns: Self.columns, emptyMessage: "No open need in this offer's group fits it.", into: &frame,
                         at: tableRect, focused: true) { index in
            guard fits.indices.contains(index) else { return nil }
            let f = fits[index]
            return TableRow([String(f.need.id), f.need.title, MemberLabel.nameAndNumber(f.memberName, f.need.member, width: 20), String(f.result.score)])
        }
        guard let f = current else { return }
        let reasons = TextWrap.wrap("Why: " + f.result.reasons.joined(separator: " · "), width: rect.width)
        for (i, line) in reasons.prefix(reasonsRows).enumerated() {
            frame.put(line, row: tableRect.maxRow + i, column: rect.column, maxWidth: rect.width)
        }
    }
}
