import Foundation
import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

/// Whole months are counted from the monthly aggregates and any other range from its exchanges.
/// Both must give every figure of every section alike, on demo time banks whose reversals fall
/// inside a period, after its end, and before its start.
@Suite("Whole months from aggregates equal the same months from exchanges", .serialized)
struct ReportTallyPathTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    static func figures(_ store: Store, _ p: ReportPeriod, fromExchanges: Bool) throws -> [String] {
        try store.read { db in
            let people = try Store.reportPeople(db)
            let reversals = try Store.reportReversals(db)
            let tally = try Store.reportTally(db, p, people: people, reversals: reversals, today: today, fromExchanges: fromExchanges)
            let named = ReportFigures.milestonesPassed(tally).map { people.numbers[$0.slot] }
            let f = ReportFigures.compute(tally, people: people, names: try Store.memberNames(db, named),
                                          categories: try Store.reportCategories(db))
            return f.rows.map { "\($0.section.rawValue) \($0.figure) \($0.breakdown) \($0.value.data)" }
                + f.namedMilestones.map { "named \($0.number) \($0.name) \($0.hours)" }
        }
    }

    @Test(arguments: [UInt64(5), 17])
    func everyFigureAlike(seed: UInt64) throws {
        let demo = try ReportFigureTests.Demo(seed: seed)
        let late = try demo.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM report_reversal WHERE substr(original_date, 1, 7) <> substr(reversal_date, 1, 7)") ?? 0
        }
        #expect(late > 0, "no reversal in a later month than its original in seed \(seed)")
        try Self.expectEveryFigureAlike(demo.store, "seed \(seed)")
    }

    /// Every figure of 30 periods (23 months, 4 quarters, 2 years, a financial year) counted
    /// from the aggregates as a report reads them must equal the same counted from the exchanges.
    static func expectEveryFigureAlike(_ store: Store, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var periods: [ReportPeriod] = (1...11).compactMap { ReportPeriod.month(2026, $0) } + (1...12).compactMap { ReportPeriod.month(2025, $0) }
        periods += (1...4).compactMap { ReportPeriod.quarter(2026, $0) } + [.year(2025)!, .year(2026)!, .financialYear(2025, startMonth: 4)!]
        for p in periods {
            let fromAggregates = try figures(store, p, fromExchanges: false)
            let fromExchanges = try figures(store, p, fromExchanges: true)
            #expect(fromAggregates.count == fromExchanges.count, "\(p.code): \(fromAggregates.count) rows ≠ \(fromExchanges.count)",
                    sourceLocation: sourceLocation)
            for (a, e) in zip(fromAggregates, fromExchanges) where a != e {
                Issue.record("\(p.code) \(label): aggregates say '\(a)', exchanges '\(e)'", sourceLocation: sourceLocation)
            }
        }
    }
}
