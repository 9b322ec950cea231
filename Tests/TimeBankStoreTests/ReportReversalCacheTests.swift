import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// The reversals a report reads are kept between reports and only those recorded since are read;
/// every report still counts every reversal in the file.
@Suite("Reversals kept between reports")
struct ReportReversalCacheTests {
    func reversals(_ l: ReportLedger) throws -> (kept: [String], file: [String]) {
        func text(_ r: [Store.ReportReversal]) -> [String] { r.map { "\($0.original.iso) \($0.reversal.iso) \($0.giver) \($0.receiver) \($0.minutes)" } }
        return try l.store.read { db in (text(try l.store.cachedReportReversals(db)), text(try Store.reportReversals(db))) }
    }

    @Test("A reversal recorded after a report is in the next one, and the kept reversals follow the file")
    func newReversalCounted() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        let first = try l.give(ann, bob, 60, on: reportDay(3, 2))
        let second = try l.give(bob, ann, 45, on: reportDay(3, 9))
        try l.reverse(first, on: reportDay(3, 4))
        expectFigures(try l.report(.month(2026, 3)).current, ["exchanges": 1, "minutes_exchanged": 45, "active_members": 2], "March")

        try l.reverse(second, on: reportDay(4, 1))
        expectFigures(try l.report(.month(2026, 4)).current, ["exchanges": -1, "minutes_exchanged": -45], "April")
        let (kept, file) = try reversals(l)
        #expect(kept == ["2026-03-02 2026-03-04 \(ann) \(bob) 60", "2026-03-09 2026-04-01 \(bob) \(ann) 45"])
        #expect(kept == file)
    }

    @Test("Kept reversals that do not match the file (one put back from a backup) are read again")
    func mismatchReadAgain() throws {
        let l = try ReportLedger()
        let ann = try l.member("Ann Archer"), bob = try l.member("Bob Baker")
        try l.reverse(try l.give(ann, bob, 60, on: reportDay(3, 2)), on: reportDay(3, 4))
        let wrong = Store.ReportReversal(original: reportDay(1, 1), reversal: reportDay(1, 2), giver: bob, receiver: ann, minutes: 5)
        l.store.reportReversalCache.withLock { $0 = (last: 1_000_000, reversals: [wrong]) }
        #expect(try reversals(l).kept == ["2026-03-02 2026-03-04 \(ann) \(bob) 60"])
        l.store.reportReversalCache.withLock { $0 = (last: 0, reversals: [wrong, wrong]) }
        #expect(try reversals(l).kept == ["2026-03-02 2026-03-04 \(ann) \(bob) 60"])
    }
}
