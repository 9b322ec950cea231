/// Ranking helpers for a need: the Match screen and its ranking are not built yet, so the
/// report says so instead of printing a number for something that does not exist.
enum RankingProbe {
    static func run() -> Figure {
        // Once matching exists: pick open needs spread over the data, time the ranking the
        // Match screen calls (and `timebank match`) per need, warm-up first, p99 against 50 ms.
        Figure(name: "ranking helpers for a need", unit: .milliseconds, summary: nil, target: Targets.ranking,
               method: "not built yet: matching does not exist in this build")
    }
}
