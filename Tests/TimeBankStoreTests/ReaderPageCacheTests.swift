import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
import TimeBank
@testable import TimeBankStore

/// A console's memory is mostly SQLite's page caches (issue #13): each reader connection keeps
/// at most 4 MB of pages, and while it counts a report at most 1 MB, given back to 4 MB after,
/// whether the report was counted or failed.
@Suite("The page cache each reader connection keeps")
struct ReaderPageCacheTests {
    /// `PRAGMA cache_size` in KiB when negative: 4 MB for a reader, 1 MB while it counts a report.
    static let readerKiB = -4000
    static let reportKiB = -1000

    /// The cache size of each of the store's two reader connections, read by two reads held open
    /// at the same time, so that each is on its own connection.
    static func bothConnections(_ store: Store) throws -> [Int] {
        let arrived = DispatchSemaphore(value: 0)
        let sizes = Mutex<[Int]>([])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                try store.read { db in
                    arrived.signal()
                    // Holding this connection until the other read has one too (or long enough).
                    _ = arrived.wait(timeout: .now() + 5)
                    arrived.signal()
                    let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0
                    sizes.withLock { $0.append(size) }
                }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return sizes.withLock { $0 }
    }

    @Test
    func eachReaderKeepsTwoMegabytes() throws {
        let fixture = try Fixture()
        #expect(try Self.bothConnections(fixture.store) == [Self.readerKiB, Self.readerKiB])
    }

    @Test
    func aReportCountsWithOneMegabyteAndGivesTheRestBack() throws {
        let fixture = try Fixture()
        let (during, after) = try fixture.store.read { db in
            let during = try Store.withReportCache(db) { try Int.fetchOne(db, sql: "PRAGMA cache_size") }
            return (during, try Int.fetchOne(db, sql: "PRAGMA cache_size"))
        }
        #expect(during == Self.reportKiB)
        #expect(after == Self.readerKiB)
    }

    @Test
    func aReportThatFailsGivesItsCacheBackToo() throws {
        struct Stopped: Error {}
        let fixture = try Fixture()
        let after = try fixture.store.read { db in
            #expect(throws: Stopped.self) { try Store.withReportCache(db) { throw Stopped() } }
            return try Int.fetchOne(db, sql: "PRAGMA cache_size")
        }
        #expect(after == Self.readerKiB)
    }

    /// A report is counted on both connections at once (`Store.ReportRun`); both are back at a
    /// reader's size when it is done.
    @Test
    func bothConnectionsAreBackAfterAReport() throws {
        let fixture = try Fixture()
        try fixture.record(.member(fixture.ann), .member(fixture.bob), 90, on: day(Fixture.lastYear, 6, 10))
        try fixture.record(.member(fixture.bob), .member(fixture.cat), 60, on: day(Fixture.lastYear, 5, 20))
        let report = try fixture.store.report(.month(Fixture.lastYear, 6)!, today: day(Fixture.lastYear + 1, 1, 15))
        #expect(report.current.period.code == String(format: "%04d-06", Fixture.lastYear))
        #expect(try Self.bothConnections(fixture.store) == [Self.readerKiB, Self.readerKiB])
    }
}
