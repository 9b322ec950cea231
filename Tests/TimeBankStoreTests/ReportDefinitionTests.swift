import Foundation
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// The tricky parts of the report definitions (issue #13), each on a small ledger built by hand.
/// Every expected value is worked out from the issue's words and written here as a literal; the
/// working is in the comments. A figure computed another way (a reversed original still counted,
/// a reversal making someone active, a pair counted in the wrong period) fails a test.
@Suite("Report figures follow the definitions on hand-built ledgers", .serialized)
struct ReportDefinitionTests {

    // MARK: 1. A reversal dated after the period's end

    @Test("An original reversed in a later month still counts in its own month; the reversal counts negative in its month and makes no one active")
    func reversalAfterThePeriod() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let wrong = try l.give(ann, bob, 60, on: d(3, 10))
        try l.give(cat, ann, 30, on: d(3, 12))
        try l.reverse(wrong, on: d(5, 5))
        try l.give(bob, cat, 45, on: d(5, 10))

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
        let range = try l.report(.range(d(3, 17), d(6, 9)))
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
        let wrong = try l.give(ann, bob, 60, on: d(3, 3))
        try l.reverse(wrong, on: d(3, 20))
        try l.give(cat, dan, 30, on: d(3, 15))

        for period in [ReportPeriod.month(2026, 3), .quarter(2026, 1), .year(2026)] {
            // +60 -60 +30; only Cat and Dan stand.
            expectFigures(try l.report(period).current, [
                "exchanges": 1, "minutes_exchanged": 30, "active_members": 2, "givers": 1, "receivers": 1,
                "gave_and_received": 0, "reciprocity_rate": 0, "reciprocity_balance": 0,
                "connections": 1, "new_connections": 1, "median_partners": 1,
            ], period?.code ?? "?")
        }
        // 1 to 10 March: the original is in, its reversal (20 March) is after the end.
        expectFigures(try l.report(.range(d(3, 1), d(3, 10))).current, [
            "exchanges": 1, "minutes_exchanged": 60, "active_members": 2, "connections": 1,
        ], "1-10 March")
        // 11 to 31 March: the reversal and Cat → Dan.
        expectFigures(try l.report(.range(d(3, 11), d(3, 31))).current, [
            "exchanges": 0, "minutes_exchanged": -30, "active_members": 2, "givers": 1,
        ], "11-31 March")
    }

    @Test("A period whose only exchange was reversed within it shows calm zeros and no rates")
    func onlyExchangeReversedInside() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let wrong = try l.give(ann, bob, 60, on: d(3, 3))
        try l.reverse(wrong, on: d(3, 20))
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
        let january = try l.give(ann, bob, 60, on: d(1, 10))
        try l.reverse(january, on: d(2, 5))
        try l.give(bob, ann, 30, on: d(3, 10))

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
        let january = try l.give(ann, bob, 60, on: d(1, 10))
        try l.give(bob, ann, 30, on: d(3, 10))
        try l.reverse(january, on: d(4, 5))
        try l.give(ann, bob, 20, on: d(4, 20))

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
        let january = try l.give(ann, bob, 60, on: d(1, 10))
        try l.reverse(january, on: d(4, 5))
        try l.give(bob, ann, 30, on: d(5, 10))
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
        try l.give(ann, bob, 60, on: d(1, 10))
        try l.give(bob, ann, 30, on: d(3, 10))        // the other direction: the same pair
        try l.give(cat, dan, 20, on: d(2, 1))
        try l.give(cat, dan, 25, on: d(2, 2))         // twice in one month
        try l.give(eve, fay, 15, on: d(2, 2))
        let undone = try l.give(fay, eve, 15, on: d(2, 3))
        try l.reverse(undone, on: d(2, 4))           // reversed in February: not a second exchange

        for m in [1, 3] {
            expectFigures(try l.report(.month(2026, m)).current, ["connections": 1, "repeat_pairs": 0], "month \(m)")
        }
        expectFigures(try l.report(.month(2026, 2)).current, ["connections": 2, "repeat_pairs": 1], "February")
        // Q1: Ann-Bob (2), Cat-Dan (2), Eve-Fay (1 standing).
        expectFigures(try l.report(.quarter(2026, 1)).current, ["connections": 3, "repeat_pairs": 2, "new_connections": 3], "Q1")
        // 10 January to 9 March: Ann-Bob once (10 March is outside), Cat-Dan twice, Eve-Fay once.
        expectFigures(try l.report(.range(d(1, 10), d(3, 9))).current, ["connections": 3, "repeat_pairs": 1], "10 Jan-9 Mar")
    }

    // MARK: 5. Reciprocity, partners and retention on six members

    /// February: Eve → Fay. March: Ann → Bob 60, Bob → Cat 30, Dan → Ann 90.
    /// April: Ann → Bob 120, Bob → Ann 60, Cat → Eve 30, Ann → Cat 30. May: Gil (joined May) → Ann 30.
    func sixMembers() throws -> ReportLedger {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        let gil = try l.member("Gil Green", joined: d(5, 1))
        try l.give(eve, fay, 60, on: d(2, 10))
        try l.give(ann, bob, 60, on: d(3, 5))
        try l.give(bob, cat, 30, on: d(3, 8))
        try l.give(dan, ann, 90, on: d(3, 20))
        try l.give(ann, bob, 120, on: d(4, 2))
        try l.give(bob, ann, 60, on: d(4, 9))
        try l.give(cat, eve, 30, on: d(4, 15))
        try l.give(ann, cat, 30, on: d(4, 20))
        try l.give(gil, ann, 30, on: d(5, 3))
        return l
    }

    @Test("Month: reciprocity balance, both, partners, connections and retention, with the previous month")
    func reciprocityAndRetentionForAMonth() throws {
        let april = try sixMembers().report(.month(2026, 4))
        // April: Ann gave 150, got 60 → 90/210 = 3/7; Bob gave 60, got 120 → 1/3; Cat 30/30 → 0;
        // Eve got 30 → 1. Balance 1 - (3/7 + 1/3 + 0 + 1)/4 = 47/84.
        // Partners: Ann {Bob, Cat} 2, Bob 1, Cat {Eve, Ann} 2, Eve 1: median 1.5.
        // Pairs Ann-Bob (twice; met in March: not new), Cat-Eve, Ann-Cat (new).
        // Retention: March had Ann, Bob, Cat, Dan; April keeps Ann, Bob, Cat: 3/4.
        expectFigures(april.current, [
            "exchanges": 4, "minutes_exchanged": 240, "active_members": 4, "givers": 3, "receivers": 4,
            "gave_and_received": 3, "reciprocity_rate": 0.75, "reciprocity_balance": 47.0 / 84,
            "connections": 3, "new_connections": 2, "repeat_pairs": 1, "median_partners": 1.5, "retention_rate": 0.75,
        ], "April")
        // March: Ann gave 60, got 90 → 30/150 = 1/5; Bob gave 30, got 60 → 1/3; Cat, Dan one-way → 1.
        // Balance 1 - (1/5 + 1/3 + 2)/4 = 11/30. Both: Ann and Bob. Partners: Ann {Bob, Dan},
        // Bob {Ann, Cat}, Cat 1, Dan 1: median 1.5. February had Eve and Fay; none active in March: 0.
        expectFigures(april.previous, [
            "exchanges": 3, "minutes_exchanged": 180, "active_members": 4, "givers": 3, "receivers": 3,
            "gave_and_received": 2, "reciprocity_rate": 0.5, "reciprocity_balance": 11.0 / 30,
            "connections": 3, "new_connections": 3, "repeat_pairs": 0, "median_partners": 1.5, "retention_rate": 0,
        ], "March")
        // April 2025: nothing.
        expectFigures(april.yearBefore, ["exchanges": 0, "active_members": 0, "retention_rate": nil], "April 2025")
    }

    @Test("Quarter: reciprocity balance, both, partners, connections and retention, with the previous quarter")
    func reciprocityAndRetentionForAQuarter() throws {
        let q2 = try sixMembers().report(.quarter(2026, 2))
        // Q2: Ann gave 150, got 90 → 60/240 = 1/4; Bob 1/3; Cat 0; Eve 1; Gil gave 30 → 1.
        // Balance 1 - (1/4 + 1/3 + 0 + 1 + 1)/5 = 29/60. Both: Ann, Bob, Cat.
        // Partners: Ann {Bob, Cat, Gil} 3, Bob 1, Cat 2, Eve 1, Gil 1: median 1.
        // Pairs: Ann-Bob (met in March), Cat-Eve, Ann-Cat, Ann-Gil: 4, 3 new, 1 repeat.
        // Retention: Q1 had all six of Ann..Fay; Q2 keeps Ann, Bob, Cat, Eve (Gil is new): 4/6.
        expectFigures(q2.current, [
            "exchanges": 5, "minutes_exchanged": 270, "active_members": 5, "givers": 4, "receivers": 4,
            "gave_and_received": 3, "reciprocity_rate": 0.6, "reciprocity_balance": 29.0 / 60,
            "connections": 4, "new_connections": 3, "repeat_pairs": 1, "median_partners": 1, "retention_rate": 4.0 / 6,
            "new_members": 1,
        ], "Q2")
        // Q1: six active; Ann and Bob both gave and received. Pairs Eve-Fay, Ann-Bob, Bob-Cat,
        // Ann-Dan. Partners: Ann 2, Bob 2, Cat 1, Dan 1, Eve 1, Fay 1: median 1.
        // Balance: Ann 1/5, Bob 1/3, four one-way members 1 each: 1 - (1/5 + 1/3 + 4)/6 = 11/45.
        // Q4 2025 had no one: retention has nothing to divide by.
        expectFigures(q2.previous, [
            "exchanges": 4, "minutes_exchanged": 240, "active_members": 6, "givers": 4, "receivers": 4,
            "gave_and_received": 2, "reciprocity_rate": 2.0 / 6, "reciprocity_balance": 11.0 / 45,
            "connections": 4, "new_connections": 4, "repeat_pairs": 0, "median_partners": 1, "retention_rate": nil,
            "new_members": 0,
        ], "Q1")
    }
}

// MARK: 5, continued: the year and the financial year

extension ReportDefinitionTests {
    @Test("Year and financial year: reciprocity balance, both, partners, connections and retention")
    func reciprocityAndRetentionForAYear() throws {
        let l = try sixMembers()
        // 2026, all nine entries. Given/received: Ann 210/180 → 30/390 = 1/13; Bob 90/180 → 1/3;
        // Cat 30/60 → 1/3; Eve 60/30 → 1/3; Dan, Fay, Gil one-way → 1. Balance 1 - (53/13)/7 = 38/91.
        // Both: Ann, Bob, Cat, Eve. Pairs: Eve-Fay, Ann-Bob (three times), Bob-Cat, Ann-Dan, Cat-Eve,
        // Ann-Cat, Ann-Gil. Partners: Ann 4, Cat 3, Bob 2, Eve 2, Dan 1, Fay 1, Gil 1: median 2.
        let year = try l.report(.year(2026))
        expectFigures(year.current, [
            "exchanges": 9, "minutes_exchanged": 510, "active_members": 7, "givers": 6, "receivers": 5,
            "gave_and_received": 4, "reciprocity_rate": 4.0 / 7, "reciprocity_balance": 38.0 / 91,
            "connections": 7, "new_connections": 7, "repeat_pairs": 1, "median_partners": 2, "retention_rate": nil,
            "new_members": 1,
        ], "2026")
        expectFigures(year.previous, ["exchanges": 0, "active_members": 0], "2025")
        // FY2026 (April 2026 to March 2027) holds what Q2 holds; FY2025 (to March 2026) had
        // Ann to Fay active, of whom Ann, Bob, Cat and Eve are again: 4/6.
        let fy = try l.report(.financialYear(2026, startMonth: 4))
        expectFigures(fy.current, [
            "exchanges": 5, "minutes_exchanged": 270, "active_members": 5, "gave_and_received": 3,
            "reciprocity_balance": 29.0 / 60, "connections": 4, "new_connections": 3, "median_partners": 1,
            "retention_rate": 4.0 / 6,
        ], "FY2026")
        expectFigures(fy.previous, ["exchanges": 4, "minutes_exchanged": 240, "active_members": 6], "FY2025")
    }
}

// MARK: 6. Milestones of lifetime hours given

extension ReportDefinitionTests {
    func milestones(_ r: Report) -> (ReportValue?, [String]) {
        (r.current.value("milestone_members", breakdown: "10h"), r.current.namedMilestones.map { "\($0.number) \($0.name) \($0.hours)h" })
    }

    @Test("A backdated entry moves a 10-hour milestone to its earlier month, a reversal moves it back, and only consenting members are named")
    func milestoneCrossings() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        let cat = try l.member("Cat Cooper", named: false)
        try l.give(ann, bob, 540, on: d(2, 10))   // Ann 9:00
        let april = try l.give(ann, bob, 90, on: d(4, 10))    // Ann 9:00 → 10:30 in April
        try l.give(cat, bob, 600, on: d(4, 12))   // Cat 0 → 10:00 exactly in April

        #expect(milestones(try l.report(.month(2026, 3))) == (.people(0), []))
        var (count, named) = milestones(try l.report(.month(2026, 4)))
        #expect(count == .people(2) && count?.isSuppressed == true && count?.data == "<5")
        #expect(named == ["\(ann) Ann Archer 10h"])   // Cat did not agree to be named
        #expect(try l.report(.month(2026, 4)).current.value("milestone_members", breakdown: "25h") == .people(0))

        // An hour of March recorded late: Ann reaches 10:00 on 15 March, so April is no crossing for her.
        let late = try l.give(ann, bob, 60, on: d(3, 15))
        #expect(milestones(try l.report(.month(2026, 3))) == (.people(1), ["\(ann) Ann Archer 10h"]))
        (count, named) = milestones(try l.report(.month(2026, 4)))
        #expect(count == .people(1) && named.isEmpty)
        // Q1 and Q2 likewise; the year has each member once.
        #expect(milestones(try l.report(.quarter(2026, 1))).0 == .people(1))
        #expect(milestones(try l.report(.quarter(2026, 2))).0 == .people(1))
        #expect(milestones(try l.report(.year(2026))).0 == .people(2))

        // The late hour reversed in March: Ann is back at 9:00 on 31 March and crosses in April again.
        try l.reverse(late, on: d(3, 20))
        #expect(milestones(try l.report(.month(2026, 3))) == (.people(0), []))
        #expect(milestones(try l.report(.month(2026, 4))) == (.people(2), ["\(ann) Ann Archer 10h"]))

        // April's 1:30 reversed in May: April stays as it was; May only takes away (9:00), no crossing.
        try l.reverse(april, on: d(5, 5))
        #expect(milestones(try l.report(.month(2026, 4))) == (.people(2), ["\(ann) Ann Archer 10h"]))
        #expect(milestones(try l.report(.month(2026, 5))) == (.people(0), []))
        // An hour in June takes her from 9:00 to 10:00: lifetime giving passes 10 hours in June.
        try l.give(ann, bob, 60, on: d(6, 1))
        #expect(milestones(try l.report(.month(2026, 6))) == (.people(1), ["\(ann) Ann Archer 10h"]))
    }

    // MARK: 7. The pot, opening balances and group activities

    @Test("Pot grants and donations are reported apart, never as exchanges, hours or activity; a class's shares are exchanges")
    func potAndGroupActivities() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        let grant = try l.give(.member(eve), .pot, 120, on: d(3, 2))    // the pot credits Eve 2:00
        try l.give(.pot, .member(fay), 30, on: d(3, 3))                // Fay gives 0:30 to the pot
        let undone = try l.give(.member(cat), .pot, 60, on: d(3, 4))
        try l.reverse(undone, on: d(3, 6))
        // Ann leads a class of three for 100 minutes: 33 each, the 1-minute remainder from the pot.
        let lesson = try GroupActivity.oneToMany(leader: .member(ann), attendees: [.member(bob), .member(cat), .member(dan)],
                                                 leaderMinutes: 100, date: d(3, 10), categoryCode: nil, description: "Yoga")
        _ = try l.store.recordGroup(lesson, by: l.broker, acceptCreditLimit: true)
        try l.give(ann, bob, 45, on: d(3, 12))

        // Exchanges between members: 33 × 3 + 45. Active: Ann, Bob, Cat, Dan (not Eve nor Fay).
        // Granted: 120 + 60 - 60 + 1 = 121. Donated: 30.
        let march = try l.report(.month(2026, 3))
        expectFigures(march.current, [
            "exchanges": 4, "minutes_exchanged": 144, "active_members": 4, "givers": 1, "receivers": 3,
            "connections": 3, "pot_granted_minutes": 121, "pot_donated_minutes": 30,
        ], "March")
        #expect(march.current.value("minutes_exchanged", section: .byMonth, breakdown: "2026-03") == .minutes(144))

        // Eve's grant reversed in April: -120 granted, nothing else.
        try l.reverse(grant, on: d(4, 2))
        expectFigures(try l.report(.month(2026, 4)).current, [
            "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "pot_granted_minutes": -120, "pot_donated_minutes": 0,
        ], "April")
        expectFigures(try l.report(.year(2026)).current, [
            "exchanges": 4, "minutes_exchanged": 144, "active_members": 4, "pot_granted_minutes": 1, "pot_donated_minutes": 30,
        ], "2026")
    }

    @Test("Opening balances brought in by an import are neither exchanges, hours, activity nor pot figures")
    func openingBalances() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let before = try l.store.balance(.member(ann)).balanceMinutes
        let file = try ImportFile.read(bytes: Array("member,balance_minutes\n\(ann),1800\n\(bob),-75\n".utf8), kind: .balances, format: .timebank)
        let outcome = try l.store.importRows(file, kind: .balances, source: "balances.csv", commit: true, by: l.broker)
        #expect(outcome.committed)
        #expect(try l.store.balance(.member(ann)).balanceMinutes == before + 1800)
        // Opening balances are dated the day of the import.
        let now = CalendarDate.today()
        for period in [ReportPeriod.month(now.year, now.month), .year(now.year)] {
            expectFigures(try l.report(period).current, [
                "exchanges": 0, "minutes_exchanged": 0, "active_members": 0, "givers": 0, "connections": 0,
                "pot_granted_minutes": 0, "pot_donated_minutes": 0,
            ], period?.code ?? "?")
        }
    }

    // MARK: 8. Organisations, came through a service, area and member kind

    @Test("People helped by organisations, hours of members who came through a service, and breakdowns by area and kind")
    func coProductionAndBreakdowns() throws {
        let l = try ReportLedger()
        let surgery = try l.member("Riverside Surgery", kind: .organisation, area: "North")
        let pia = try l.member("Pia Price", area: "North", cameThrough: .gpOrSocialPrescriber)
        let quinn = try l.member("Quinn Quayle", area: "South", cameThrough: .friendOrFamily)
        let ros = try l.member("Ros Reed", area: "South", cameThrough: .housing)
        try l.give(surgery, pia, 60, on: d(4, 2))
        try l.give(surgery, quinn, 30, on: d(4, 3))
        try l.give(surgery, pia, 30, on: d(4, 4))
        let undone = try l.give(surgery, ros, 45, on: d(4, 5))
        try l.reverse(undone, on: d(4, 6))
        try l.give(pia, quinn, 90, on: d(4, 10))
        try l.give(quinn, surgery, 20, on: d(4, 12))
        try l.give(pia, ros, 15, on: d(4, 14))

        // Helped by the surgery: Pia and Quinn (Ros's was reversed). The surgery gave
        // 60 + 30 + 30 + 45 - 45 = 120 and received 20. Came through a service: Pia (GP) gave
        // 90 + 15 and received 90; Ros (housing) received 45 - 45 + 15. Quinn came through a friend.
        let april = try l.report(.month(2026, 4)).current
        expectFigures(april, ["exchanges": 6, "minutes_exchanged": 245, "active_members": 4], "April")
        #expect(april.value("people_helped_by_organisations") == .count(2))
        #expect(april.value("organisation_minutes_given") == .minutes(120))
        #expect(april.value("organisation_minutes_received") == .minutes(20))
        #expect(april.value("minutes_given_by_came_through_service") == .minutes(105))
        #expect(april.value("minutes_received_by_came_through_service") == .minutes(105))
        #expect(april.value("active_came_through_service") == .count(2))

        // North: the surgery and Pia gave 120 + 105, received 20 + 90. South: Quinn and Ros gave
        // 20, received 30 + 90 and 15. Two people in each area: shown as <5.
        let north = april.value("active_members", section: .byArea, breakdown: "North")
        #expect(north == .people(2) && north?.number == nil && north?.data == "<5")
        #expect(april.value("minutes_given", section: .byArea, breakdown: "North") == .minutes(225))
        #expect(april.value("minutes_received", section: .byArea, breakdown: "North") == .minutes(110))
        #expect(april.value("active_members", section: .byArea, breakdown: "South") == .people(2))
        #expect(april.value("minutes_given", section: .byArea, breakdown: "South") == .minutes(20))
        #expect(april.value("minutes_received", section: .byArea, breakdown: "South") == .minutes(135))
        #expect(april.value("active_members", section: .byMemberKind, breakdown: "organisation") == .people(1))
        #expect(april.value("minutes_given", section: .byMemberKind, breakdown: "organisation") == .minutes(120))
        #expect(april.value("minutes_received", section: .byMemberKind, breakdown: "organisation") == .minutes(20))
        #expect(april.value("active_members", section: .byMemberKind, breakdown: "person") == .people(3))
        #expect(april.value("minutes_given", section: .byMemberKind, breakdown: "person") == .minutes(125))
        #expect(april.value("minutes_received", section: .byMemberKind, breakdown: "person") == .minutes(225))
        // Demographics of the four active: one each came through a GP, a friend, housing, and not given.
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "gp-or-social-prescriber") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "friend-or-family") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "housing") == .people(1))
        #expect(april.value("active_members_by_came_through", section: .demographics, breakdown: "(not given)") == .people(1))

        // May: five people of the South active: a count of five is shown.
        let sam = try l.member("Sam Shaw", area: "South"), tia = try l.member("Tia Tran", area: "South")
        let uma = try l.member("Uma Underwood", area: "South")
        try l.give(quinn, ros, 10, on: d(5, 2))
        try l.give(sam, tia, 10, on: d(5, 3))
        try l.give(uma, quinn, 10, on: d(5, 4))
        let may = try l.report(.month(2026, 5)).current
        let south = may.value("active_members", section: .byArea, breakdown: "South")
        #expect(south == .people(5) && south?.number == 5 && south?.data == "5")
        #expect(may.value("minutes_given", section: .byArea, breakdown: "South") == .minutes(30))
        #expect(may.value("people_helped_by_organisations") == .count(0))
        #expect(may.value("minutes_received_by_came_through_service") == .minutes(10))   // Ros
    }

    // MARK: 9. Safeguarding

    @Test("Exchanges on needs asking for a vetted helper count, and those whose helper was vetted on the day of service")
    func safeguarding() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), mo = try l.member("Mo Moss", status: .active)
        let val = try l.member("Val Vetted", status: .active), wes = try l.member("Wes Lapsed", status: .active)
        let refs = [VettingReference(referee: "A", received: d(1, 5)), VettingReference(referee: "B", received: d(1, 6))]
        try l.store.saveVetting(member: val, Vetting(references: refs, idSeen: d(1, 7), induction: d(1, 8), review: d(6, 1, 2027)), by: l.broker)
        try l.store.saveVetting(member: wes, Vetting(references: refs, idSeen: d(1, 7), induction: d(1, 8), review: d(4, 30)), by: l.broker)
        let category = try #require(try l.store.categories().first).id
        let vettedNeed = try l.store.addNeed(Need(member: nia, categoryID: category, title: "Bathing", needsVettedHelper: true,
                                                  created: d(4, 1)), by: l.broker).id
        let plainNeed = try l.store.addNeed(Need(member: mo, categoryID: category, title: "Shelves", created: d(4, 1)), by: l.broker).id
        func referral(_ need: Int, _ helper: Int) throws -> Int {
            let r = try l.store.proposeSomeoneElse(need: need, helper: helper, offer: nil, by: l.broker, today: d(4, 1))
            _ = try l.store.move(referral: r.id, to: .agreed, by: l.broker)
            return r.id
        }
        let toVal = try referral(vettedNeed, val), toWes = try referral(vettedNeed, wes), plain = try referral(plainNeed, val)
        try l.give(val, nia, 60, on: d(5, 5), referral: toVal)      // vetted need, helper vetted
        try l.give(wes, nia, 30, on: d(5, 10), referral: toWes)     // vetted need, Wes's review was due 30 April
        let undone = try l.give(val, nia, 45, on: d(5, 12), referral: toVal)
        try l.reverse(undone, on: d(5, 13))                         // reversed: not counted
        try l.give(val, mo, 20, on: d(5, 15), referral: plain)      // a need that did not ask

        for period in [ReportPeriod.month(2026, 5), .quarter(2026, 2)] {
            let f = try l.report(period).current
            #expect(f.value("vetted_need_exchanges") == .count(2), "\(period?.code ?? "?")")
            #expect(f.value("vetted_need_exchanges_helper_vetted") == .count(1), "\(period?.code ?? "?")")
        }
        // Wes's review (30 April) is overdue at the end of May, not yet at the end of April.
        #expect(try l.report(.month(2026, 5)).current.value("vetting_reviews_overdue") == .count(1))
        #expect(try l.report(.month(2026, 4)).current.value("vetting_reviews_overdue") == .count(0))
        #expect(try l.report(.month(2026, 4)).current.value("vetted_need_exchanges") == .count(0))
    }

    // MARK: 10. Nothing to report

    @Test("An empty time bank, a month without exchanges and a future year give calm zeros and no rates")
    func calmZeros() throws {
        let empty = try ReportLedger()
        for period in [ReportPeriod.month(2026, 4), .quarter(2026, 2), .year(2026), .financialYear(2026, startMonth: 4),
                       .range(d(3, 17), d(6, 9))] {
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
        try l.give(ann, bob, 60, on: d(3, 10))
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
        try l.give(ann, bob, 60, on: d(3, 16))                  // the day before
        try l.give(ann, bob, 30, on: d(3, 17))                  // the first day
        try l.give(bob, cat, 45, on: d(3, 31))
        try l.give(cat, dan, 20, on: d(4, 9))                   // the last day
        try l.give(dan, ann, 15, on: d(4, 10))                  // the day after
        let later = try l.give(eve, fay, 50, on: d(3, 20))
        try l.reverse(later, on: d(4, 10))                      // reversed after the range: stands in it
        let inside = try l.give(ann, cat, 40, on: d(4, 1))
        try l.reverse(inside, on: d(4, 5))                      // reversed within: +1 -1
        let earlier = try l.give(bob, ann, 25, on: d(3, 1))
        try l.reverse(earlier, on: d(3, 18))                    // only the reversal is in the range

        // Entries of 17 March to 9 April: +30 +45 +20 +50 +40 -40 -25: seven entries, two reversals.
        // Standing: Ann→Bob, Bob→Cat, Cat→Dan, Eve→Fay. Ann-Bob met on 16 March: 3 new pairs.
        // Balance: Ann 1, Bob 15/75, Cat 25/65, Dan 1, Eve 1, Fay 1: 1 - (4 + 1/5 + 5/13)/6 = 46/195.
        // Partners: Bob 2, Cat 2, the others 1: median 1.
        let r = try l.report(.range(d(3, 17), d(4, 9)))
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
        #expect(r.previous?.period == ReportPeriod.range(d(2, 21), d(3, 16)))
        expectFigures(r.previous, [
            "exchanges": 2, "minutes_exchanged": 85, "active_members": 2, "gave_and_received": 2,
            "connections": 1, "repeat_pairs": 1,
        ], "21 Feb-16 Mar")
    }
}

// MARK: New members and activation

extension ReportDefinitionTests {
    @Test("Activation counts members who joined in the period with a standing first exchange within 90 days; recent joiners are too soon to tell")
    func activation() throws {
        let l = try ReportLedger()
        let oak = try l.member("Old Oak")
        let quick = try l.member("Quick Quill", joined: d(1, 5))    // first exchange 10 days after joining
        let slow = try l.member("Slow Sloe", joined: d(1, 10))      // first exchange 100 days after joining
        _ = try l.member("Never Nye", joined: d(1, 20))             // no exchange
        let undone = try l.member("Undone Ure", joined: d(1, 2))    // first exchange reversed; the next 50 days after joining
        _ = try l.member("Recent Rae", joined: d(11, 1))            // 19 days before the report's today, 20 November
        try l.give(quick, oak, 60, on: d(1, 15))
        try l.give(oak, slow, 60, on: d(4, 20))
        let wrong = try l.give(undone, oak, 30, on: d(1, 20))
        try l.reverse(wrong, on: d(1, 25))
        try l.give(oak, undone, 30, on: d(2, 21))

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
}

// MARK: Milestones in a range of days, and categories with reversals

extension ReportDefinitionTests {
    @Test("A range starting mid-month counts the days of its first month before it, reversals included, as lifetime giving before it")
    func milestoneInARangeStartingMidMonth() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer", named: true), bob = try l.member("Bob Baker")
        try l.give(ann, bob, 300, on: d(2, 10))
        try l.give(ann, bob, 240, on: d(3, 5))
        let wrong = try l.give(ann, bob, 60, on: d(3, 8))
        try l.reverse(wrong, on: d(3, 12))
        try l.give(ann, bob, 60, on: d(3, 20))
        func tenHours(_ first: CalendarDate, _ last: CalendarDate) throws -> ReportValue? {
            try l.report(.range(first, last)).current.value("milestone_members", breakdown: "10h")
        }
        // Before 17 March: 300 + 240 + 60 - 60 = 540 (9:00); the 60 of 20 March reaches 10:00.
        #expect(try tenHours(d(3, 17), d(4, 9)) == .people(1))
        #expect(try l.report(.range(d(3, 17), d(4, 9))).current.namedMilestones.map(\.number) == [ann])
        // Before 13 March: the same 540.
        #expect(try tenHours(d(3, 13), d(3, 31)) == .people(1))
        // Before 9 March: 600 already (the reversal is on the 12th); in the range -60 + 60 = 0: no crossing.
        #expect(try tenHours(d(3, 9), d(3, 31)) == .people(0))
        // 1 to 10 March: 240 + 60 from 300 reaches 600 on the 8th.
        #expect(try tenHours(d(3, 1), d(3, 10)) == .people(1))
        // The whole of March: 300 → 540 + 60 - 60 + 60 = 600.
        #expect(try tenHours(d(3, 1), d(3, 31)) == .people(1))
        #expect(try l.report(.month(2026, 3)).current.value("milestone_members", breakdown: "10h") == .people(1))
    }

    @Test("A reversal keeps its original's category: negative under it in the reversal's month, netting to zero in the year")
    func categoriesWithReversals() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let categories = try l.store.categories()
        let garden = try #require(categories.first)
        let other = try #require(categories.first { $0.group != garden.group })
        let wrong = try l.give(ann, bob, 60, on: d(3, 2), category: garden.code)
        try l.give(bob, cat, 30, on: d(3, 3), category: other.code)
        try l.give(cat, ann, 20, on: d(3, 4))
        try l.reverse(wrong, on: d(4, 2))

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

// MARK: New connections when earlier pairs are many

extension ReportDefinitionTests {
    @Test("New connections are the same whether the period's pairs are few or many beside the pairs that exchanged before it")
    func newConnectionsBesideManyEarlierPairs() throws {
        let l = try ReportLedger()
        var m: [Int] = []
        for name in ["Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gil", "Hal", "Ivy"] { m.append(try l.member(name + " Member")) }
        let newcomer = try l.member("Jo Newcomer")
        // January: every pair of the nine exchanges once: 36 pairs.
        var january: [String: UUID] = [:]
        for i in 0..<m.count {
            for j in (i + 1)..<m.count { january["\(i)-\(j)"] = try l.give(m[i], m[j], 10, on: d(1, 1 + i)) }
        }
        try l.reverse(try #require(january["2-3"]), on: d(2, 1))   // Cat-Dan undone in February
        try l.reverse(try #require(january["4-5"]), on: d(6, 1))   // Eve-Fay undone only in June

        expectFigures(try l.report(.month(2026, 1)).current, ["connections": 36, "new_connections": 36], "January")
        // March: Ann-Bob again (met in January: not new) and Jo-Ann (new).
        try l.give(m[1], m[0], 10, on: d(3, 3))
        try l.give(newcomer, m[0], 10, on: d(3, 4))
        expectFigures(try l.report(.month(2026, 3)).current, ["connections": 2, "new_connections": 1], "March")
        // April: Cat-Dan (January's undone in February: new) and Ann-Bob (not new).
        try l.give(m[3], m[2], 10, on: d(4, 3))
        try l.give(m[0], m[1], 10, on: d(4, 4))
        expectFigures(try l.report(.month(2026, 4)).current, ["connections": 2, "new_connections": 1], "April")
        // May: Eve-Fay, whose January exchange still stood on 31 May: not new.
        try l.give(m[5], m[4], 10, on: d(5, 5))
        expectFigures(try l.report(.month(2026, 5)).current, ["connections": 1, "new_connections": 0], "May")
        // Q2: Cat-Dan (new), Ann-Bob (not), Eve-Fay (its January exchange was undone on 1 June,
        // within Q2: new).
        expectFigures(try l.report(.quarter(2026, 2)).current, ["connections": 3, "new_connections": 2, "repeat_pairs": 0], "Q2")
        // The year: 36 January pairs (Cat-Dan and Eve-Fay stand again from April and May) and Jo-Ann.
        // Only Ann-Bob has two or more standing exchanges (January, March, April): the January
        // exchanges of Cat-Dan and Eve-Fay were undone within the year.
        expectFigures(try l.report(.year(2026)).current, ["connections": 37, "new_connections": 37, "repeat_pairs": 1], "2026")
    }
}

// MARK: A closed month stays as it was

extension ReportDefinitionTests {
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
        let cat = try l.member("Cat Cooper", joined: d(3, 1)), dan = try l.member("Dan Dyer")
        let big = try l.give(ann, bob, 600, on: d(3, 2))           // Ann passes 10 hours in March
        try l.give(cat, ann, 30, on: d(3, 5))                      // Cat's first exchange, 4 days after joining
        let pair = try l.give(bob, dan, 45, on: d(3, 9))
        try l.give(.member(dan), .pot, 60, on: d(3, 10))
        let before = try marchRows(l)
        #expect(before.contains("headline activation_rate  1.0000"))
        #expect(before.contains("\(ann) 10"))
        // Later: March's entries reversed in May, new exchanges and pot entries in May and June.
        try l.reverse(big, on: d(5, 2))
        try l.reverse(pair, on: d(5, 3))
        try l.give(bob, dan, 45, on: d(5, 4))
        try l.give(dan, bob, 15, on: d(6, 1))
        try l.give(.pot, .member(bob), 30, on: d(6, 2))
        let after = try marchRows(l)
        #expect(after.filter { !before.contains($0) } == [], "changed from: \(before.filter { !after.contains($0) })")
        #expect(after.count == before.count)
    }

    @Test("March's activation stays once its joiners' 90 days are over, whatever is reversed later")
    func activationOfAClosedMonth() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer")
        let cat = try l.member("Cat Cooper", joined: d(3, 1))
        let first = try l.give(cat, ann, 30, on: d(3, 5))          // Cat's first exchange, 4 days after joining
        let before = try marchRows(l)
        #expect(before.contains("headline activation_rate  1.0000"))
        #expect(before.contains("headline median_days_to_first_exchange  4.0"))
        // Cat's 90 days ended on 30 May; on 15 July her March exchange is found entered in error.
        try l.reverse(first, on: d(7, 15))
        // The issue: "a report of a closed month is byte-identical before and after more exchanges
        // and reversals are recorded in later months". Today the first exchange is the first original
        // never reversed (report_member_first), whenever the reversal is dated, so March's activation
        // becomes 0 and its median days none.
        let after = try marchRows(l)
        withKnownIssue("activation reads the first original never reversed, not one standing at the end of the 90 days") {
            #expect(after == before)
        }
    }
}

// MARK: Safeguarding: vetting completed only after the day of service

extension ReportDefinitionTests {
    @Test("A helper whose induction came after the day of service was not vetted on that day")
    func vettingCompletedAfterTheDayOfService() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), val = try l.member("Val Late", status: .active)
        let refs = [VettingReference(referee: "A", received: d(1, 5)), VettingReference(referee: "B", received: d(1, 6))]
        // Every step done, the last (induction) on 1 June; review in 2027.
        try l.store.saveVetting(member: val, Vetting(references: refs, idSeen: d(1, 7), induction: d(6, 1), review: d(6, 1, 2027)),
                                by: l.broker)
        let category = try #require(try l.store.categories().first).id
        let need = try l.store.addNeed(Need(member: nia, categoryID: category, title: "Bathing", needsVettedHelper: true,
                                            created: d(4, 1)), by: l.broker).id
        let referral = try l.store.proposeSomeoneElse(need: need, helper: val, offer: nil, by: l.broker, today: d(4, 1))
        _ = try l.store.move(referral: referral.id, to: .agreed, by: l.broker)
        try l.give(val, nia, 60, on: d(5, 5), referral: referral.id)   // 5 May: Val's induction is still to come
        try l.give(val, nia, 60, on: d(6, 5), referral: referral.id)   // 5 June: Val is vetted

        let may = try l.report(.month(2026, 5)).current
        #expect(may.value("vetted_need_exchanges") == .count(1))
        let june = try l.report(.month(2026, 6)).current
        #expect(june.value("vetted_need_exchanges") == .count(1))
        #expect(june.value("vetted_need_exchanges_helper_vetted") == .count(1))
        // The definition: "where the helper's vetting was complete on the date of service". Today
        // the report reads whether the vetting is complete now and its review not passed on the day.
        withKnownIssue("helper_vetted reads the vetting as it is now, not as it stood on the day of service") {
            #expect(may.value("vetted_need_exchanges_helper_vetted") == .count(0))
        }
    }
}

// MARK: Reciprocity counts standing originals, not reversals of earlier months

extension ReportDefinitionTests {
    @Test("Given and received for reciprocity are the period's standing originals: a reversal of an earlier month's exchange takes nothing from them")
    func reciprocityIgnoresReversalsOfEarlierMonths() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let february = try l.give(ann, bob, 60, on: d(2, 10))
        try l.reverse(february, on: d(3, 3))
        try l.give(ann, bob, 30, on: d(3, 5))
        try l.give(bob, ann, 10, on: d(3, 6))

        // March: entries -60 +30 +10 (three, one a reversal). Standing originals: Ann gave 30 and got
        // 10 (20/40 = 1/2), Bob the reverse (1/2): balance 1/2. The February exchange was undone
        // before March ended, so the pair is new in March; two standing exchanges: a repeat pair.
        expectFigures(try l.report(.month(2026, 3)).current, [
            "exchanges": 1, "minutes_exchanged": -20, "active_members": 2, "gave_and_received": 2, "reciprocity_rate": 1,
            "reciprocity_balance": 0.5, "connections": 1, "new_connections": 1, "repeat_pairs": 1, "median_partners": 1,
        ], "March")
        // Q1: +60 -60 +30 +10; the same standing originals.
        expectFigures(try l.report(.quarter(2026, 1)).current, [
            "exchanges": 2, "minutes_exchanged": 40, "active_members": 2, "reciprocity_balance": 0.5,
            "connections": 1, "new_connections": 1, "repeat_pairs": 1,
        ], "Q1")
        // February: the original stood on 28 February: Ann only gave, Bob only received.
        expectFigures(try l.report(.month(2026, 2)).current, [
            "exchanges": 1, "minutes_exchanged": 60, "active_members": 2, "gave_and_received": 0, "reciprocity_balance": 0,
        ], "February")
    }
}
