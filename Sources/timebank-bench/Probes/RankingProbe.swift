import TimeBankStore

/// Ranking helpers for a need: `store.rankHelpers(forNeed:)`, the ranking the Match screen
/// and `timebank match` show, for open needs spread over the whole database.
enum RankingProbe {
    static func run(_ db: BenchDatabase, rounds: Int = 2) throws -> Figure {
        let open = try db.store.needs().filter { $0.status == .open }.map(\.id)
        guard !open.isEmpty else { throw BenchFailure("the database has no open needs") }
        let step = max(1, open.count / 60)
        let picked = stride(from: 0, to: open.count, by: step).map { open[$0] }.prefix(60)
        for id in picked.prefix(5) { _ = try db.store.rankHelpers(forNeed: id) }
        var samples: [Double] = []
        for _ in 0..<rounds {
            for id in picked { samples.append(try Stopwatch.milliseconds { _ = try db.store.rankHelpers(forNeed: id) }) }
        }
        return Figure(name: "ranking helpers for a need", unit: .milliseconds, summary: Summary(samples), target: Targets.ranking,
                      method: "store.rankHelpers(forNeed:limit: 20) for \(picked.count) open needs (of \(open.count)), \(rounds) rounds")
    }
}
