import Testing
@testable import TimeBank

/// The printable report's figure columns: a space before every figure, however large, within 80
/// columns; the label gives way when a figure needs more than its column's standard width.
@Suite("The text report's figure columns")
struct ReportTextColumnsTests {
    /// A year's hours at 100,000 members: 768,424:52 this year against 398,686:37.
    static func report() throws -> Report {
        let year = try #require(ReportPeriod.year(2026)), before = try #require(ReportPeriod.year(2025))
        func figures(_ p: ReportPeriod, _ minutes: Int) -> ReportFigures {
            ReportFigures(period: p, rows: [ReportRow(.headline, "minutes_exchanged", .minutes(minutes)),
                                            ReportRow(.headline, "exchanges", .count(12))], namedMilestones: [])
        }
        return Report(timeBankName: "Big Time Bank", current: figures(year, 46_105_492), previous: figures(before, 23_921_197),
                      yearBefore: figures(before, 23_921_197))
    }

    @Test("A figure as wide as its column keeps a space before it, and every line stays within 80 columns")
    func wideFigures() throws {
        let text = ReportDocument.text(try Self.report(), sections: [.headline])
        let hours = try #require(text.split(separator: "\n").first { $0.hasPrefix("Hours exchanged") })
        #expect(hours.contains(" 768,424:52 398,686:37 +369,738:15  398,686:37"), "\(hours)")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("Figures that fit keep the standard columns: the label 34 wide, then 11, 11, 11 and 12")
    func standardColumns() {
        let current = ReportFigures(period: ReportPeriod.month(2026, 11)!, rows: [ReportRow(.headline, "exchanges", .count(152))],
                                    namedMilestones: [])
        let text = ReportDocument.text(Report(timeBankName: "T", current: current, previous: nil, yearBefore: nil), sections: [.headline])
        let line = text.split(separator: "\n").first { $0.hasPrefix("Exchanges") }.map(String.init) ?? ""
        // Nothing to compare with: the previous, change and year-before columns are blank.
        #expect(line == "Exchanges" + String(repeating: " ", count: 34 - 9) + String(repeating: " ", count: 11 - 3) + "152"
            + String(repeating: " ", count: 11 + 11 + 12))
    }
}
