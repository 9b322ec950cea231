import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The first screen of the day: this month's and last month's figures, then what needs attention
/// as five lists (follow-ups, unmatched needs, vetting reviews, inactive members, members due
/// for erasure), each row
/// opening where the work is done.
struct TodayScreen: ConsoleScreen {
    static let openAction: ActionID = "today-open"
    static let nextList: ActionID = "today-next-list"
    static let previousList: ActionID = "today-previous-list"

    let id = ScreenID.today
    private(set) var figures: TodayFigures?
    private(set) var lists: TodayLists?
    /// The lists are read after the figures are drawn: at 100,000 members counting them takes
    /// 100–200 ms, which a broker should not wait for to see the console.
    private(set) var listsPending = false
    private(set) var followUpDays = 7
    private(set) var problem: String?
    var shown: TodayList = .followUps
    var tables: [TodayList: TableState] = Dictionary(uniqueKeysWithValues: TodayList.allCases.map { ($0, TableState()) })
    var panel: ReferralPanel?
    var today = CalendarDate.today()

    var scope: KeyScope {
        panel != nil ? KeyScope("today.referral", title: "Today: a referral") : KeyScope("today.lists", title: "Today")
    }

    var bindings: [KeyBinding] {
        let scope = scope
        if panel != nil { return ReferralPanelKeys.bindings(scope: scope) }
        return [
            KeyBinding(action: Self.openAction, keys: [.enter], help: "Open the selected row where its work is done", scope: scope, hint: "Open", priority: 1),
            KeyBinding(action: Self.nextList, keys: [.tab, .right], help: "Next list", scope: scope, hint: "Next list", priority: 2),
            KeyBinding(action: Self.previousList, keys: [.backTab, .left], help: "Previous list", scope: scope),
            .widget("search", [.char("/")], "Lists here are short: search on Members (2) or Match (4)", scope: scope),
        ] + WidgetKeys.list(scope: scope).filter { !$0.keys.contains(.enter) }
    }

    var capturesText: Bool { panel != nil }

    var hasUnsavedInput: Bool { !(panel?.note.text.isEmpty ?? true) }

    mutating func reload(_ context: ConsoleContext, in body: Rect) {
        today = context.today()
        do {
            figures = try context.store.todayFigures(today: today)
            followUpDays = try context.store.settings().followUpDays
            if let open = panel {
                panel = ReferralPanel.load(open.row.id, store: context.store).map { open.refreshed(from: $0) }
            }
            problem = nil
        } catch {
            problem = "The figures could not be read: \(error)"
        }
        listsPending = true
        if !context.defersSlowWork { doDeferredWork(context) }
    }

    var hasDeferredWork: Bool { listsPending }

    mutating func doDeferredWork(_ context: ConsoleContext) {
        guard listsPending else { return }
        listsPending = false
        do {
            let fresh = try context.store.todayLists(today: today)
            lists = fresh
            for list in TodayList.allCases { tables[list]?.setRowCount(list.rowCount(in: fresh)) }
        } catch {
            problem = "The lists could not be read: \(error)"
        }
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        // A key typed before the lists arrived acts on the lists as they are now.
        doDeferredWork(context)
        if var current = panel {
            switch current.handle(key) {
            case .ignored: return .ignored
            case .handled: panel = current
            case .close: panel = nil
            case .move(let step):
                panel = nil
                let response = ReferralMove.apply(step, to: current.row, context)
                reload(context, in: body)
                return response
            }
            return .handled
        }
        if key == .char("/") { return .message(.info("These lists are short; search members on 2 and needs on 4.")) }
        guard var table = tables[shown] else { return .ignored }
        let outcome = table.handle(key, in: Self.listsRect(in: body).inset(top: 1))
        tables[shown] = table
        if case .activated = outcome { return open(context) }
        return outcome == .ignored ? .ignored : .handled
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        doDeferredWork(context)
        guard panel == nil else { return .handled }
        let all = TodayList.allCases
        switch action {
        case Self.openAction: return open(context)
        case Self.nextList: shown = all[(shown.rawValue + 1) % all.count]
        case Self.previousList: shown = all[(shown.rawValue + all.count - 1) % all.count]
        default: return .ignored
        }
        return .handled
    }

    mutating func open(_ context: ConsoleContext) -> ScreenResponse {
        guard let lists, let index = tables[shown]?.selectedIndex, shown.rowCount(in: lists) > 0 else { return .handled }
        if let response = shown.destination(index, in: lists) { return response }
        panel = ReferralPanel.load(lists.followUps[index].id, store: context.store)
        return .handled
    }

    /// Rows above the lists: the two months (4 rows), five figure lines and a blank line.
    static let figureRows = 10

    /// The lists' part of the body (their tab row, then the table): all the height the figures leave.
    static func listsRect(in body: Rect) -> Rect {
        Rect(row: body.row + figureRows, column: body.column + 1, width: body.width - 2, height: body.height - figureRows)
    }

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let left = rect.column + 2
        if let problem {
            frame.put(problem, row: rect.row + 1, column: left, maxWidth: rect.width - 4, style: .error)
            return
        }
        guard let f = figures else { return }
        var row = rect.row
        let half = (rect.width - 4) / 2
        func month(_ m: MonthFigures, title: String, column: Int) {
            frame.put("\(title) (\(Self.monthName(m.month)))", row: row, column: column, maxWidth: half - 1, style: .bold)
            frame.put("\(CountText.count(m.exchanges, "exchange", "exchanges")) · \(MinutesFormat.clock(m.minutes)) hours",
                      row: row + 1, column: column + 2, maxWidth: half - 3)
            frame.put("pot grants and donations \(MinutesFormat.clock(m.potMinutes))", row: row + 2, column: column + 2, maxWidth: half - 3, style: .muted)
        }
        month(f.thisMonth, title: "This month", column: left)
        month(f.lastMonth, title: "Last month", column: left + half)
        row += 4
        let order: [MemberStatus] = [.active, .pending, .onHold, .left]
        let status = order.map { "\(CountText.grouped(f.membersByStatus[$0] ?? 0)) \(Self.statusWord($0))" }.joined(separator: " · ")
        let lines: [(String, String, Style)] = [
            ("Members", "\(status) (\(CountText.grouped(f.totalMembers)))", .plain),
            ("Community pot balance", MinutesFormat.clock(f.potBalanceMinutes), .plain),
            ("Open needs", CountText.grouped(f.openNeeds), .plain),
            ("Referrals to follow up", "\(CountText.grouped(f.followUpsDue)) not moved for \(followUpDays) days or more", f.followUpsDue > 0 ? .warning : .plain),
            ("Vetting reviews", "\(CountText.grouped(f.vettingDueSoon)) due within 30 days · \(CountText.grouped(f.vettingExpired)) past their date",
             f.vettingExpired > 0 ? .warning : .plain),
        ]
        let labelWidth = 24
        for (label, value, style) in lines where row < rect.maxRow {
            frame.put(label, row: row, column: left, maxWidth: labelWidth, style: .bold)
            frame.put(value, row: row, column: left + labelWidth, maxWidth: rect.maxColumn - left - labelWidth - 1, style: style)
            row += 1
        }
        renderLists(into: &frame, in: Self.listsRect(in: rect), now: context.now())
        if let panel { panel.render(into: &frame, in: rect.inset(left: 1, right: 1)) }
    }

    private func renderLists(into frame: inout Frame, in rect: Rect, now: Date) {
        guard rect.height > 2 else { return }
        guard let lists else {
            frame.put("Reading the lists…", row: rect.row, column: rect.column, maxWidth: rect.width, style: .muted)
            return
        }
        var column = rect.column
        for list in TodayList.allCases {
            let label = "\(list.title) \(CountText.grouped(list.count(in: lists)))"
            let style: Style = list == shown ? Style(bold: true, reverse: true, role: .focus) : .plain
            column += frame.put(list == shown ? "[\(label)]" : " \(label) ", row: rect.row, column: column, maxWidth: rect.maxColumn - column, style: style)
            column += 1
        }
        let body = rect.inset(top: 1)
        if let table = tables[shown] {
            TableView.render(table, columns: shown.columns, emptyMessage: shown.emptyMessage, into: &frame, at: body, focused: panel == nil) { index in
                shown.row(index, in: lists, today: today, now: now)
            }
        }
    }

    static func statusWord(_ s: MemberStatus) -> String {
        switch s {
        case .pending: return "pending"
        case .active: return "active"
        case .onHold: return "on hold"
        case .left: return "left"
        }
    }

    static func monthName(_ key: String) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard let m = Int(key.suffix(2)), (1...12).contains(m) else { return key }
        return "\(names[m - 1]) \(key.prefix(4))"
    }
}
