import TerminalUI
import TimeBank
import TimeBankStore

/// Drawing: a row of modes, then the current mode's form. Nothing relies on colour: the focused
/// field has a reverse-video label and bold input with the terminal cursor in it, and problems
/// start with "!".
extension RecordHoursScreen {
    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        renderModes(into: &frame, at: rect.row(0))
        let body = Self.formArea(in: rect)
        switch mode {
        case .exchange: renderSlip(into: &frame, in: body)
        case .group: renderGroup(into: &frame, in: body)
        case .statement: renderStatement(into: &frame, in: body)
        case .closeMonth: renderClosing(into: &frame, in: body)
        case .find: renderFind(into: &frame, in: body)
        }
        if let dialog { ConfirmDialog.render(dialog.state, into: &frame) }
    }

    private func renderModes(into frame: inout Frame, at rect: Rect) {
        let modes: [(Mode, String)] = [(.exchange, "F5 One exchange"), (.group, "F3 Group activity"), (.statement, "F4 Reverse"),
                                       (.closeMonth, "F6 Close month"), (.find, "F9 Find")]
        var column = rect.column + 1
        for (m, label) in modes {
            let style: Style = m == mode ? Style(bold: true, reverse: true, role: .focus) : .plain
            column += frame.put(m == mode ? "[\(label)]" : " \(label) ", row: rect.row, column: column, maxWidth: rect.maxColumn - column, style: style)
            column += 1
        }
    }

    private func renderSlip(into frame: inout Frame, in rect: Rect) {
        let rows = SlipRows(rect: rect)
        typealias F = ExchangeSlip.Field
        let labels: [F: String] = [.giver: "Giver", .receiver: "Receiver", .duration: "Duration", .date: "Date",
                                   .category: "Category", .description: "Description"]
        func row(_ f: F) -> Int { rect.row + f.rawValue * 2 }
        for f in F.allCases {
            let isFocused = focused && slip.focus == f
            let state: TextFieldState
            switch f {
            case .giver: state = slip.giver.field
            case .receiver: state = slip.receiver.field
            case .duration: state = slip.duration
            case .date: state = slip.date
            case .category: state = slip.category
            case .description: state = slip.description
            }
            rows.text(labels[f]!, state, row: row(f), focused: isFocused, wide: f == .description,
                      note: slip.note(f, facts), problem: slip.shownProblem(f, facts), into: &frame)
        }
        let previewRow = rect.row + 13
        if let g = slip.giver.chosen, let r = slip.receiver.chosen, g.ref != r.ref, case .success(let m) = facts.duration(slip.duration.text) {
            let width = rect.width - 12
            frame.put("Preview", row: previewRow, column: rows.labelColumn + 1, style: .bold)
            frame.put(SlipPreview.line(SlipPreview.exchange(giver: g, receiver: r, minutes: m), width: width),
                      row: previewRow, column: rows.labelColumn + 10, maxWidth: width)
            if let remark = SlipPreview.remark(giver: g, receiver: r, minutes: m, creditLimit: facts.creditLimit) {
                frame.put(remark, row: previewRow + 1, column: rows.labelColumn + 10, maxWidth: width,
                          style: remark.hasPrefix("!") ? .warning : .plain)
            }
        } else {
            frame.put("Preview appears when giver, receiver and duration are filled in.", row: previewRow,
                      column: rows.labelColumn + 1, maxWidth: rect.width - 4, style: .muted)
        }
        if !focused {
            frame.put("Enter or Tab to type a slip · 1–6 other screens · F3 group · F4 reverse",
                      row: rect.row + 15, column: rows.labelColumn + 1, maxWidth: rect.width - 4, style: .bold)
        }
        // This session's slips, most recent first, as many as fit below the preview (F8 undoes the top one).
        let first = rect.row + (focused ? 15 : 16)
        if !session.slips.isEmpty, first < rect.maxRow {
            frame.put(" This session", row: first, column: rows.labelColumn, maxWidth: SlipRows.labelWidth - 1, style: .bold)
            frame.put("F8 undo", row: first + 1, column: rows.labelColumn + 1, maxWidth: SlipRows.labelWidth - 2, style: .muted)
            for (offset, slip) in session.slips.enumerated() {
                let line = first + offset
                guard line < rect.maxRow else { break }
                frame.put(SessionSlips.line(slip), row: line, column: rows.inputColumn, maxWidth: rect.maxColumn - rows.inputColumn - 1,
                          style: slip.undone ? .muted : .plain)
            }
        }
        if focused, slip.focus == .giver { rows.dropdown(slip.giver, below: row(.giver), into: &frame) }
        if focused, slip.focus == .receiver { rows.dropdown(slip.receiver, below: row(.receiver), into: &frame) }
        if focused, slip.focus == .category {
            slip.categoryPicker.renderList(into: &frame, below: row(.category), column: rows.inputColumn - 1, within: rect)
        }
    }

    private func renderGroup(into frame: inout Frame, in rect: Rect) {
        let rows = SlipRows(rect: rect)
        typealias F = GroupSlip.Field
        let kind = group.kind
        func isFocused(_ f: F) -> Bool { focused && group.focus == f }
        rows.label("Kind", row: rect.row, focused: isFocused(.kind), into: &frame)
        frame.put("< \(kind.title) >", row: rect.row, column: rows.inputColumn, maxWidth: rect.maxColumn - rows.inputColumn - 1,
                  style: isFocused(.kind) ? Style(bold: true, reverse: true, role: .focus) : .plain)
        if isFocused(.kind) { frame.cursor = Position(row: rect.row, column: rows.inputColumn) }
        if isFocused(.kind) {
            // Beside the whole choice, never over it.
            let after = rows.inputColumn + "< \(kind.title) >".displayWidth + 2
            frame.put("Space or ←→ to change", row: rect.row, column: after, maxWidth: max(0, rect.maxColumn - after - 1))
        }
        rows.text(kind.leadLabel, group.lead.field, row: rect.row + 2, focused: isFocused(.lead),
                  note: group.lead.chosen?.details, problem: group.shownProblem(.lead, facts), into: &frame)
        rows.text(kind.peopleLabel, group.adder.field, row: rect.row + 4, focused: isFocused(.people),
                  note: group.adder.chosen.map { "Enter adds \($0.name)" } ?? "type one, Enter adds; Backspace removes",
                  problem: group.shownProblem(.people, facts), into: &frame)
        // Every participant can be seen: two lines at 80x24 (an 18-row form), one more for each row
        // a taller window adds (the fields below move down), and the list scrolls with PgUp/PgDn.
        let width = rect.width - rows.inputColumn - 2
        let extra = max(0, min(group.peopleRows(from: 0, width: width).count - 2, rect.height - 18))
        let shown = group.visiblePeople(width: width, height: 2 + extra)
        for (i, line) in shown.rows.enumerated() {
            frame.put(line, row: rect.row + 5 + i, column: rows.inputColumn, maxWidth: rect.maxColumn - rows.inputColumn - 1, style: .muted)
        }
        if group.peopleRows(from: 0, width: width).count > 2 + extra {
            frame.put("PgUp/PgDn", row: rect.row + 5, column: rows.labelColumn + 1, maxWidth: SlipRows.labelWidth - 2, style: .muted)
            frame.put("from \(shown.first + 1)", row: rect.row + 6, column: rows.labelColumn + 1, maxWidth: SlipRows.labelWidth - 2, style: .muted)
        }
        let textRows: [(F, String, TextFieldState, Int)] = [
            (.duration, kind.durationLabel, group.duration, 8 + extra), (.date, "Date", group.date, 9 + extra),
            (.category, "Category", group.category, 10 + extra), (.description, "Description", group.description, 11 + extra),
        ]
        for (f, label, state, offset) in textRows {
            let note: String?
            switch f {
            case .duration: note = { if case .success(let m) = facts.duration(state.text) { return SlipFormat.spelled(m) }; return nil }()
            case .date: note = { if case .success(let d) = facts.date(state.text) { return SlipFormat.weekdayDate(d, today: facts.today) }; return nil }()
            case .category:
                note = group.categoryPicker.showsList ? group.categoryPicker.listHint
                    : { if case .success(let c?) = facts.category(state.text) { return c.details }; return nil }()
            default: note = nil
            }
            rows.text(label, state, row: rect.row + offset, focused: isFocused(f), wide: f == .description,
                      note: note, problem: group.shownProblem(f, facts), into: &frame)
        }
        if let preview = group.preview(facts) {
            frame.put("Preview", row: rect.row + 13 + extra, column: rows.labelColumn + 1, style: .bold)
            frame.put(preview.summary, row: rect.row + 13 + extra, column: rows.labelColumn + 10, maxWidth: rect.width - 12)
            // The lead and the first participant; the others move by the same amount.
            let more = preview.sides.count > 2
            let line = SlipPreview.line(Array(preview.sides.prefix(2)), width: rect.width - 12 - (more ? 4 : 0)) + (more ? " · …" : "")
            frame.put(line, row: rect.row + 14 + extra, column: rows.labelColumn + 10, maxWidth: rect.width - 12)
        } else {
            frame.put("Preview appears when the \(kind.leadLabel.lowercased()), the \(kind.peopleLabel.lowercased()) and the time are filled in.",
                      row: rect.row + 13 + extra, column: rows.labelColumn + 1, maxWidth: rect.width - 4, style: .muted)
        }
        if isFocused(.lead) { rows.dropdown(group.lead, below: rect.row + 2, into: &frame) }
        if isFocused(.people) { rows.dropdown(group.adder, below: rect.row + 4, into: &frame) }
        if isFocused(.category) {
            group.categoryPicker.renderList(into: &frame, below: rect.row + 10 + extra, column: rows.inputColumn - 1, within: rect)
        }
    }

    private func renderStatement(into frame: inout Frame, in rect: Rect) {
        let rows = SlipRows(rect: rect)
        let panel = statementPanel
        rows.text("Statement of", panel.account.field, row: rect.row, focused: focused && panel.focus == .account,
                  note: panel.account.chosen?.details, problem: nil, into: &frame)
        let table = Self.statementTableRect(in: rect)
        if panel.statement != nil {
            frame.put("\(panel.periodName) (< > month, a all) · ↑↓ Enter: reason · F7 to a file",
                      row: rect.row + 1, column: rows.labelColumn + 1, maxWidth: rect.width - 4, style: .muted)
            TableView.render(panel.table, columns: StatementPanel.columns, emptyMessage: "No entries yet.", into: &frame, at: table,
                             focused: focused && panel.focus == .lines, row: panel.row)
        } else {
            frame.put("Type a member number, part of a name, or pot; Enter shows the statement.", row: table.row,
                      column: table.column + 1, maxWidth: table.width - 2, style: .muted)
        }
        let reasonRow = table.maxRow + 1
        if let name = panel.fileName {
            rows.text("File name", name, row: reasonRow, focused: focused, wide: true, into: &frame)
            frame.put("Enter writes it in \(statementFolder) · Esc cancels", row: reasonRow + 1, column: rows.inputColumn,
                      maxWidth: rect.maxColumn - rows.inputColumn - 1, style: .muted)
            return
        }
        rows.text("Reason", panel.reason, row: reasonRow, focused: focused && panel.focus == .reason, wide: true, into: &frame)
        if let line = panel.selectedLine {
            let e = line.exchange
            var about = "Entry \(panel.short(e.id)) · \(e.date.british) · \(MinutesFormat.clock(e.minutes)) with \(line.partnerName)"
            if let why = panel.refusal(for: line) { about += " · " + why }
            frame.put(about, row: reasonRow + 1, column: rows.inputColumn, maxWidth: rect.maxColumn - rows.inputColumn - 1, style: .muted)
        }
        if focused, panel.focus == .account { rows.dropdown(panel.account, below: rect.row, into: &frame) }
    }

    private func renderClosing(into frame: inout Frame, in rect: Rect) {
        let rows = SlipRows(rect: rect)
        let closed = facts.closedMonths
        frame.put("Closed months: " + (closed.isEmpty ? "none" : closed.map(SlipFormat.monthName).joined(separator: ", ")),
                  row: rect.row, column: rows.labelColumn + 1, maxWidth: rect.width - 4)
        let open = OpenMonths.describe(closed: closed)
        frame.put(open.prefix(1).uppercased() + open.dropFirst() + ".", row: rect.row + 1, column: rows.labelColumn + 1, maxWidth: rect.width - 4)
        var note: String?
        var problem: String?
        switch closing.target(today: facts.today, closed: closed) {
        case .success(let month): note = SlipFormat.monthName(month)
        case .failure(let why): if !closing.month.text.isEmpty { problem = why.text }
        }
        rows.text("Month to close", closing.month, row: rect.row + 3, focused: focused, note: note, problem: problem, into: &frame)
        let explain = "Closing a month freezes the figures sent to funders: no entry or reversal dated in it can be added "
            + "afterwards (a late correction is dated in an open month). Only admins can close a month. Ctrl-S or Enter asks first."
        for (i, line) in TextWrap.wrap(explain, width: rect.width - 4).enumerated() {
            frame.put(line, row: rect.row + 6 + i, column: rows.labelColumn + 1, maxWidth: rect.width - 4, style: .muted)
        }
    }
}
