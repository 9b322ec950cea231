import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Golden frames: each screen and mode drawn at 80x24 and at 132x43 from the demo time bank of
/// seed 3 on 29 November 2026, compared line by line with the reviewable text files in
/// Tests/BrokerConsoleTests/Golden. After a deliberate change of layout, regenerate them with
///
///     UPDATE_GOLDEN=1 swift test --filter GoldenFrameTests
///
/// and review the difference (`git diff Tests/BrokerConsoleTests/Golden`) before committing.
@Suite struct GoldenFrameTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!
    /// Noon on that day, for "days since" on referrals.
    static let now = Date(timeIntervalSince1970: 1_796_040_000)
    static let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 43)]
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Each mode, named as its files are, and the keys that reach it from a console just opened.
    static let modes: [(name: String, keys: [Key])] = [
        ("today", [.char("1")]),
        ("today-help", [.char("1"), .char("?")]),
        ("members-list", [.char("2")]),
        ("members-search", [.char("2"), .char("/"), .char("a"), .char("n")]),
        ("members-card", [.char("2"), .down, .enter]),
        ("members-card-vetting", [.char("2"), .down, .enter, .left]),
        ("members-add-form", [.char("2"), .char("+")]),
        ("members-discard-dialog", [.char("2"), .char("+"), .char("x"), .escape]),
        ("members-menu", [.char("2"), .char(":")]),
        ("offers", [.char("3")]),
        ("needs", [.char("3"), .tab]),
        ("categories", [.char("3"), .tab, .tab]),
        ("offer-form", [.char("3"), .char("+")]),
        ("offer-fitting-needs", [.char("3"), .ctrl("t")]),
        ("offer-close-dialog", [.char("3"), .ctrl("x")]),
        ("offers-typed-search", [.char("3"), .char("g"), .char("a"), .char("r")]),
        ("match-needs", [.char("4")]),
        ("match-helpers", [.char("4"), .enter]),
        ("match-referrals", [.char("4"), .ctrl("r")]),
        ("match-typed-search", [.char("4"), .enter, .char("w"), .char("a")]),
        ("record-slip", [.char("5")]),
        ("record-group", [.char("5"), .function(3)]),
        ("record-statement", [.char("5"), .function(4)]),
        ("record-close-month", [.char("5"), .function(6)]),
        ("record-find", [.char("5"), .function(9), .char("g"), .char("a"), .char("r"), .char("d")]),
    ]

    @Test(arguments: sizes)
    func everyModeMatchesItsGoldenFrame(size: Size) throws {
        let db = try TestStore(demoMembers: 120, seed: 3, today: Self.today)
        let context = ConsoleContext(store: db.store, broker: db.broker, today: { GoldenFrameTests.today }, now: { GoldenFrameTests.now })
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        for mode in Self.modes {
            let screens = ConsoleApp.standardScreens().map { $0.id == .recordHours ? RecordHoursScreen(statementFolder: db.folder.path) : $0 }
            var app = ConsoleApp(context: context, size: size, screens: screens)
            for key in mode.keys { _ = app.handle(key) }
            let lines = app.render().lines
            let file = Self.folder.appendingPathComponent("\(mode.name)-\(size.width)x\(size.height).txt")
            if update {
                try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try #require(try? String(contentsOf: file, encoding: .utf8), "no golden frame \(file.lastPathComponent): run UPDATE_GOLDEN=1")
            let expected = golden.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(lines.count == expected.count, "\(file.lastPathComponent): \(lines.count) lines, golden has \(expected.count)")
            for (number, (line, want)) in zip(lines, expected).enumerated() where line != want {
                Issue.record("\(file.lastPathComponent) line \(number + 1):\n  now:    \(line)\n  golden: \(want)")
                break
            }
        }
    }
}
