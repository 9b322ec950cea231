import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13: milestones of lifetime hours given, and breakdowns by category, on hand-built ledgers.
extension ReportDefinitionTests {
    func milestones(_ r: Report) -> (ReportValue?, [String]) {
        (r.current.value("milestone_members", breakdown: "10h"), r.current.namedMilestones.map { "\($0.number) \($0.name) \($0.hours)h" })
    }

    @Test("A backdated entry moves a 10-hour milestone to its earlier month, a reversal moves it back, and only consenting members are named")
    func milestoneCrossings() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        let cat = try l.member("Cat Cooper", named: false)
        try l.give(ann, bob, 540, on: reportDay(2, 10))   // Ann 9:00
        let april = try l.give(ann, bob, 90, on: reportDay(4, 10))    // Ann 9:00 → 10:30 in April
        try l.give(cat, bob, 600, on: reportDay(4, 12))   // Cat 0 → 10:00 exactly in April

        #expect(milestones(try l.report(.month(2026, 3))) == (.people(0), []))
        var (count, named) = milestones(try l.report(.month(2026, 4)))
        #expect(count == .people(2) && count?.isSuppressed == true && count?.data == "<5")
        #expect(named == ["\(ann) Ann Archer 10h"])   // Cat did not agree to be named
        #expect(try l.report(.month(2026, 4)).current.value("milestone_members", breakdown: "25h") == .people(0))

        // An hour of March recorded late: Ann reaches 10:00 on 15 March, so April is no crossing for her.
        let late = try l.give(ann, bob, 60, on: reportDay(3, 15))
        #expect(milestones(try l.report(.month(2026, 3))) == (.people(1), ["\(ann) Ann Archer 10h"]))
        (count, named) = milestones(try l.report(.month(2026, 4)))
        #expect(count == .people(1) && named.isEmpty)
        // Q1 and Q2 likewise; the year has each member once.
        #expect(milestones(try l.report(.quarter(2026, 1))).0 == .people(1))
        #expect(milestones(try l.report(.quarter(2026, 2))).0 == .people(1))
        #expect(milestones(try l.report(.year(2026))).0 == .people(2))

        // The late hour reversed in March: Ann is back at 9:00 on 31 March and crosses in April again.
        try l.reverse(late, on: reportDay(3, 20))
        #expect(milestones(try l.report(.month(2026, 3))) == (.people(0), []))
        #expect(milestones(try l.report(.month(2026, 4))) == (.people(2), ["\(ann) Ann Archer 10h"]))

        // April's 1:30 reversed in May: April stays as it was; May only takes away (9:00), no crossing.
        try l.reverse(april, on: reportDay(5, 5))
        #expect(milestones(try l.report(.month(2026, 4))) == (.people(2), ["\(ann) Ann Archer 10h"]))
        #expect(milestones(try l.report(.month(2026, 5))) == (.people(0), []))
        // An hour in June takes her from 9:00 to 10:00: lifetime giving passes 10 hours in June.
        try l.give(ann, bob, 60, on: reportDay(6, 1))
        #expect(milestones(try l.report(.month(2026, 6))) == (.people(1), ["\(ann) Ann Archer 10h"]))
    }

    @Test("A range starting mid-month counts the days of its first month before it, reversals included, as lifetime giving before it")
    func milestoneInARangeStartingMidMonth() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        try l.give(ann, bob, 300, on: reportDay(2, 10))
        try l.give(ann, bob, 240, on: reportDay(3, 5))
        let wrong = try l.give(ann, bob, 60, on: reportDay(3, 8))
        try l.reverse(wrong, on: reportDay(3, 12))
        try l.give(ann, bob, 60, on: reportDay(3, 20))
        func tenHours(_ first: CalendarDate, _ last: CalendarDate) throws -> ReportValue? {
            try l.report(.range(first, last)).current.value("milestone_members", breakdown: "10h")
        }
        // Before 17 March: 300 + 240 + 60 - 60 = 540 (9:00); the 60 of 20 March reaches 10:00.
        #expect(try tenHours(reportDay(3, 17), reportDay(4, 9)) == .people(1))
        #expect(try l.report(.range(reportDay(3, 17), reportDay(4, 9))).current.namedMilestones.map(\.number) == [ann])
        // Before 13 March: the same 540.
        #expect(try tenHours(reportDay(3, 13), reportDay(3, 31)) == .people(1))
        // Before 9 March: 600 already (the reversal is on the 12th); in the range -60 + 60 = 0: no crossing.
        #expect(try tenHours(reportDay(3, 9), reportDay(3, 31)) == .people(0))
        // 1 to 10 March: 240 + 60 from 300 reaches 600 on the 8th.
        #expect(try tenHours(reportDay(3, 1), reportDay(3, 10)) == .people(1))
        // The whole of March: 300 → 540 + 60 - 60 + 60 = 600.
        #expect(try tenHours(reportDay(3, 1), reportDay(3, 31)) == .people(1))
        #expect(try l.report(.month(2026, 3)).current.value("milestone_members", breakdown: "10h") == .people(1))
    }

    @Test("In a quarter, an original reversed after it counts in the month of its date, also when that month is the member's first of the quarter")
    func milestoneInAQuarterWithAnOriginalReversedLater() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        let dan = try l.member("Dan Dale", named: true)
        try l.give(ann, bob, 540, on: reportDay(6, 10))                // Ann 9:00 before the third quarter
        try l.give(ann, bob, 30, on: reportDay(8, 3))                  // her first entry of the quarter, in August
        let reversedLater = try l.give(ann, bob, 60, on: reportDay(8, 20))
        try l.reverse(reversedLater, on: reportDay(10, 2))             // after the quarter: it stood at its end
        // Dan: 9:30 before the quarter; his first entry of it, in July, is reversed in August.
        try l.give(dan, bob, 570, on: reportDay(5, 10))
        let dansJuly = try l.give(dan, bob, 60, on: reportDay(7, 4))
        try l.reverse(dansJuly, on: reportDay(8, 1))
        try l.give(dan, bob, 45, on: reportDay(9, 9))
        // Ann: 540 before the quarter, 540 + 30 + 60 = 630 at its end: she passes 10 hours in it.
        // Dan: 570 before, 570 + 60 - 60 + 45 = 615 at its end: he passes 10 hours in it too.
        let quarter = try l.report(.quarter(2026, 3))
        #expect(quarter.current.value("milestone_members", breakdown: "10h") == .people(2))
        #expect(quarter.current.namedMilestones.map(\.number).sorted() == [ann, dan].sorted())
        // A range of days not made of whole months is counted from its exchanges: the same two.
        let days = try l.report(.range(reportDay(7, 2), reportDay(9, 30)))
        #expect(days.current.namedMilestones.map(\.number).sorted() == [ann, dan].sorted())
        // After the October reversal Ann is back at 9:30: October takes her under again, no crossing.
        #expect(try l.report(.month(2026, 10)).current.value("milestone_members", breakdown: "10h") == .people(0))
    }

    @Test("A reversal keeps its original's category: negative under it in the reversal's month, netting to zero in the year")
    func categoriesWithReversals() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let categories = try l.store.categories()
        let garden = try #require(categories.first)
        let other = try #require(categories.first { $0.group != garden.group })
        let wrong = try l.give(ann, bob, 60, on: reportDay(3, 2), category: garden.code)
        try l.give(bob, cat, 30, on: reportDay(3, 3), category: other.code)
        try l.give(cat, ann, 20, on: reportDay(3, 4))
        try l.reverse(wrong, on: reportDay(4, 2))

        let march = try l.report(.month(2026, 3)).current
        #expect(march.value("minutes_exchanged", section: .byCategory, breakdown: garden.code) == .minutes(60))
        #expect(march.value("exchanges", section: .byCategory, breakdown: garden.code) == .count(1))
        #expect(march.value("minutes_exchanged", section: .byCategory, breakdown: other.code) == .minutes(30))
        #expect(march.value("minutes_exchanged", section: .byCategory, breakdown: "(none)") == .minutes(20))
        #expect(march.value("minutes_exchanged", section: .byCategoryGroup, breakdown: garden.group) == .minutes(60))
        #expect(march.value("minutes_exchanged", section: .byCategoryGroup, breakdown: other.group) == .minutes(30))
        #expect(march.value("minutes_exchanged", section: .byCategoryGroup, breakdown: "(none)") == .minutes(20))

        let april = try l.report(.month(2026, 4)).current
        #expect(april.value("minutes_exchanged", section: .byCategory, breakdown: garden.code) == .minutes(-60))
        #expect(april.value("exchanges", section: .byCategory, breakdown: garden.code) == .count(-1))
        #expect(april.value("minutes_exchanged", section: .byCategoryGroup, breakdown: garden.group) == .minutes(-60))
        #expect(april.value("minutes_exchanged", section: .byCategory, breakdown: other.code) == nil)   // nothing of it in April

        let year = try l.report(.year(2026)).current
        #expect(year.value("minutes_exchanged", section: .byCategory, breakdown: garden.code) == .minutes(0))
        #expect(year.value("exchanges", section: .byCategory, breakdown: garden.code) == .count(0))
        #expect(year.value("minutes_exchanged", section: .byCategory, breakdown: other.code) == .minutes(30))
    }
}
