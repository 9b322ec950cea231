import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

@Suite("Screen 6: Reports")
struct ReportsScreenTests {
    let db: TestStore
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!
    init() throws { db = try TestStore(demoMembers: 120, seed: 4) }

    func app(_ size: Size = Size(width: 80, height: 24), blocks: Bool = false, defers: Bool = false) -> ConsoleApp {
        let context = ConsoleContext(store: db.store, broker: db.broker, today: { Self.today }, defersSlowWork: defers)
        var console = ConsoleApp(context: context, size: size, screens: [TodayScreen(), ReportsScreen(blocks: blocks)])
        _ = console.handle(.char("6"))
        return console
    }

    func press(_ console: inout ConsoleApp, _ keys: Key...) {
        for k in keys { _ = console.handle(k) }
    }

    func type(_ console: inout ConsoleApp, _ text: String) {
        for c in text { _ = console.handle(.char(c)) }
    }

    /// The figure on the line that starts with `label`, in the "This period" column.
    func figure(_ lines: [String], _ label: String) -> String? {
        guard let line = lines.first(where: { $0.hasPrefix(" " + label + " ") }) else { return nil }
        let cells = String(line.dropFirst(1 + 34))
        return cells.prefix(11).trimmingCharacters(in: .whitespaces)
    }

    @Test func opensOnTheCurrentMonthWithEveryHeadlineFigureAt80x24() throws {
        let console = app()
        let lines = console.render().lines
        #expect(lines[2].contains("November 2026 · 2026-11-01 to 2026-11-30"))
        #expect(lines[3].contains("Headline") && lines[3].contains("previous 2026-10") && lines[3].contains("year before 2025-11"))
        let report = try db.store.report(.month(2026, 11)!, today: Self.today)
        let headline = report.current.rows.filter { $0.section == .headline }
        #expect(headline.count == 14)
        for row in headline {
            let label = ReportWording.label(row.figure)
            #expect(figure(lines, label) == row.value.printed, "\(label) on screen")
        }
    }

    @Test func keysChooseThePeriod() {
        var console = app()
        press(&console, .left)
        #expect(console.render().lines[2].contains("October 2026"))
        press(&console, .right, .right)
        #expect(console.render().lines[2].contains("December 2026"))
        press(&console, .char("t"))
        #expect(console.render().lines[2].contains("2026 Q4, October to December"))
        press(&console, .char("y"))
        #expect(console.render().lines[2].contains("Year 2026 · 2026-01-01 to 2026-12-31"))
        press(&console, .char("f"))
        #expect(console.render().lines[2].contains("Financial year 2026/27 · 2026-04-01 to 2027-03-31"))
        press(&console, .left)
        #expect(console.render().lines[2].contains("Financial year 2025/26"))
        press(&console, .char("m"))
        #expect(console.render().lines[2].contains("March 2026"))
        press(&console, .char("p"))
        type(&console, "2026-05-03..2026-06-01")
        press(&console, .enter)
        #expect(console.render().lines[2].contains("2026-05-03 to 2026-06-01"))
        press(&console, .char("p"))
        type(&console, "2026-13")
        press(&console, .enter)
        let refused = console.render().lines
        #expect(refused[22].contains("'2026-13' is not a month: months are 01 to 12, such as 2026-11."))
        press(&console, .escape)
        #expect(console.render().lines[2].contains("2026-05-03 to 2026-06-01"))
    }

    @Test func tabMovesThroughSectionsAndTheMonthChartIsAsciiWhenBlocksCannotShow() {
        var console = app()
        press(&console, .char("y"), .tab)
        #expect(console.render().lines[3].contains("Section 2/12: Co-production"))
        press(&console, .backTab, .backTab)
        #expect(console.render().lines[3].contains("Section 12/12: Active members"))
        for _ in 0..<7 { press(&console, .tab) }
        let chart = console.render().lines
        #expect(chart[3].contains("By month"))
        let bars = chart.filter { $0.hasPrefix(" 2026-") && $0.contains("#") }
        #expect(!bars.isEmpty)
        #expect(!chart.joined().contains("█"))

        var blocks = app(blocks: true)
        press(&blocks, .char("y"))
        for _ in 0..<6 { press(&blocks, .tab) }
        #expect(blocks.render().lines.joined().contains("█"))
    }

    /// Without PgDn/PgUp (a vt100), Ctrl-F and Ctrl-B turn the report's pages the same way.
    @Test func ctrlFAndCtrlBPageAsPgDnAndPgUpDo() {
        var keys = app()
        var paging = app()
        // The year by category and group: longer than a page at 80x24.
        press(&keys, .char("y"))
        press(&paging, .char("y"))
        for _ in 0..<7 { press(&keys, .tab); press(&paging, .tab) }
        let top = keys.render().lines
        #expect(top[3].contains("By category"))
        press(&keys, .pageDown)
        press(&paging, .ctrl("f"))
        let paged = keys.render().lines
        #expect(paged != top, "the report is longer than one page at 80x24")
        #expect(paging.render().lines == paged)
        press(&keys, .pageUp)
        press(&paging, .ctrl("b"))
        #expect(paging.render().lines == top && keys.render().lines == top)
    }

    @Test func figuresDrawFirstAndTheFullReportFollows() {
        var console = app(defers: true)
        let first = console.render().lines
        #expect(first.contains { $0.contains("Reading the full report…") })
        let totals = (try? db.store.monthTotals(fromMonth: "2026-11", toMonth: "2026-11").filter { !$0.withPot }) ?? []
        #expect(figure(first, "Exchanges") == ReportValue.count(totals.reduce(0) { $0 + $1.exchanges }).printed)
        console.doDeferredWork()
        #expect(!console.render().lines.contains { $0.contains("Reading the full report…") })
        _ = console
    }

    @Test func writesTheReportToAFileInTheFormatItsNameSays() throws {
        var console = app()
        let path = db.folder.appendingPathComponent("board report.md").path
        press(&console, .char("w"), .ctrl("u"))
        type(&console, path)
        press(&console, .enter)
        #expect(console.render().lines[22].contains("written to"))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let report = try db.store.report(.month(2026, 11)!, today: Self.today)
        #expect(written == ReportDocument.markdown(report))
    }

    @Test func aPeriodTypedRightAfterAMistypedOneClearsItsError() {
        var console = app()
        press(&console, .char("p"))
        type(&console, "２０２６-１１")
        press(&console, .enter)
        #expect(console.render().lines[22].contains("is not a period"))
        press(&console, .escape, .char("p"))
        type(&console, "2026-Q3")
        press(&console, .enter)
        let lines = console.render().lines
        #expect(lines[2].contains("2026 Q3, July to September"))
        #expect(!lines[22].contains("is not a period"))
        #expect(lines[22].contains("Showing 2026 Q3, July to September."))
    }

    @Test func aLargerWindowShowsTheSectionsThatFollowWhole() throws {
        let report = try db.store.report(.month(2026, 11)!, today: Self.today)
        let coProduction = report.current.rows.filter { $0.section == .coProduction }
        #expect(coProduction.count == 8)
        let small = app().render().lines
        let large = app(Size(width: 132, height: 43)).render().lines
        for row in coProduction {
            let label = ReportWording.label(row.figure)
            #expect(!small.contains { $0.hasPrefix(" " + label + " ") }, "\(label) at 80x24, where the headline fills the screen")
            let line = large.first { $0.hasPrefix(" " + label + " ") }
            #expect(line?.contains(row.value.printed) == true, "\(label) at 132x43")
        }
        #expect(large.contains { $0.trimmingCharacters(in: .whitespaces) == "Co-production" })
        #expect(!small.contains { $0.trimmingCharacters(in: .whitespaces) == "Co-production" })
    }

    @Test func aLargerWindowShowsMore() {
        func monthLines(_ size: Size) -> Int {
            var console = app(size)
            press(&console, .char("y"))
            for _ in 0..<6 { press(&console, .tab) }
            let lines = console.render().lines
            // The whole chart shows even at 80x24: twelve bars.
            #expect(Array(lines[4..<16].map { String($0.prefix(8)) }) == (1...12).map { String(format: " 2026-%02d", $0) })
            return lines.filter { $0.hasPrefix(" 2026-") }.count
        }
        #expect(monthLines(Size(width: 132, height: 43)) > monthLines(Size(width: 80, height: 24)))
    }
}
