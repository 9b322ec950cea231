import Foundation
import GRDB
import TimeBank

/// How long ranking helpers takes on a real file: the figure the closing note asks for,
/// and what the benchmark program prints.
public struct MatchTimingResult: Hashable, Sendable {
    public var needs: Int
    public var medianMilliseconds: Double
    public var worstMilliseconds: Double
    /// Nine in ten rankings took at most this long.
    public var p90Milliseconds: Double
    /// The need that took longest, to look at with `timebank match`.
    public var worstNeed: Int
    public var totalHelpers: Int
}

public enum MatchTiming {
    /// Ranks helpers (top 20, as the Match screen asks) for `count` open needs spread evenly over
    /// the file, timing each call on its own. One untimed ranking first opens a reader connection
    /// and warms the page cache, as a console that is already running has done.
    public static func rankHundredNeeds(store: Store, count: Int = 100, today: CalendarDate = .today()) throws -> MatchTimingResult {
        let open = try store.read { db in try Int.fetchAll(db, sql: "SELECT id FROM need WHERE status = 'open' ORDER BY id") }
        guard !open.isEmpty else { throw StoreError.notFound("There are no open needs to time.") }
        let step = max(1, open.count / count)
        let chosen = stride(from: 0, to: open.count, by: step).prefix(count).map { open[$0] }
        _ = try store.rankHelpers(forNeed: open[open.count / 2], limit: 20, today: today)
        var times: [(ms: Double, need: Int)] = []
        var helpers = 0
        let clock = ContinuousClock()
        for need in chosen {
            var found = 0
            let elapsed = try clock.measure { found = try store.rankHelpers(forNeed: need, limit: 20, today: today).count }
            helpers += found
            times.append((Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000, need))
        }
        let sorted = times.sorted { $0.ms < $1.ms }
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid].ms : (sorted[mid - 1].ms + sorted[mid].ms) / 2
        let p90 = sorted[min(sorted.count - 1, (sorted.count * 9) / 10)].ms
        return MatchTimingResult(needs: sorted.count, medianMilliseconds: median, worstMilliseconds: sorted.last!.ms, p90Milliseconds: p90,
                                 worstNeed: sorted.last!.need, totalHelpers: helpers)
    }
}
