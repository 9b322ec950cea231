import TerminalUI
import TimeBank
import TimeBankStore

/// Drawing: a tab row with the filters in words, then the list, a form, or an offer's
/// fitting needs. Focus is reverse video and carries the cursor.
extension OffersNeedsScreen {
    static func listingColumns(_ kind: ListingRow.Kind, memberWidth: Int = 20) -> [TableColumn] {
        var columns = [
            TableColumn("No", width: .fixed(6), alignment: .right),
            TableColumn("Title · category", width: .fill),
            TableColumn("Member", width: .fixed(memberWidth)),
            TableColumn("Area", width: .fixed(11)),
            TableColumn("Status", width: .fixed(7)),
        ]
        if kind == .need { columns.insert(TableColumn("Vetted", width: .fixed(6)), at: 4) }
        return columns
    }

    static let categoryColumns = [
        TableColumn("Group", width: .fixed(22)),
        TableColumn("Service", width: .fill),
        TableColumn("Code", width: .fixed(18)),
        TableColumn("Use", width: .fixed(7)),
    ]

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let inner = rect.inset(left: 1, right: 1)
        let body = Self.contentRect(in: rect)
        TabsBar.render(TabsState(titles: Tab.allCases.map(\.title), selectedIndex: tab.rawValue), into: &frame, at: inner.row(0))
        var filters: [String] = []
        if let n = memberFilter { filters.append("member \(n) \(memberName)") }
        if let c = categoryFilter { filters.append(c.fullName) }
        if tab.kind != nil { filters.append(openOnly ? "open only" : "all statuses") }
        if tab.kind != nil {
            // The count first: a long category name may be cut, the number never.
            frame.put((["\(CountText.grouped(total)) listed"] + filters).joined(separator: " · "), row: inner.row, column: inner.column + 32,
                      maxWidth: inner.width - 32, style: .muted)
        }
        if let problem {
            frame.put(problem, row: body.row, column: body.column, maxWidth: body.width, style: .error)
            return
        }
        if let editor {
            renderEditor(editor, into: &frame, in: rect, context)
        } else if let fitting {
            fitting.render(into: &frame, in: body)
        } else if tab == .categories {
            frame.put("Enter: a category's offers · type to search · Ctrl-E edits · + adds (admins)", row: body.row, column: body.column,
                      maxWidth: body.width, style: .muted)
            TableView.render(table, columns: Self.categoryColumns, emptyMessage: "No category matches.", into: &frame,
                             at: listRect(in: rect), focused: true) { index in
                guard shownCategories.indices.contains(index) else { return nil }
                let c = shownCategories[index]
                let use = !c.active ? "retired" : c.suggestsVetting ? "vetted" : ""
                return TableRow([c.group, c.name, c.code, use], style: c.active ? .plain : .muted)
            }
        } else {
            let kind = tab.kind ?? .offer
            let shown = table.visibleRange(in: body).filter { rows.indices.contains($0) }.map { (name: rows[$0].memberName, number: rows[$0].member) }
            let memberWidth = MemberLabel.columnWidth(shown, narrow: 20, tableWidth: body.width)
            TableView.render(table, columns: Self.listingColumns(kind, memberWidth: memberWidth),
                             emptyMessage: "Nothing here: + adds one, Ctrl-O shows closed ones, Ctrl-U clears filters.",
                             into: &frame, at: body, focused: true) { index in
                guard rows.indices.contains(index) else { return nil }
                let r = rows[index]
                var cells = [String(r.id), "\(r.title) · \(r.category.name)", MemberLabel.nameAndNumber(r.memberName, r.member, width: memberWidth), r.area, r.status.rawValue]
                if kind == .need { cells.insert(r.needsVettedHelper ? "yes" : "", at: 4) }
                return TableRow(cells)
            }
        }
        if let confirm { ConfirmDialog.render(confirm.dialog, into: &frame) }
    }

    private func renderEditor(_ editor: Editor, into frame: inout Frame, in body: Rect, _ context: ConsoleContext) {
        let rect = Self.contentRect(in: body)
        let title: String
        let form: FormState
        var readings: [String] = []
        switch editor {
        case .listing(let f):
            title = f.title
            form = f.form
            readings = f.readings(categories: categories, store: context.store)
        case .category(let f):
            title = f.title
            form = f.form
        }
        frame.put(title, row: rect.row, column: rect.column, maxWidth: rect.width, style: .bold)
        let formRect = Self.formRect(in: body)
        let cursor = frame.cursor
        FormView.render(form, into: &frame, at: formRect, focused: true)
        let held = frame.cursor ?? cursor
        var line = formRect.maxRow
        for text in readings where line < rect.maxRow - 1 {
            frame.put(text, row: line, column: rect.column, maxWidth: rect.width, style: text.hasPrefix("!") ? .error : .plain)
            line += 1
        }
        frame.put("Tab next field · Space ticks a box · Ctrl-S or F2 saves · Esc goes back (asks first)", row: rect.maxRow - 1,
                  column: rect.column, maxWidth: rect.width, style: .muted)
        frame.cursor = held
        if case .listing(let f) = editor, f.form.focusedField?.id == "category",
           let index = f.form.fields.firstIndex(where: { $0.id == "category" }) {
            // The form has no headings and fits one page, so a field's row is its index.
            f.categoryPicker.renderList(into: &frame, below: formRect.row + index, column: formRect.column + 2, within: rect)
        }
        if case .listing(let f) = editor { f.memberPicker.renderList(into: &frame, form: f.form, formRect: formRect, within: rect) }
    }
}
