import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// The tricky parts of the report definitions (issue #13), each on a small ledger built by hand.
/// Every expected value is worked out from the words and written here as a literal; the
/// working is in the comments. A figure computed another way (a reversed original still counted,
/// a reversal making someone active, a pair counted in the wrong period) fails a test.
@Suite("Report figures follow the definitions on hand-built ledgers", .serialized)
struct ReportDefinitionTests {

    // MARK: 1. A reversal dated after the period's end

    @Test("An original reversed in a later month still counts in its own month; the reversal counts negative in its month and makes no one active")
    func reversalAfterThePeriod() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let wrong = try l.give(ann, bob, 60, on: reportDay(3, 10))
        try l.give(cat, ann, 30, on: reportDay(3, 12))
        try l.reverse(wrong, on: reportDay(5, 5))
        try l.give(bob, cat, 45, on: reportDay(5, 10))

        // March: both originals stood at 31 March. Ann gave 60, got 30: |60-30|/90 = 1/3;
        // Bob and Cat only received or only gave: 1 each. Balance 1 - (1/3 + 1 + 1)/3 = 2/9.
        // Partners: Ann {Bob, Cat}, Bob {Ann}, Cat {Ann}: median 1.
        let march = try l.report(.month(2026, 3))
        expectFigures(march.current, [
            "exchanges": 2, "minutes_exchanged": 90, "active_members": 3, "givers": 2, "receivers": 2,
            "gave_and_received": 1, "reciprocity_rate": 1.0 / 3, "reciprocity_balance": 2.0 / 9,
            "connections": 2, "new_connections": 2, "repeat_pairs": 0, "median_partners": 1,
        ], "March")
        // Q1 holds the same entries and the reversal is after 31 March too.
        expectFigures(try l.report(.quarter(2026, 1)).current, [
            "exchanges": 2, "minutes_exchanged": 90, "active_members": 3, "givers": 2, "receivers": 2, "connections": 2,
        ], "Q1")

        // May: the reversal (-1, -60) and Bob → Cat (+1, +45). Only Bob and Cat are active:
        // the reversal is not an original and Ann did nothing else in May.
        let may = try l.report(.month(2026, 5))
        expectFigures(may.current, [
            "exchanges": 0, "minutes_exchanged": -15, "active_members": 2, "givers": 1, "receivers": 1,
            "gave_and_received": 0, "connections": 1, "new_connections": 1,
            "retention_rate": nil, // April, the previous month, had no one active
        ], "May")
        #expect(may.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-05") == .minutes(-15))

        // Q2 holds the same entries as May; Q1 had Ann, Bob and Cat active, Q2 Bob and Cat: 2/3 kept.
        let q2 = try l.report(.quarter(2026, 2))
        expectFigures(q2.current, [
            "exchanges": 0, "minutes_exchanged": -15, "active_members": 2, "givers": 1, "receivers": 1,
            "connections": 1, "retention_rate": 2.0 / 3,
        ], "Q2")
        #expect(q2.current.value("exchanges", section: .byMonth, breakdown: "2026-04") == .count(0))
        #expect(q2.current.value("exchanges", section: .byMonth, breakdown: "2026-05") == .count(0))
        #expect(q2.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-05") == .minutes(-15))
        expectFigures(q2.previous, ["exchanges": 2, "minutes_exchanged": 90, "active_members": 3], "Q2's previous (Q1)")

        // The year holds original and reversal: the original does not stand at 31 December.
        // Entries: +60 -60 +30 +45, four entries of which one reversal: 1+1-1+1 = 2.
        expectFigures(try l.report(.year(2026)).current, [
            "exchanges": 2, "minutes_exchanged": 75, "active_members": 3, "givers": 2, "receivers": 2,
            "gave_and_received": 1, "connections": 2,
        ], "2026")

        // FY2025 (April 2025 to March 2026) is as Q1; FY2026 as Q2, with 2 of FY2025's 3 kept.
        expectFigures(try l.report(.financialYear(2025, startMonth: 4)).current, [
            "exchanges": 2, "minutes_exchanged": 90, "active_members": 3, "connections": 2,
        ], "FY2025")
        expectFigures(try l.report(.financialYear(2026, startMonth: 4)).current, [
            "exchanges": 0, "minutes_exchanged": -15, "active_members": 2, "retention_rate": 2.0 / 3,
        ], "FY2026")
        // 17 March to 9 June holds the reversal and Bob → Cat; the 85 days before it hold March's
        // two originals, standing on 16 March: Ann, Bob and Cat, of whom Bob and Cat are kept.
        let range = try l.report(.range(reportDay(3, 17), reportDay(6, 9)))
        expectFigures(range.current, [
            "exchanges": 0, "minutes_exchanged": -15, "active_members": 2, "givers": 1, "retention_rate": 2.0 / 3,
        ], "17 Mar-9 Jun")
        expectFigures(range.previous, ["exchanges": 2, "minutes_exchanged": 90, "active_members": 3], "the 85 days before")
    }

    // MARK: 2. A reversal dated inside the period

    @Test("An original reversed within the period makes no one active and nets to nothing; a period ending before the reversal counts it")
    func reversalInsideThePeriod() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let cat = try l.member("Cat Cooper"), dan = try l.member("Dan Dyer")
        let wrong = try l.give(ann, bob, 60, on: reportDay(3, 3))
        try l.reverse(wrong, on: reportDay(3, 20))
        try l.give(cat, dan, 30, on: reportDay(3, 15))

        for period in [ReportPeriod.month(2026, 3), .quarter(2026, 1), .year(2026)] {
            // +60 -60 +30; only Cat and Dan stand.
            expectFigures(try l.report(period).current, [
                "exchanges": 1, "minutes_exchanged": 30, "active_members": 2, "givers": 1, "receivers": 1,
                "gave_and_received": 0, "reciprocity_rate": 0, "reciprocity_balance": 0,
                "connections": 1, "new_connections": 1, "median_partners": 1,
            ], period?.code ?? "?")
        }
        // 1 to 10 March: the original is in, its reversal (20 March) is after the end.
        expectFigures(try l.report(.range(reportDay(3, 1), reportDay(3, 10))).current, [
            "exchanges": 1, "minutes_exchanged": 60, "active_members": 2, "connections": 1,
        ], "1-10 March")
        // 11 to 31 March: the reversal and Cat → Dan.
        expectFigures(try l.report(.range(reportDay(3, 11), reportDay(3, 31))).current, [
            "exchanges": 0, "minutes_exchanged": -30, "active_members": 2, "givers": 1,
        ], "11-31 March")
    }

    @Test("A period whose only exchange was reversed within it shows calm zeros and no rates")
    func onlyExchangeReversedInside() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let wrong = try l.give(ann, bob, 60, on: reportDay(3, 3))
        try l.reverse(wrong, on: reportDay(3, 20))
        for period in [ReportPeriod.month(2026, 3), .quarter(2026, 1)] {
            expectFigures(try l.report(period).current, [
                "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "givers": 0, "receivers": 0,
                "reciprocity_rate": nil, "reciprocity_balance": nil, "connections": 0, "new_connections": 0,
                "median_partners": nil,
            ], period?.code ?? "?")
        }
    }

    // MARK: 3. New connections when an earlier exchange of the pair was reversed

    @Test("A pair whose only earlier exchange was undone before the period's end is a new connection")
    func newConnectionAfterEarlierReversal() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let january = try l.give(ann, bob, 60, on: reportDay(1, 10))
        try l.reverse(january, on: reportDay(2, 5))
        try l.give(bob, ann, 30, on: reportDay(3, 10))

        // January: the reversal (5 February) is after January's end: a new connection then.
        expectFigures(try l.report(.month(2026, 1)).current, ["connections": 1, "new_connections": 1, "active_members": 2], "January")
        // February: only the reversal.
        expectFigures(try l.report(.month(2026, 2)).current, [
            "exchanges": -1, "minutes_exchanged": -60, "active_members": 0, "connections": 0, "new_connections": 0,
        ], "February")
        // March: January's exchange was undone before March ended, so this is the pair's first.
        expectFigures(try l.report(.month(2026, 3)).current, ["connections": 1, "new_connections": 1, "repeat_pairs": 0], "March")
        // Q1: January's was reversed inside Q1; only March's stands.
        expectFigures(try l.report(.quarter(2026, 1)).current, [
            "exchanges": 1, "minutes_exchanged": 30, "connections": 1, "new_connections": 1, "repeat_pairs": 0,
        ], "Q1")
    }

    @Test("A pair whose earlier exchange was reversed only after the period's end is not new in it")
    func notNewWhileEarlierExchangeStillStood() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let january = try l.give(ann, bob, 60, on: reportDay(1, 10))
        try l.give(bob, ann, 30, on: reportDay(3, 10))
        try l.reverse(january, on: reportDay(4, 5))
        try l.give(ann, bob, 20, on: reportDay(4, 20))

        // March: January's still stood on 31 March.
        expectFigures(try l.report(.month(2026, 3)).current, ["connections": 1, "new_connections": 0, "active_members": 2], "March")
        // Q1: both stood on 31 March: one pair, new in Q1, a repeat pair.
        expectFigures(try l.report(.quarter(2026, 1)).current, [
            "exchanges": 2, "minutes_exchanged": 90, "connections": 1, "new_connections": 1, "repeat_pairs": 1,
        ], "Q1")
        // April: the reversal (-1, -60) and Ann → Bob (+1, +20). The pair exchanged in March
        // (still standing), so it is not new.
        expectFigures(try l.report(.month(2026, 4)).current, [
            "exchanges": 0, "minutes_exchanged": -40, "active_members": 2, "connections": 1, "new_connections": 0,
            "repeat_pairs": 0,
        ], "April")
    }

    @Test("A pair is new in May when its earlier exchange was reversed in April, before May's end")
    func newAgainAfterReversalInAnEarlierMonth() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let january = try l.give(ann, bob, 60, on: reportDay(1, 10))
        try l.reverse(january, on: reportDay(4, 5))
        try l.give(bob, ann, 30, on: reportDay(5, 10))
        expectFigures(try l.report(.month(2026, 5)).current, ["connections": 1, "new_connections": 1], "May")
        // Q2 has the reversal and May's exchange: one pair, new.
        expectFigures(try l.report(.quarter(2026, 2)).current, [
            "exchanges": 0, "minutes_exchanged": -30, "connections": 1, "new_connections": 1,
        ], "Q2")
    }

    // MARK: 4. Repeat pairs

    @Test("Two exchanges of one pair in different months of a quarter are a repeat pair in the quarter only, in either direction")
    func repeatPairsAcrossMonths() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        try l.give(ann, bob, 60, on: reportDay(1, 10))
        try l.give(bob, ann, 30, on: reportDay(3, 10))        // the other direction: the same pair
        try l.give(cat, dan, 20, on: reportDay(2, 1))
        try l.give(cat, dan, 25, on: reportDay(2, 2))         // twice in one month
        try l.give(eve, fay, 15, on: reportDay(2, 2))
        let undone = try l.give(fay, eve, 15, on: reportDay(2, 3))
        try l.reverse(undone, on: reportDay(2, 4))           // reversed in February: not a second exchange

        for m in [1, 3] {
            expectFigures(try l.report(.month(2026, m)).current, ["connections": 1, "repeat_pairs": 0], "month \(m)")
        }
        expectFigures(try l.report(.month(2026, 2)).current, ["connections": 2, "repeat_pairs": 1], "February")
        // Q1: Ann-Bob (2), Cat-Dan (2), Eve-Fay (1 standing).
        expectFigures(try l.report(.quarter(2026, 1)).current, ["connections": 3, "repeat_pairs": 2, "new_connections": 3], "Q1")
        // 10 January to 9 March: Ann-Bob once (10 March is outside), Cat-Dan twice, Eve-Fay once.
        expectFigures(try l.report(.range(reportDay(1, 10), reportDay(3, 9))).current, ["connections": 3, "repeat_pairs": 1], "10 Jan-9 Mar")
    }
}
