/// The figures the issue set for 100,000 members. A target without "(p99)" in the issue is
/// compared with the median; byte and memory figures are single values.
enum Targets {
    static let firstFrame = Figure.Target(limit: 150, statistic: .median)
    static let searchKeystroke = Figure.Target(limit: 16, statistic: .p99)
    static let ranking = Figure.Target(limit: 50, statistic: .p99)
    static let commit = Figure.Target(limit: 10, statistic: .p99)
    /// The issue names one target for its "balances and year totals" line; both get it.
    static let yearTotals = Figure.Target(limit: 500, statistic: .median)
    static let oneRowMove = Figure.Target(limit: 200, statistic: .max)
    static let memory = Figure.Target(limit: 60, statistic: .max)
}
