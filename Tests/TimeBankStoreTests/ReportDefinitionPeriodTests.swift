import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13: periods with nothing in them, ranges of days that cut months, activation, new
/// connections beside many earlier pairs, and a closed month that stays as it was.
extension ReportDefinitionTests {
    // MARK: 10. Nothing to report

    @Test("An empty time bank, a month without exchanges and a future year give calm zeros and no rates")
    func calmZeros() throws {
        let empty = try ReportLedger()
        for period in [ReportPeriod.month(2026, 4), .quarter(2026, 2), .year(2026), .financialYear(2026, startMonth: 4),
                       .range(reportDay(3, 17), reportDay(6, 9))] {
            let r = try empty.report(period)
            expectFigures(r.current, [
                "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "givers": 0, "receivers": 0,
                "gave_and_received": 0, "reciprocity_rate": nil, "reciprocity_balance": nil, "new_members": 0,
                "activation_rate": nil, "median_days_to_first_exchange": nil, "retention_rate": nil, "connections": 0,
                "new_connections": 0, "repeat_pairs": 0, "median_partners": nil, "pot_granted_minutes": 0,
                "needs_opened": 0, "vetted_need_exchanges": 0,
            ], period?.code ?? "?")
            #expect(r.current.value("milestone_members", breakdown: "10h") == .people(0))
            for key in try #require(period).monthKeys {
                #expect(r.current.value("exchanges", section: .byMonth, breakdown: key) == .count(0))
            }
        }

        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        try l.give(ann, bob, 60, on: reportDay(3, 10))
        // April has nothing; March had two active, April keeps none: retention 0 of 2, not none.
        let april = try l.report(.month(2026, 4))
        expectFigures(april.current, [
            "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "reciprocity_rate": nil,
            "reciprocity_balance": nil, "median_partners": nil, "retention_rate": 0,
        ], "April")
        // 2031 and FY2031: nothing, and nothing the year before either.
        for period in [ReportPeriod.year(2031), .financialYear(2031, startMonth: 4), .month(2031, 2)] {
            let r = try l.report(period)
            expectFigures(r.current, [
                "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "retention_rate": nil, "median_partners": nil,
                "new_members": 0, "too_soon_to_tell": 0,
            ], period?.code ?? "?")
        }
    }

    // MARK: 11. A range of days that cuts months

    @Test("A range of days that cuts two months counts only the entries of its days, with its previous range of the same length")
    func dayRangeCuttingMonths() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        try l.give(ann, bob, 60, on: reportDay(3, 16))                  // the day before
        try l.give(ann, bob, 30, on: reportDay(3, 17))                  // the first day
        try l.give(bob, cat, 45, on: reportDay(3, 31))
        try l.give(cat, dan, 20, on: reportDay(4, 9))                   // the last day
        try l.give(dan, ann, 15, on: reportDay(4, 10))                  // the day after
        let later = try l.give(eve, fay, 50, on: reportDay(3, 20))
        try l.reverse(later, on: reportDay(4, 10))                      // reversed after the range: stands in it
        let inside = try l.give(ann, cat, 40, on: reportDay(4, 1))
        try l.reverse(inside, on: reportDay(4, 5))                      // reversed within: +1 -1
        let earlier = try l.give(bob, ann, 25, on: reportDay(3, 1))
        try l.reverse(earlier, on: reportDay(3, 18))                    // only the reversal is in the range

        // Entries of 17 March to 9 April: +30 +45 +20 +50 +40 -40 -25: seven entries, two reversals.
        // Standing: Ann→Bob, Bob→Cat, Cat→Dan, Eve→Fay. Ann-Bob met on 16 March: 3 new pairs.
        // Balance: Ann 1, Bob 15/75, Cat 25/65, Dan 1, Eve 1, Fay 1: 1 - (4 + 1/5 + 5/13)/6 = 46/195.
        // Partners: Bob 2, Cat 2, the others 1: median 1.
        let r = try l.report(.range(reportDay(3, 17), reportDay(4, 9)))
        expectFigures(r.current, [
            "exchanges": 3, "minutes_exchanged": 120, "active_members": 6, "givers": 4, "receivers": 4,
            "gave_and_received": 2, "reciprocity_rate": 2.0 / 6, "reciprocity_balance": 46.0 / 195,
            "connections": 4, "new_connections": 3, "repeat_pairs": 0, "median_partners": 1, "retention_rate": 1,
        ], "17 Mar-9 Apr")
        #expect(r.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-03") == .minutes(100))
        #expect(r.current.value("exchanges", section: .byMonth, breakdown: "2026-03") == .count(2))
        #expect(r.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-04") == .minutes(20))
        #expect(r.current.value("exchanges", section: .byMonth, breakdown: "2026-04") == .count(1))
        // The 24 days before (21 February to 16 March): Bob→Ann on 1 March (reversed only on
        // 18 March) and Ann→Bob on 16 March: one pair, twice; Ann and Bob both gave and received.
        #expect(r.previous?.period == ReportPeriod.range(reportDay(2, 21), reportDay(3, 16)))
        expectFigures(r.previous, [
            "exchanges": 2, "minutes_exchanged": 85, "active_members": 2, "gave_and_received": 2,
            "connections": 1, "repeat_pairs": 1,
        ], "21 Feb-16 Mar")
    }

    @Test("Activation counts members who joined in the period with a standing first exchange within 90 days; recent joiners are too soon to tell")
    func activation() throws {
        let l = try ReportLedger()
        let oak = try l.member("Old Oak")
        let quick = try l.member("Quick Quill", joined: reportDay(1, 5))    // first exchange 10 days after joining
        let slow = try l.member("Slow Sloe", joined: reportDay(1, 10))      // first exchange 100 days after joining
        _ = try l.member("Never Nye", joined: reportDay(1, 20))             // no exchange
        let undone = try l.member("Undone Ure", joined: reportDay(1, 2))    // first exchange reversed; the next 50 days after joining
        _ = try l.member("Recent Rae", joined: reportDay(11, 1))            // 19 days before the report's today, 20 November
        try l.give(quick, oak, 60, on: reportDay(1, 15))
        try l.give(oak, slow, 60, on: reportDay(4, 20))
        let wrong = try l.give(undone, oak, 30, on: reportDay(1, 20))
        try l.reverse(wrong, on: reportDay(1, 25))
        try l.give(oak, undone, 30, on: reportDay(2, 21))

        // Joined in January: Quick, Slow, Never, Undone. Activated within 90 days: Quick (10 days)
        // and Undone (50 days): 2 of 4, median (10 + 50)/2 = 30.
        for period in [ReportPeriod.month(2026, 1), .quarter(2026, 1)] {
            expectFigures(try l.report(period).current, [
                "new_members": 4, "activation_rate": 0.5, "median_days_to_first_exchange": 30, "too_soon_to_tell": 0,
            ], period?.code ?? "?")
        }
        // November: only Rae joined, and her 90 days are not over: nothing to divide by.
        expectFigures(try l.report(.month(2026, 11)).current, [
            "new_members": 1, "too_soon_to_tell": 1, "activation_rate": nil, "median_days_to_first_exchange": nil,
        ], "November")
        // The year: five joined, Rae too soon; of the four settled, two activated.
        expectFigures(try l.report(.year(2026)).current, [
            "new_members": 5, "too_soon_to_tell": 1, "activation_rate": 0.5, "median_days_to_first_exchange": 30,
        ], "2026")
    }

    @Test("New connections are the same whether the period's pairs are few or many beside the pairs that exchanged before it")
    func newConnectionsBesideManyEarlierPairs() throws {
        let l = try ReportLedger()
        var m: [Int] = []
        for name in ["Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gil", "Hal", "Ivy"] { m.append(try l.member(name + " Member")) }
        let newcomer = try l.member("Jo Newcomer")
        // January: every pair of the nine exchanges once: 36 pairs.
        var january: [String: UUID] = [:]
        for i in 0..<m.count {
            for j in (i + 1)..<m.count { january["\(i)-\(j)"] = try l.give(m[i], m[j], 10, on: reportDay(1, 1 + i)) }
        }
        try l.reverse(try #require(january["2-3"]), on: reportDay(2, 1))   // Cat-Dan undone in February
        try l.reverse(try #require(january["4-5"]), on: reportDay(6, 1))   // Eve-Fay undone only in June

        expectFigures(try l.report(.month(2026, 1)).current, ["connections": 36, "new_connections": 36], "January")
        // March: Ann-Bob again (met in January: not new) and Jo-Ann (new).
        try l.give(m[1], m[0], 10, on: reportDay(3, 3))
        try l.give(newcomer, m[0], 10, on: reportDay(3, 4))
        expectFigures(try l.report(.month(2026, 3)).current, ["connections": 2, "new_connections": 1], "March")
        // April: Cat-Dan (January's undone in February: new) and Ann-Bob (not new).
        try l.give(m[3], m[2], 10, on: reportDay(4, 3))
        try l.give(m[0], m[1], 10, on: reportDay(4, 4))
        expectFigures(try l.report(.month(2026, 4)).current, ["connections": 2, "new_connections": 1], "April")
        // May: Eve-Fay, whose January exchange still stood on 31 May: not new.
        try l.give(m[5], m[4], 10, on: reportDay(5, 5))
        expectFigures(try l.report(.month(2026, 5)).current, ["connections": 1, "new_connections": 0], "May")
        // Q2: Cat-Dan (new), Ann-Bob (not), Eve-Fay (its January exchange was undone on 1 June,
        // within Q2: new).
        expectFigures(try l.report(.quarter(2026, 2)).current, ["connections": 3, "new_connections": 2, "repeat_pairs": 0], "Q2")
        // The year: 36 January pairs (Cat-Dan and Eve-Fay stand again from April and May) and Jo-Ann.
        // Only Ann-Bob has two or more standing exchanges (January, March, April): the January
        // exchanges of Cat-Dan and Eve-Fay were undone within the year.
        expectFigures(try l.report(.year(2026)).current, ["connections": 37, "new_connections": 37, "repeat_pairs": 1], "2026")
    }

    /// Every row of March's report, and its named milestones, as text.
    func marchRows(_ l: ReportLedger) throws -> [String] {
        let r = try l.report(.month(2026, 3))
        return r.current.rows.map { "\($0.section) \($0.figure) \($0.breakdown) \($0.value.data)" }
            + r.current.namedMilestones.map { "\($0.number) \($0.hours)" }
    }

    @Test("Every figure of March is the same after later exchanges, reversals of March's entries and pot entries dated later")
    func marchUnchangedByLaterEntries() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        let cat = try l.member("Cat Cooper", joined: reportDay(3, 1)), dan = try l.member("Dan Dyer")
        let big = try l.give(ann, bob, 600, on: reportDay(3, 2))           // Ann passes 10 hours in March
        try l.give(cat, ann, 30, on: reportDay(3, 5))                      // Cat's first exchange, 4 days after joining
        let pair = try l.give(bob, dan, 45, on: reportDay(3, 9))
        try l.give(.member(dan), .pot, 60, on: reportDay(3, 10))
        let before = try marchRows(l)
        #expect(before.contains("headline activation_rate  1.0000"))
        #expect(before.contains("\(ann) 10"))
        // Later: March's entries reversed in May, new exchanges and pot entries in May and June.
        try l.reverse(big, on: reportDay(5, 2))
        try l.reverse(pair, on: reportDay(5, 3))
        try l.give(bob, dan, 45, on: reportDay(5, 4))
        try l.give(dan, bob, 15, on: reportDay(6, 1))
        try l.give(.pot, .member(bob), 30, on: reportDay(6, 2))
        let after = try marchRows(l)
        #expect(after.filter { !before.contains($0) } == [], "changed from: \(before.filter { !after.contains($0) })")
        #expect(after.count == before.count)
    }

    @Test("March's activation stays once its joiners' 90 days are over, whatever is reversed later")
    func activationOfAClosedMonth() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer")
        let cat = try l.member("Cat Cooper", joined: reportDay(3, 1))
        let first = try l.give(cat, ann, 30, on: reportDay(3, 5))          // Cat's first exchange, 4 days after joining
        let before = try marchRows(l)
        #expect(before.contains("headline activation_rate  1.0000"))
        #expect(before.contains("headline median_days_to_first_exchange  4.0"))
        // Cat's 90 days ended on 30 May; on 15 July her March exchange is found entered in error.
        try l.reverse(first, on: reportDay(7, 15))
        // The issue: "a report of a closed month is byte-identical before and after more exchanges
        // and reversals are recorded in later months": the first exchange is the first original still
        // standing when the 90 days ended, so a reversal after them leaves March as it was.
        let after = try marchRows(l)
        #expect(after == before)
    }

    @Test("The previous period of January, Q1 and a year is across the year's boundary")
    func previousPeriodAcrossTheYear() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        try l.give(ann, bob, 60, on: reportDay(12, 15, 2025))
        try l.give(bob, ann, 30, on: reportDay(12, 16, 2025))
        try l.give(ann, cat, 45, on: reportDay(1, 10))
        // December 2025, Q4 2025 and 2025: Ann and Bob active; January, Q1 and 2026: Ann and Cat.
        // Ann is kept: 1 of 2. Ann-Bob exchanged twice in December: a repeat pair then.
        for period in [ReportPeriod.month(2026, 1), .quarter(2026, 1), .year(2026)] {
            let r = try l.report(period)
            expectFigures(r.current, [
                "exchanges": 1, "minutes_exchanged": 45, "active_members": 2, "retention_rate": 0.5, "new_connections": 1,
            ], period?.code ?? "?")
            expectFigures(r.previous, [
                "exchanges": 2, "minutes_exchanged": 90, "active_members": 2, "gave_and_received": 2, "repeat_pairs": 1,
            ], "before \(period?.code ?? "?")")
        }
        // The same month a year before has nothing.
        expectFigures(try l.report(.month(2026, 1)).yearBefore, ["exchanges": 0, "active_members": 0], "January 2025")
    }
}
