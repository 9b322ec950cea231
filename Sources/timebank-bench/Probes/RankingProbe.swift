import Foundation
import TimeBankStore

/// Ranking helpers for a need: `store.rankHelpers(forNeed:)`, the ranking the Match screen
/// and `timebank match` show, for open needs spread over the whole database.
enum RankingProbe {
    /// A slow ranking must not stop the run from finishing: sampling ends at this budget.
    static let budgetSeconds = 90.0

    static func run(_ db: BenchDatabase, needs wanted: Int = 100) throws -> Figure {
        let open = try db.store.needs().filter { $0.status == .open }.map(\.id)
        guard !open.isEmpty else { throw BenchFailure("the database has no open needs") }
        let step = max(1, open.count / wanted)
        let picked = Array(stride(from: 0, to: open.count, by: step).map { open[$0] }.prefix(wanted))
        _ = try db.store.rankHelpers(forNeed: picked[0])
        let deadline = Date(timeIntervalSinceNow: budgetSeconds)
        var samples: [Double] = []
        for id in picked where Date() < deadline {
            samples.append(try Stopwatch.milliseconds { _ = try db.store.rankHelpers(forNeed: id) })
        }
        let cut = samples.count < picked.count ? "; stopped after \(samples.count) of \(picked.count) needs at the \(Int(budgetSeconds)) s budget" : ""
        return Figure(name: "ranking helpers for a need", unit: .milliseconds, summary: Summary(samples), target: Targets.ranking,
                      method: "store.rankHelpers(forNeed:limit: 20) for open needs spread over all \(open.count), one warm-up\(cut)")
    }
}
