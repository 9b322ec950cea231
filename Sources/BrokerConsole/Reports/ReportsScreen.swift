import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 6: what the time bank achieved in a period, each figure beside the previous period of
/// the same length and the same period a year before. Opens on the current month. Hours and
/// exchanges come first from the kept monthly totals; the full report follows when no key is
/// waiting, as Today's lists do.
struct ReportsScreen: ConsoleScreen {
    static let previousPeriod: ActionID = "reports-previous-period"
    static let nextPeriod: ActionID = "reports-next-period"
    static let month: ActionID = "reports-month"
    static let quarter: ActionID = "reports-quarter"
    static let year: ActionID = "reports-year"
    static let financialYear: ActionID = "reports-financial-year"
    static let typePeriod: ActionID = "reports-type-period"
    static let nextSection: ActionID = "reports-next-section"
    static let previousSection: ActionID = "reports-previous-section"
    static let scrollDown: ActionID = "reports-scroll-down"
    static let scrollUp: ActionID = "reports-scroll-up"
    static let pageDown: ActionID = "reports-page-down"
    static let pageUp: ActionID = "reports-page-up"
    static let write: ActionID = "reports-write"

    let id = ScreenID.reports
    private(set) var period: ReportPeriod
    private(set) var financialYearStartMonth = 4
    private(set) var report: Report?
    /// Hours and exchanges by month from the kept totals, shown until the full report is read.
    private(set) var quick: [(month: String, minutes: Minutes, exchanges: Int)] = []
    private(set) var reportPending = false
    private(set) var problem: String?
    private(set) var section = 0
    private(set) var scroll = 0
    /// The line where a period or a file name is typed, when open.
    private(set) var prompt: Prompt?
    /// Until the broker picks a period, the screen follows today's month (a console left open overnight).
    private(set) var periodChosen = false
    let blocks: Bool
    var today = CalendarDate.today()

    struct Prompt: Equatable {
        enum Purpose: Equatable { case period, file }
        var purpose: Purpose
        var field: TextFieldState
    }

    init(today: CalendarDate = .today(), blocks: Bool = ChartGlyphs.blocksSupported()) {
        self.today = today
        self.blocks = blocks
        period = .containing(today, kind: .month)
    }

    static let sections = ReportSection.allCases

    var bindings: [KeyBinding] {
        [
            KeyBinding(action: Self.previousPeriod, keys: [.left, .char("[")], help: "The period before", scope: scope, hint: "Earlier", priority: 1),
            KeyBinding(action: Self.nextPeriod, keys: [.right, .char("]")], help: "The period after", scope: scope, hint: "Later", priority: 2),
            KeyBinding(action: Self.nextSection, keys: [.tab], help: "Next section", scope: scope, hint: "Section", priority: 3),
            KeyBinding(action: Self.previousSection, keys: [.backTab], help: "Previous section", scope: scope),
            KeyBinding(action: Self.month, keys: [.char("m")], help: "A month", scope: scope, hint: "Month", priority: 5),
            KeyBinding(action: Self.quarter, keys: [.char("t")], help: "A quarter (three months)", scope: scope),
            KeyBinding(action: Self.year, keys: [.char("y")], help: "A calendar year", scope: scope),
            KeyBinding(action: Self.financialYear, keys: [.char("f")], help: "A financial year", scope: scope),
            KeyBinding(action: Self.typePeriod, keys: [.char("p")], help: "Type a period: 2026-Q3, FY2026, 2026-01-05..2026-02-04", scope: scope, hint: "Period", priority: 4),
            KeyBinding(action: Self.write, keys: [.char("w")], help: "Write the report to a file (.txt, .md, .csv or .json)", scope: scope, hint: "Write", priority: 6),
            KeyBinding(action: Self.scrollDown, keys: [.down, .char("j")], help: "Scroll down", scope: scope),
            KeyBinding(action: Self.scrollUp, keys: [.up, .char("k")], help: "Scroll up", scope: scope),
            // Ctrl-F/Ctrl-B as on every list, for terminals without PgDn/PgUp (vt100).
            KeyBinding(action: Self.pageDown, keys: [.pageDown, .ctrl("f")], help: "Page down", scope: scope),
            KeyBinding(action: Self.pageUp, keys: [.pageUp, .ctrl("b")], help: "Page up", scope: scope),
        ]
    }

    var capturesText: Bool { prompt != nil }

    mutating func reload(_ context: ConsoleContext, in body: Rect) { read(context) }

    /// Reads the period's quick figures now and leaves the full report for when no key waits.
    mutating func read(_ context: ConsoleContext) {
        today = context.today()
        if !periodChosen { period = .containing(today, kind: .month) }
        do {
            financialYearStartMonth = try context.store.financialYearStartMonth()
            let keys = period.monthKeys
            var totals: [String: (Minutes, Int)] = [:]
            for t in try context.store.monthTotals(fromMonth: keys.first ?? "", toMonth: keys.last ?? "") where !t.withPot {
                totals[t.month, default: (0, 0)].0 += t.minutes
                totals[t.month, default: (0, 0)].1 += t.exchanges
            }
            quick = keys.map { ($0, totals[$0]?.0 ?? 0, totals[$0]?.1 ?? 0) }
            problem = nil
        } catch {
            problem = "The figures could not be read: \(error)"
        }
        report = report?.period == period ? report : nil
        reportPending = true
        if !context.defersSlowWork { doDeferredWork(context) }
    }

    var hasDeferredWork: Bool { reportPending }

    mutating func doDeferredWork(_ context: ConsoleContext) {
        guard reportPending else { return }
        reportPending = false
        do {
            report = try context.store.report(period, today: today)
            context.store.packMonthsInBackground()
        } catch {
            problem = "The report could not be read: \(error)"
        }
    }

    mutating func choose(_ p: ReportPeriod?, _ context: ConsoleContext) {
        guard let p else { return }
        period = p
        periodChosen = true
        scroll = 0
        read(context)
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard var open = prompt else { return .ignored }
        switch key {
        case .escape:
            prompt = nil
            return .handled
        case .enter:
            let text = open.field.text
            switch open.purpose {
            case .period:
                switch ReportPeriodParser.parse(text, financialYearStartMonth: financialYearStartMonth) {
                case .success(let p):
                    prompt = nil
                    choose(p, context)
                    // Replaces the sentence a mistyped period left on the message line.
                    return .message(.success("Showing \(p.title)."))
                case .failure(let f):
                    return .message(.error(f.message))
                }
            case .file:
                prompt = nil
                return writeFile(text, context)
            }
        default:
            _ = open.field.handle(key)
            prompt = open
            return .handled
        }
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard prompt == nil else { return .handled }
        let page = 10
        switch action {
        case Self.previousPeriod: choose(period.previous, context)
        case Self.nextPeriod: choose(period.next, context)
        case Self.month: choose(.containing(period.last, kind: .month), context)
        case Self.quarter: choose(.containing(period.last, kind: .quarter), context)
        case Self.year: choose(.containing(period.last, kind: .year), context)
        case Self.financialYear: choose(.containing(period.last, kind: .financialYear, financialYearStartMonth: financialYearStartMonth), context)
        case Self.nextSection: section = (section + 1) % Self.sections.count; scroll = 0
        case Self.previousSection: section = (section + Self.sections.count - 1) % Self.sections.count; scroll = 0
        case Self.scrollDown: scroll += 1
        case Self.scrollUp: scroll = max(0, scroll - 1)
        case Self.pageDown: scroll += page
        case Self.pageUp: scroll = max(0, scroll - page)
        case Self.typePeriod:
            prompt = Prompt(purpose: .period, field: TextFieldState(text: "", maxLength: 40, placeholder: "2026-Q3, FY2026, 2026-01-05..2026-02-04"))
        case Self.write:
            prompt = Prompt(purpose: .file, field: TextFieldState(text: "report-\(period.code.replacingOccurrences(of: "..", with: "_")).txt", maxLength: 400))
        default: return .ignored
        }
        return .handled
    }

    /// Writes the whole report, in the format the file's name ends with, all or nothing.
    mutating func writeFile(_ name: String, _ context: ConsoleContext) -> ScreenResponse {
        let path = name.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return .message(.error("A file name is needed to write the report.")) }
        doDeferredWork(context)
        guard let report else { return .message(.error("The report is not ready to write.")) }
        let ext = (path as NSString).pathExtension.lowercased()
        let format: ReportDocument.Format = ext == "md" ? .md : ext == "csv" ? .csv : ext == "json" ? .json : .text
        do {
            try Data(ReportDocument.render(report, format: format).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return .message(.success("Report for \(period.code) written to \(path)."))
        } catch {
            return .message(.error("The report could not be written to \(path): \((error as NSError).localizedDescription)."))
        }
    }

    // MARK: drawing

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let left = rect.column + 1, width = rect.width - 2
        var row = rect.row
        frame.put("\(period.title) · \(period.first.iso) to \(period.last.iso)", row: row, column: left, maxWidth: width, style: .bold)
        row += 1
        let s = Self.sections[section]
        let compared = [period.previous.map { "previous \($0.code)" }, period.yearBefore.map { "year before \($0.code)" }].compactMap { $0 }
        frame.put("Section \(section + 1)/\(Self.sections.count): \(s.title)   compared with \(compared.joined(separator: ", "))",
                  row: row, column: left, maxWidth: width)
        row += 1
        if let prompt {
            let label = prompt.purpose == .period ? "Period: " : "Write to file: "
            frame.put(label, row: row, column: left, maxWidth: width, style: .bold)
            let fieldRect = Rect(row: row, column: left + label.count, width: max(1, width - label.count), height: 1)
            TextFieldView.render(prompt.field, into: &frame, at: fieldRect, focused: true)
            row += 1
        }
        if let problem {
            frame.put(problem, row: row + 1, column: left, maxWidth: width, style: .error)
            return
        }
        let body = Rect(row: row, column: left, width: width, height: max(0, rect.maxRow - row))
        var lines = bodyLines(s, width: width)
        let visible = max(0, body.height)
        if report != nil, lines.count <= visible {
            // A larger window shows the sections that follow too, each whole, as far as they fit.
            for next in Self.sections.dropFirst(section + 1) {
                let more = [Line(text: ""), Line(text: next.title, style: .bold)] + bodyLines(next, width: width)
                guard lines.count + more.count <= visible else { break }
                lines += more
            }
        }
        let top = min(scroll, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            frame.put(line.text, row: body.row + i, column: body.column, maxWidth: body.width, style: line.style)
        }
    }

    struct Line {
        var text: String
        var style: Style = .plain
    }

    /// The section's lines for a body `width` wide: a table of figures, with the month chart under "By month".
    func bodyLines(_ s: ReportSection, width: Int) -> [Line] {
        guard let report else {
            // Until the full report arrives: hours and exchanges from the kept totals.
            var out = [Line(text: "Reading the full report…", style: .muted)]
            let minutes = quick.reduce(0) { $0 + $1.minutes }, exchanges = quick.reduce(0) { $0 + $1.exchanges }
            out.append(Line(text: Self.columns("Exchanges", [ReportValue.count(exchanges).printed], width: width)))
            out.append(Line(text: Self.columns("Hours exchanged", [ReportValue.minutes(minutes).printed], width: width)))
            return out
        }
        let lines = report.lines(sections: [s])
        let widths = ReportDocument.figureColumnWidths(lines)
        let labelWidth = Self.labelWidth(width, widths)
        var out: [Line] = []
        if s == .byMonth {
            // The chart first, so it fits 80x24; the month rows follow.
            out += ReportDocument.monthChart(report.current, width: width, blocks: blocks).map { Line(text: $0) }
            out.append(Line(text: ""))
        }
        out += [Line(text: Self.columns("", ReportDocument.figureHeadings, width: width, widths), style: .header)]
        for l in lines {
            out.append(Line(text: Self.columns(ReportDocument.lineLabel(l.row, width: labelWidth - 1), ReportDocument.figureCells(l),
                                               width: width, widths)))
        }
        if s == .recognition {
            out += report.current.namedMilestones.map { Line(text: "  \($0.hours) hours: \($0.name) (\($0.number))") }
        }
        if report.current.rows.allSatisfy({ $0.section != s }) {
            out.append(Line(text: "Nothing to show for this period.", style: .muted))
        }
        return out
    }

    static func labelWidth(_ width: Int, _ widths: [Int] = ReportDocument.figureColumnWidths) -> Int {
        max(16, width - widths.reduce(0, +))
    }

    /// A label and up to four figures, right-aligned in the columns this period, previous, change,
    /// year before (`ReportDocument.figureColumnWidths`).
    static func columns(_ label: String, _ cells: [String], width: Int, _ widths: [Int] = ReportDocument.figureColumnWidths) -> String {
        TextMeasure.pad(label, toWidth: labelWidth(width, widths), alignment: .left)
            + zip(cells, widths).map { TextMeasure.pad($0, toWidth: $1, alignment: .right) }.joined()
    }
}
