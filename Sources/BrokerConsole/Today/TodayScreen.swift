import TerminalUI
import TimeBank
import TimeBankStore

/// The first screen of the day: this month's and last month's figures and what needs attention.
struct TodayScreen: ConsoleScreen {
    let id = ScreenID.today
    var bindings: [KeyBinding] { [] }
    private(set) var figures: TodayFigures?
    private(set) var followUpDays = 7
    private(set) var problem: String?

    mutating func reload(_ context: ConsoleContext) {
        do {
            figures = try context.store.todayFigures(today: context.today())
            followUpDays = try context.store.settings().followUpDays
            problem = nil
        } catch {
            problem = "The figures could not be read: \(error)"
        }
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext) -> ScreenResponse { .ignored }

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let left = rect.column + 2
        var row = rect.row + 1
        if let problem {
            frame.put(problem, row: row, column: left, maxWidth: rect.width - 4, style: .error)
            return
        }
        guard let f = figures else { return }
        let half = (rect.width - 4) / 2
        func month(_ m: MonthFigures, title: String, column: Int) {
            frame.put("\(title) (\(Self.monthName(m.month)))", row: row, column: column, maxWidth: half - 1, style: .bold)
            frame.put("\(m.exchanges) exchange\(m.exchanges == 1 ? "" : "s") · \(MinutesFormat.clock(m.minutes)) hours",
                      row: row + 1, column: column + 2, maxWidth: half - 3)
            frame.put("pot grants and donations \(MinutesFormat.clock(m.potMinutes))", row: row + 2, column: column + 2, maxWidth: half - 3, style: .muted)
        }
        month(f.thisMonth, title: "This month", column: left)
        month(f.lastMonth, title: "Last month", column: left + half)
        row += 4
        let order: [MemberStatus] = [.active, .pending, .onHold, .left]
        let status = order.map { "\(f.membersByStatus[$0] ?? 0) \(Self.statusWord($0))" }.joined(separator: " · ")
        let lines: [(String, String, Style)] = [
            ("Members", "\(status) (\(f.totalMembers))", .plain),
            ("Community pot balance", MinutesFormat.clock(f.potBalanceMinutes), .plain),
            ("Open needs", "\(f.openNeeds)", .plain),
            ("Referrals to follow up", "\(f.followUpsDue) not moved for \(followUpDays) days or more", f.followUpsDue > 0 ? .warning : .plain),
            ("Vetting reviews", "\(f.vettingDueSoon) due within 30 days · \(f.vettingExpired) past their date",
             f.vettingExpired > 0 ? .warning : .plain),
        ]
        let labelWidth = 24
        for (label, value, style) in lines where row < rect.maxRow {
            frame.put(label, row: row, column: left, maxWidth: labelWidth, style: .bold)
            frame.put(value, row: row, column: left + labelWidth, maxWidth: rect.maxColumn - left - labelWidth - 1, style: style)
            row += 1
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
