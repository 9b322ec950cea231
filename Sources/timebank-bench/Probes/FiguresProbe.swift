import TimeBank
import TimeBankStore

/// The report figures: every account's balance, and a year's totals by month and category.
enum FiguresProbe {
    static func balances(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        var accounts = 0
        let samples = try Stopwatch.samples(warmUp: 2, repetitions: repetitions) { accounts = try db.store.balances().count }
        return Figure(name: "balance of every account", unit: .milliseconds, summary: Summary(samples), target: Targets.yearTotals,
                      method: "store.balances(): \(accounts) accounts, \(repetitions) runs")
    }

    static func yearTotals(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        let today = CalendarDate.today()
        // Twelve months ending with this one.
        var first = today.startOfMonth
        for _ in 0..<11 { first = first.startOfPreviousMonth }
        var rows = 0
        let samples = try Stopwatch.samples(warmUp: 2, repetitions: repetitions) {
            rows = try db.store.monthTotals(fromMonth: first.monthKey, toMonth: today.monthKey).count
        }
        return Figure(name: "a year's totals by month and category", unit: .milliseconds, summary: Summary(samples),
                      target: Targets.yearTotals,
                      method: "store.monthTotals(\(first.monthKey)…\(today.monthKey)): \(rows) rows, \(repetitions) runs")
    }
}
