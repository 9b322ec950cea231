import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #13: reciprocity balance, both, partners, connections and retention on a ledger of
/// six members (and a seventh who joins in May), worked by hand for a month, a quarter, a year
/// and a financial year, each beside its previous period.
extension ReportDefinitionTests {
    // MARK: 5. Reciprocity, partners and retention on six members

    /// February: Eve → Fay. March: Ann → Bob 60, Bob → Cat 30, Dan → Ann 90.
    /// April: Ann → Bob 120, Bob → Ann 60, Cat → Eve 30, Ann → Cat 30. May: Gil (joined May) → Ann 30.
    func sixMembers() throws -> ReportLedger {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker"), cat = try l.member("Cat Cooper")
        let dan = try l.member("Dan Dyer"), eve = try l.member("Eve Evans"), fay = try l.member("Fay Fox")
        let gil = try l.member("Gil Green", joined: reportDay(5, 1))
        try l.give(eve, fay, 60, on: reportDay(2, 10))
        try l.give(ann, bob, 60, on: reportDay(3, 5))
        try l.give(bob, cat, 30, on: reportDay(3, 8))
        try l.give(dan, ann, 90, on: reportDay(3, 20))
        try l.give(ann, bob, 120, on: reportDay(4, 2))
        try l.give(bob, ann, 60, on: reportDay(4, 9))
        try l.give(cat, eve, 30, on: reportDay(4, 15))
        try l.give(ann, cat, 30, on: reportDay(4, 20))
        try l.give(gil, ann, 30, on: reportDay(5, 3))
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

    @Test("Given and received for reciprocity are the period's standing originals: a reversal of an earlier month's exchange takes nothing from them")
    func reciprocityIgnoresReversalsOfEarlierMonths() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let february = try l.give(ann, bob, 60, on: reportDay(2, 10))
        try l.reverse(february, on: reportDay(3, 3))
        try l.give(ann, bob, 30, on: reportDay(3, 5))
        try l.give(bob, ann, 10, on: reportDay(3, 6))

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
