import BrokerConsole
import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The report figures of issue #13: a year's full report (beside the year before it) and a
/// month's, as `timebank report` computes them, and screen 6 to its first frame.
enum ReportProbe {
    /// The twelve months ending with this one: with two years of history, its previous
    /// period and year before are full of exchanges too.
    static var lastTwelveMonths: ReportPeriod {
        let today = CalendarDate.today()
        var first = today.startOfMonth
        for _ in 0..<11 { first = first.startOfPreviousMonth }
        let end = ReportPeriod.containing(today, kind: .month).last
        return ReportPeriod(kind: .range, first: first, last: end) ?? .containing(today, kind: .year)
    }

    static func year(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        try full(db, period: lastTwelveMonths, name: "a year's full report", target: Targets.yearReport, repetitions: repetitions)
    }

    static func month(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        try full(db, period: .containing(.today(), kind: .month), name: "a month's full report", target: Targets.monthReport,
                 repetitions: repetitions)
    }

    /// Past months packed first, as the console keeps them after its first report (`packMonths`).
    static func full(_ db: BenchDatabase, period: ReportPeriod, name: String, target: Figure.Target, repetitions: Int) throws -> Figure {
        let packed = try db.store.packMonths()
        var lines = 0
        let samples = try Stopwatch.samples(warmUp: 1, repetitions: repetitions) {
            lines = ReportDocument.csv(try db.store.report(period)).split(separator: "\n").count
        }
        return Figure(name: name, unit: .milliseconds, summary: Summary(samples), target: target,
                      method: "store.report(\(period.code)) with previous and year before, written as csv (\(lines) lines), \(repetitions) runs; "
                        + "past months packed as the console keeps them (\(packed) packed now)")
    }

    /// The first report after an exchange dated last month: that month's pack is gone, so its
    /// 50,000 member rows are read, until the console packs it again after the report.
    static func monthAfterCorrection(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        let period = ReportPeriod.containing(.today(), kind: .month)
        guard let lastMonth = period.previous else { throw BenchFailure("this month has no month before it") }
        let pair = try db.store.members(MemberQuery(status: .active, sort: .number), limit: 2).rows.map(\.number)
        guard pair.count == 2 else { throw BenchFailure("the database has fewer than two active members") }
        try db.store.packMonths()
        var samples: [Double] = []
        for run in 0..<repetitions {
            let (giver, receiver) = run % 2 == 0 ? (pair[0], pair[1]) : (pair[1], pair[0])
            let request = ExchangeRequest(date: lastMonth.last, giver: .member(giver), receiver: .member(receiver), minutes: 60,
                                          description: "timebank-bench correction to last month")
            _ = try db.store.record(request, by: db.broker, acceptCreditLimit: true)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = ReportDocument.csv(try db.store.report(period))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            try db.store.packMonths()
        }
        return Figure(name: "a month's full report, last month just changed", unit: .milliseconds, summary: Summary(samples), target: nil,
                      method: "an exchange dated \(lastMonth.last.iso) recorded, then store.report(\(period.code)) once, reading that month's rows; "
                        + "\(repetitions) runs")
    }

    /// From pressing 6 to screen 6's first frame: hours and exchanges from the kept totals; the
    /// second figure goes on until the full report is drawn.
    static func firstFrame(_ db: BenchDatabase, repetitions: Int) throws -> [Figure] {
        var first: [Double] = [], whole: [Double] = []
        func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        for run in 0..<(repetitions + 2) {
            var app = ConsoleApp(context: ConsoleContext(store: db.store, broker: db.broker, defersSlowWork: true), size: Size(width: 80, height: 24))
            let start = DispatchTime.now().uptimeNanoseconds
            _ = app.handle(.char("6"))
            let frame = app.render()
            let firstMs = since(start)
            precondition(frame.lines.joined().contains("Hours exchanged"), "screen 6 did not draw its figures")
            app.doDeferredWork()
            let drawn = app.render()
            let wholeMs = since(start)
            precondition(drawn.lines.joined().contains("Retention"), "screen 6 did not draw its headline")
            if run >= 2 { first.append(firstMs); whole.append(wholeMs) }
        }
        return [
            Figure(name: "screen 6 to its first frame", unit: .milliseconds, summary: Summary(first), target: Targets.reportsFirstFrame,
                   method: "headless: key 6 + render() at 80x24, hours and exchanges from the kept monthly totals, \(repetitions) runs"),
            Figure(name: "screen 6 with this month's full report", unit: .milliseconds, summary: Summary(whole), target: nil,
                   method: "as above, then the full report read once the frame is up (doDeferredWork) and drawn"),
        ]
    }
}
