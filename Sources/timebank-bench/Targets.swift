/// The figures the issue set for 100,000 members. A target without "(p99)" in the issue is
/// compared with the median; byte and memory figures are single values.
enum Targets {
    static let firstFrame = Figure.Target(limit: 150, statistic: .median)
    /// Issue #4: "median and worst of 100 keystrokes … under 16 ms worst case".
    static let searchKeystrokeWorst = Figure.Target(limit: 16, statistic: .max)
    /// The same limit for five times as many keystrokes, typed from real names, at p99.
    static let searchKeystroke = Figure.Target(limit: 16, statistic: .p99)
    /// Issue #5: "median and worst of 100 needs … under 50 ms worst case".
    static let ranking = Figure.Target(limit: 50, statistic: .max)
    static let commit = Figure.Target(limit: 10, statistic: .p99)
    /// The issue names one target for its "balances and year totals" line; both get it.
    static let yearTotals = Figure.Target(limit: 500, statistic: .median)
    static let oneRowMove = Figure.Target(limit: 200, statistic: .max)
    static let memory = Figure.Target(limit: 60, statistic: .max)
    /// Issue #13: a year's full report ≤ 300 ms, a month's ≤ 50 ms, screen 6 to its first frame ≤ 150 ms.
    static let yearReport = Figure.Target(limit: 300, statistic: .median)
    static let monthReport = Figure.Target(limit: 50, statistic: .median)
    static let reportsFirstFrame = Figure.Target(limit: 150, statistic: .median)
}
