import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

@Suite("The console frame: header, screens, help, menu, quit, small windows")
struct ConsoleFrameTests {
    let db: TestStore
    init() throws { db = try TestStore(demoMembers: 80) }

    func app(_ size: Size = Size(width: 80, height: 24)) -> ConsoleApp {
        ConsoleApp(context: db.context(), size: size)
    }

    func text(_ frame: Frame) -> String { frame.lines.joined(separator: "\n") }

    @Test func headerNamesTheTimeBankTheBrokerTheScreenAndTheDate() {
        let frame = app().render()
        #expect(frame.lines[0].contains("Gloucester Time Bank · Today"))
        #expect(frame.lines[0].contains("Ann Lee (admin)"))
        #expect(frame.lines[0].contains("Sun 29/11/2026"))
        #expect(frame.lines[1].contains("1 Today") && frame.lines[1].contains("6 Reports"))
    }

    @Test func todayShowsTheStoresFigures() throws {
        let figures = try db.store.todayFigures(today: CalendarDate(year: 2026, month: 11, day: 29)!)
        let pot = try db.store.balance(.pot)
        let screen = text(app().render())
        #expect(screen.contains("\(figures.membersByStatus[.active] ?? 0) active"))
        #expect(screen.contains("\(figures.membersByStatus[.pending] ?? 0) pending"))
        #expect(screen.contains("Community pot balance   \(MinutesFormat.clock(pot.balanceMinutes))"))
        #expect(screen.contains("Open needs              \(figures.openNeeds)"))
        #expect(screen.contains("\(figures.thisMonth.exchanges) exchange"))
        #expect(screen.contains("This month (November 2026)"))
        #expect(screen.contains("Last month (October 2026)"))
        #expect(screen.contains("\(figures.followUpsDue) not moved for 7 days"))
    }

    @Test func todayFollowsAnotherBrokersWriteOnReload() throws {
        var console = app()
        let before = try db.store.balance(.pot).balanceMinutes
        let member = try #require(db.store.members(MemberQuery(status: .active), limit: 1).rows.first)
        _ = try db.store.record(ExchangeRequest(date: CalendarDate(year: 2026, month: 11, day: 28)!, giver: .pot, receiver: .member(member.number),
                                                minutes: 90), by: db.broker, acceptCreditLimit: true)
        console.reload()
        #expect(text(console.render()).contains("Community pot balance   \(MinutesFormat.clock(before + 90))"))
    }

    @Test(arguments: ScreenID.allCases)
    func digitKeysSwitchScreens(_ screen: ScreenID) {
        var console = app()
        #expect(console.handle(.char(screen.key)) == .running)
        #expect(console.current == screen)
        #expect(console.render().lines[0].contains("· \(screen.title)"))
    }

    @Test func helpListsEveryKeyOfTheScreenAndClosesWithEsc() {
        var console = app()
        _ = console.handle(.char("?"))
        let shown = text(console.render())
        #expect(shown.contains("Help (Esc to close)"))
        for binding in GlobalAction.bindings {
            #expect(shown.contains(binding.help), "help lacks \(binding.help)")
        }
        _ = console.handle(.escape)
        #expect(!text(console.render()).contains("Help (Esc to close)"))
        _ = console.handle(.function(1))
        #expect(text(console.render()).contains("Help (Esc to close)"))
    }

    @Test func commandMenuFindsAnActionByTypingAndRunsIt() {
        var console = app()
        _ = console.handle(.function(10))
        #expect(text(console.render()).contains("Commands"))
        for ch in "reports" { _ = console.handle(.char(ch)) }
        _ = console.handle(.enter)
        #expect(console.current == .reports)
    }

    @Test func qQuitsAtOnceWhenNothingIsUnsaved() {
        var console = app()
        #expect(console.handle(.char("q")) == .quit)
    }

    @Test func qAsksFirstWhenAScreenHoldsUnsavedInput() {
        var console = ConsoleApp(context: db.context(), size: Size(width: 80, height: 24), screens: [DirtyScreen()])
        #expect(console.handle(.char("q")) == .running)
        #expect(text(console.render()).contains("Quit and lose it?"))
        #expect(console.handle(.char("s")) == .running)  // "Stay"
        #expect(!text(console.render()).contains("Quit and lose it?"))
        _ = console.handle(.char("q"))
        #expect(console.handle(.char("q")) == .quit)      // "Quit"
    }

    @Test func aWindowSmallerThan80x24AsksForMoreRoomAndRecovers() {
        var console = app(Size(width: 60, height: 20))
        let small = console.render()
        let nonEmpty = small.lines.filter { !$0.isEmpty }
        #expect(nonEmpty.count == 1)
        #expect(nonEmpty[0].contains("at least 80x24"))
        #expect(small.lines[10].contains("80x24"))
        console.resize(Size(width: 120, height: 40))
        #expect(console.render().lines[0].contains("Today"))
        console.resize(Size(width: 80, height: 24))
        #expect(console.render().lines[23].contains("Help"))
    }

    @Test func statusLineIsGeneratedFromTheRegistry() {
        let last = app().render().lines[23]
        #expect(last.contains("? Help") && last.contains(": Menu") && last.contains("q Quit"))
    }

    @Test func noKeyIsBoundTwiceOnAnyScreen() {
        var console = app()
        for screen in ScreenID.allCases {
            _ = console.handle(.char(screen.key))
            #expect(console.registry.conflicts().isEmpty, "conflicting keys on \(screen.title)")
        }
    }

    @Test func aStartupNoticeShowsOnTheMessageLine() {
        let console = ConsoleApp(context: db.context(), size: Size(width: 80, height: 24), notice: "Unknown terminal type 'foo'; using xterm-256color.")
        #expect(console.render().lines[22].contains("Unknown terminal type 'foo'"))
    }
}

/// A screen holding typed input, to show that quitting asks first.
private struct DirtyScreen: ConsoleScreen {
    let id = ScreenID.today
    var bindings: [KeyBinding] { [] }
    var hasUnsavedInput: Bool { true }
    mutating func reload(_ context: ConsoleContext, in body: Rect) {}
    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse { .ignored }
    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {}
}
