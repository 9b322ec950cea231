import TerminalUI
import TimeBank
import TimeBankStore

/// Draws a member card: who it is, the tabs, the open tab's lines, and the note being written.
enum MemberCardView {
    static let noteHeight = 6

    struct Areas {
        var title: Rect
        var tabs: Rect
        var body: Rect
        var note: Rect?
    }

    static func areas(in rect: Rect, writingNote: Bool) -> Areas {
        let parts = rect.splitRows([.fixed(1), .fixed(1), .fill, .fixed(writingNote ? noteHeight + 1 : 0)])
        return Areas(title: parts[0], tabs: parts[1], body: parts[2].inset(left: 1, right: 1),
                     note: writingNote ? parts[3].inset(left: 1, right: 1) : nil)
    }

    static func render(_ card: MemberCardState, into frame: inout Frame, in rect: Rect, today: CalendarDate, broker: String) {
        let areas = areas(in: rect, writingNote: card.noteDraft != nil)
        guard let data = card.data else {
            frame.put(card.problem ?? "Reading…", row: rect.row, column: rect.column + 1, maxWidth: rect.width - 2, style: .error)
            return
        }
        renderTitle(data, today: today, into: &frame, at: areas.title)
        TabsBar.render(card.tabs, into: &frame, at: areas.tabs.inset(left: 1), focused: card.noteDraft == nil)
        let lines = MemberCardContent.lines(card.tab, data, width: areas.body.width, today: today)
        let top = min(card.scroll[card.tab] ?? 0, max(0, lines.count - areas.body.height))
        for (offset, line) in lines.dropFirst(top).prefix(areas.body.height).enumerated() {
            let row = areas.body.row + offset
            var column = areas.body.column
            if let label = line.label {
                frame.put(label, row: row, column: column, maxWidth: MemberCardContent.labelWidth - 1, style: .bold)
                column += MemberCardContent.labelWidth
            }
            frame.put(line.text, row: row, column: column, maxWidth: areas.body.maxColumn - column, style: line.style)
        }
        if lines.count > areas.body.height, areas.body.height > 0 {
            let more = "lines \(top + 1)–\(min(lines.count, top + areas.body.height)) of \(lines.count) ↑↓"
            frame.put(more, row: areas.tabs.row, column: areas.tabs.maxColumn - more.displayWidth - 1, style: .muted)
        }
        if let draft = card.noteDraft, let note = areas.note {
            frame.horizontalLine(row: note.row, column: note.column, width: note.width)
            frame.put(" New note, signed \(broker) — Ctrl-S saves, Esc cancels ",
                      row: note.row, column: note.column + 2, maxWidth: note.width - 4, style: .bold)
            NoteFieldView.render(draft, into: &frame, at: note.inset(top: 1), focused: true)
        }
    }

    /// "1042 Zoë 王 O'Brien (Zoë) · active · balance +2:00 · vetting complete".
    static func renderTitle(_ data: MemberCardData, today: CalendarDate, into frame: inout Frame, at rect: Rect) {
        let m = data.member
        let name = m.preferredName.isEmpty || m.preferredName == m.name ? m.name : "\(m.name) (\(m.preferredName))"
        let balance = data.balance.map { MinutesFormat.signedClock($0.balanceMinutes) } ?? "?"
        let facts = " · \(m.kind == .organisation ? "organisation · " : "")\(MemberListView.statusWord(m.status)) · balance \(balance) · vetting \(data.vetting.state(today: today).rawValue)"
        let title = "\(m.number) \(name)"
        // The name gets what it needs, but never less than half the line, so a long one still shows.
        let titleWidth = min(title.displayWidth, max(rect.width / 2, rect.width - facts.displayWidth - 2))
        let used = frame.put(title, row: rect.row, column: rect.column + 1, maxWidth: titleWidth, style: .header)
        frame.put(facts, row: rect.row, column: rect.column + 1 + used, maxWidth: rect.width - used - 2)
    }
}
