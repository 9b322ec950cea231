import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Today's five lists under the figures: counts that agree with the figures, and Enter opening
/// the right screen for each row.
@Suite struct TodayListsTests {
    @Test func countsAgreeWithTheFigures() throws {
        let t = try TestStore(demoMembers: 120, seed: 3, today: MatchFixture.today)
        let figures = try t.store.todayFigures(today: MatchFixture.today)
        let lists = try t.store.todayLists(today: MatchFixture.today)
        #expect(lists.followUpCount == figures.followUpsDue)
        #expect(lists.vettingReviewCount == figures.vettingDueSoon + figures.vettingExpired)
        #expect(lists.followUps.count == min(200, lists.followUpCount))
        #expect(lists.unmatchedNeeds.allSatisfy { $0.status == .open && $0.liveReferrals == 0 })
        #expect(lists.unmatchedNeeds.allSatisfy { MatchFixture.today.days(since: $0.created) >= Settings().unmatchedNeedDays })
        #expect(lists.inactiveMembers.allSatisfy { ($0.lastExchange ?? CalendarDate(year: 2000, month: 1, day: 1)!) < MatchFixture.today.adding(days: -150) })
        #expect(lists.inactiveMemberCount > 0 && lists.unmatchedNeedCount > 0 && lists.vettingReviewCount > 0)
    }

    @Test func figuresStayOnTopAndListsShowCountsAt80x24() throws {
        let f = try MatchFixture()
        let lists = try f.store.todayLists(today: MatchFixture.today)
        #expect(f.lines[2].contains("This month (November 2026)"))
        let tabs = try #require(f.line(containing: "[Follow-ups \(lists.followUpCount)]"))
        #expect(tabs.contains("Unmatched \(lists.unmatchedNeedCount)"))
        #expect(tabs.contains("Vetting \(lists.vettingReviewCount)"))
        #expect(tabs.contains("Inactive \(lists.inactiveMemberCount)"))
        #expect(tabs.contains("Erasure \(lists.dueForErasure.count)"))
        f.press(.tab)
        #expect(f.line(containing: "[Unmatched \(lists.unmatchedNeedCount)]") != nil)
        let first = try #require(lists.unmatchedNeeds.first)
        #expect(f.line(containing: String(first.title.prefix(20)))?.contains("\(first.memberName)".prefix(10)) == true)
        #expect(f.frame.cursor?.row == f.lines.firstIndex { $0.contains(String(first.title.prefix(20))) })
    }

    @Test("On a terminal the figures draw first, the lists when no key is waiting; a key pressed sooner acts on the lists")
    func figuresFirstThenLists() throws {
        let f = try MatchFixture()
        let lists = try f.store.todayLists(today: MatchFixture.today)
        let context = ConsoleContext(store: f.store, broker: f.app.context.broker, today: { MatchFixture.today }, defersSlowWork: true)
        var app = ConsoleApp(context: context, size: Size(width: 80, height: 24))
        var lines = app.render().lines
        #expect(lines[2].contains("This month (November 2026)"))
        #expect(lines.contains { $0.contains("Reading the lists…") })
        #expect(app.hasDeferredWork)
        app.doDeferredWork()
        #expect(!app.hasDeferredWork)
        lines = app.render().lines
        #expect(lines.contains { $0.contains("[Follow-ups \(lists.followUpCount)]") })
        // A reload (another broker's write) keeps the lists on screen until the new ones are read.
        app.reload()
        #expect(app.hasDeferredWork)
        #expect(app.render().lines.contains { $0.contains("[Follow-ups \(lists.followUpCount)]") })
        // Tab and Enter typed before the lists were read open the first unmatched need.
        _ = app.handle(.tab)
        _ = app.handle(.enter)
        #expect(app.current == .match)
        #expect(app.render().lines.contains { $0.contains("Need \(lists.unmatchedNeeds[0].id):") })
    }

    @Test func enterOpensTheRightScreen() throws {
        let f = try MatchFixture()
        let lists = try f.store.todayLists(today: MatchFixture.today)
        f.press(.tab, .enter)
        let need = try #require(lists.unmatchedNeeds.first)
        #expect(f.app.current == .match)
        #expect(f.line(containing: "Need \(need.id):") != nil)

        f.press(.char("1"), .tab, .enter)  // Today keeps the list it showed
        #expect(f.app.current == .members)
        #expect(f.memberShown == lists.vettingReviews.first?.member)

        f.press(.char("1"), .tab, .down, .enter)
        #expect(f.app.current == .members)
        #expect(f.memberShown == lists.inactiveMembers[1].member)
    }

    @Test func aFollowUpOpensOnTodayAndMovesOn() throws {
        let f = try MatchFixture()
        let lists = try f.store.todayLists(today: MatchFixture.today)
        let due = try #require(lists.followUps.first)
        f.press(.enter)
        #expect(f.app.current == .today)
        #expect(f.screen.contains("Referral \(due.id) · \(due.referral.status.rawValue)"))
        #expect(f.app.screens[.today]?.capturesText == true)
        f.type("Chased by phone")
        let next = due.referral.status.next[0]
        f.press(.enter)
        #expect(f.message.contains("Referral \(due.id) is now \(next.rawValue)"))
        #expect(try f.store.referralSteps(due.id).last?.note == "Chased by phone")
        #expect(try f.store.todayLists(today: MatchFixture.today).followUpCount == lists.followUpCount - 1)
        #expect(f.line(containing: "[Follow-ups \(lists.followUpCount - 1)]") != nil)
    }
}
