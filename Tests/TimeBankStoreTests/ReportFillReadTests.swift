import Foundation
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// What a report counts apart from exchanges between members, read in fewer steps (issue #13, a
/// month's report within 50 ms): the joiners' first exchanges read in one range by joining day,
/// whatever their numbers (migration v12l-report-joiner-firsts); and the safeguarding
/// count leaving out the originals reversed by the period's end from one read of the reversals.
/// The figures are the rule's, whichever way they are read.
@Suite("A report's joiners and safeguarding, read in fewer steps")
struct ReportFillReadTests {
    /// Members brought in by an import keep the file's numbers.
    func importMembers(_ l: ReportLedger, _ rows: [(number: Int, name: String, joined: CalendarDate)]) throws {
        let text = "number,name,status,joined\n" + rows.map { "\($0.number),\($0.name),active,\($0.joined.iso)\n" }.joined()
        let file = try ImportFile.read(bytes: Array(text.utf8), kind: .members, format: .timebank)
        let outcome = try l.store.importRows(file, kind: .members, source: "members.csv", commit: true, by: l.broker)
        #expect(outcome.committed)
    }

    @Test("Joiners with consecutive numbers and scattered ones are counted alike; members between them who joined in another month are not joiners")
    func consecutiveAndScatteredJoiners() throws {
        let l = try ReportLedger()
        let oak = try l.member("Old Oak")                                          // joined 1 January 2025
        // February 2026: four joiners with close numbers; among them a member who joined in March.
        let ann = try l.member("Ann Early", joined: reportDay(2, 3))               // first exchange 7 days after joining
        let bea = try l.member("Bea Later", joined: reportDay(2, 10))              // first exchange 30 days after joining
        let eve = try l.member("Eve March", joined: reportDay(3, 2))               // a March joiner among February's numbers
        _ = try l.member("Cy None", joined: reportDay(2, 14))                      // no exchange
        let dot = try l.member("Dot Slow", joined: reportDay(2, 20))               // first exchange 95 days after joining
        try l.give(ann, oak, 60, on: reportDay(2, 10))
        try l.give(oak, bea, 60, on: reportDay(3, 12))
        try l.give(dot, oak, 60, on: reportDay(5, 26))
        try l.give(eve, oak, 30, on: reportDay(3, 3))
        // February: Ann (7 days) and Bea (30 days) of four: 0.5, median 18.5.
        expectFigures(try l.report(.month(2026, 2)).current, [
            "new_members": 4, "activation_rate": 0.5, "median_days_to_first_exchange": 18.5, "too_soon_to_tell": 0,
        ], "February")

        // June 2026: three members imported with numbers far apart.
        try importMembers(l, [(5_000, "Fay Import", reportDay(6, 1)), (40_000, "Gus Import", reportDay(6, 5)),
                              (90_000, "Hal Import", reportDay(6, 9))])
        let ivy = try l.member("Ivy Before", joined: reportDay(1, 4, 2025))        // number after 90,000, joined in 2025
        try l.give(5_000, oak, 60, on: reportDay(6, 21))                           // Fay: 20 days
        try l.give(oak, 90_000, 60, on: reportDay(8, 8))                           // Hal: 60 days
        try l.give(ivy, oak, 60, on: reportDay(6, 2))
        // June: Fay (20) and Hal (60) of three: 2/3, median 40.
        expectFigures(try l.report(.month(2026, 6)).current, [
            "new_members": 3, "activation_rate": 2.0 / 3.0, "median_days_to_first_exchange": 40, "too_soon_to_tell": 0,
        ], "June")
        // The first half of 2026: February's four and June's three; Ann, Bea, Fay and Hal activated
        // (7, 30, 20, 60 days): 4 of 7, median 25. Eve joined in March, 1 day to her first: 5 of 8, median 20.
        expectFigures(try l.report(ReportPeriod(kind: .range, first: reportDay(1, 1), last: reportDay(6, 30))).current, [
            "new_members": 8, "activation_rate": 5.0 / 8.0, "median_days_to_first_exchange": 20,
        ], "first half")
    }

    @Test("A joiner whose first original was reversed after their 90 days counts from that original, whatever the numbers")
    func firstOriginalReversedAfterTheNinetyDays() throws {
        for scattered in [false, true] {
            let l = try ReportLedger()
            let oak = try l.member("Old Oak")
            let jo: Int
            if scattered {
                try importMembers(l, [(7_000, "Jo Import", reportDay(1, 10)), (70_000, "Kit Import", reportDay(1, 12))])
                jo = 7_000
            } else {
                jo = try l.member("Jo Joiner", joined: reportDay(1, 10))
                _ = try l.member("Kit Joiner", joined: reportDay(1, 12))
            }
            let first = try l.give(jo, oak, 60, on: reportDay(1, 20))              // 10 days after joining
            try l.give(oak, jo, 30, on: reportDay(2, 19))                          // 40 days after joining, never reversed
            try l.reverse(first, on: reportDay(5, 1))                              // after Jo's 90 days (10 April)
            // Jo's first original still stood when the 90 days ended: 10 days; Kit never exchanged.
            expectFigures(try l.report(.month(2026, 1)).current, [
                "new_members": 2, "activation_rate": 0.5, "median_days_to_first_exchange": 10,
            ], scattered ? "January, imported numbers" : "January")
        }
    }

    @Test("An exchange on a vetted need reversed after the period's end still counts in it; one reversed within it does not")
    func safeguardingWithReversals() throws {
        let l = try ReportLedger()
        let nia = try l.member("Nia Need", status: .active), val = try l.member("Val Vetted", status: .active)
        try l.vetted(val)
        let referral = try l.agreedReferral(toVettedNeedOf: nia, helper: val)
        try l.give(val, nia, 60, on: reportDay(5, 5), referral: referral)                    // stands
        let late = try l.give(val, nia, 45, on: reportDay(5, 12), referral: referral)
        try l.reverse(late, on: reportDay(6, 3))                                                 // reversed after May
        let early = try l.give(val, nia, 30, on: reportDay(5, 20), referral: referral)
        try l.reverse(early, on: reportDay(5, 28))                                               // reversed within May
        let april = try l.give(val, nia, 15, on: reportDay(4, 20), referral: referral)
        try l.reverse(april, on: reportDay(5, 2))                                                // April's, reversed in May

        // May: the standing one and the one reversed in June stood at May's end: 2, both vetted.
        let may = try l.report(.month(2026, 5)).current
        #expect(may.value("vetted_need_exchanges") == .count(2))
        #expect(may.value("vetted_need_exchanges_helper_vetted") == .count(2))
        // April's was reversed only in May: it stood at April's end.
        #expect(try l.report(.month(2026, 4)).current.value("vetted_need_exchanges") == .count(1))
        // The second quarter ends after all three reversals: only the first of May stands.
        #expect(try l.report(.quarter(2026, 2)).current.value("vetted_need_exchanges") == .count(1))
    }
}
