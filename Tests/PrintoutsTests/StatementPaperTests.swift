import Foundation
import Testing
import TimeBank
@testable import TimeBankStore
@testable import Printouts

/// Issue 12: a paper statement a member can check line by line. Every total is the sum of its
/// column; a reversal is its own line, counted once; the welcome credit is its own line and
/// total, never hours given; long names wrap instead of being cut.
@Suite struct StatementPaperTests {
    let folder: String
    let store: Store
    let broker: Broker
    let today = CalendarDate.today()

    init() throws {
        folder = NSTemporaryDirectory() + "/paper-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/tb.sqlite")
        broker = try store.signIn(username: "raj", displayName: "Raj")
    }

    /// Columns of an entry row, found from the header's right-aligned titles.
    static func amounts(_ row: String, header: String) -> [String: String] {
        var out: [String: String] = [:]
        let chars = Array(row)
        var start = StatementPaper.dateWidth + StatementPaper.withWidth + StatementPaper.whatWidth
        for title in ["Given", "Received", "Pot", "Balance"] {
            let end = header.range(of: title)!.upperBound.utf16Offset(in: header)
            let cell = end <= chars.count ? String(chars[min(start, chars.count)..<end]) : chars.count > start ? String(chars[start...]) : ""
            out[title] = cell.trimmingCharacters(in: .whitespaces)
            start = end
        }
        return out
    }

    static func minutes(_ clock: String) -> Int {
        guard !clock.isEmpty else { return 0 }
        let negative = clock.hasPrefix("-")
        let parts = clock.dropFirst(negative ? 1 : 0).split(separator: ":").compactMap { Int($0) }
        let m = parts[0] * 60 + parts[1]
        return negative ? -m : m
    }

    @Test func totalsAreTheSumsOfTheirColumns() throws {
        let ann = try store.addMember(Member(name: "Ann Lee", joined: today, status: .active), by: broker)
        let bob = try store.addMember(Member(name: "Bob Marsh", joined: today, status: .active), by: broker)
        // What activation grants (2:00 by default); activating needs vetting, which is not this test's subject.
        try store.write { db in try Store.grantWelcomeCredit(db, member: ann.number, today: today, by: broker) }
        let wrong = try store.record(ExchangeRequest(date: today, giver: .member(ann.number), receiver: .member(bob.number), minutes: 90,
                                                     description: "Gardening"), by: broker, today: today).exchange
        _ = try store.record(ExchangeRequest(date: today, giver: .member(bob.number), receiver: .member(ann.number), minutes: 60,
                                             description: "Shopping"), by: broker, today: today)
        _ = try store.reverse(wrong.id, reason: "Wrong member", date: today, by: broker)

        let text = StatementPaper.render(try store.statement(for: .member(ann.number)), timeBank: "Westgate", printed: today)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("Date") })
        let entries = lines.filter { $0.hasPrefix(today.british) }
        #expect(entries.count == 4, "\(text)")
        let cells = entries.map { Self.amounts($0, header: header) }
        // Welcome credit 2:00 in Pot; Gardening 1:30 given; Shopping 1:00 received; the correction -1:30 given.
        #expect(entries[0].contains("Welcome credit from"))
        #expect(text.contains("the community pot"))
        #expect(cells.map { $0["Pot"] } == ["2:00", "", "", ""])
        #expect(cells.map { $0["Given"] } == ["", "1:30", "", "-1:30"])
        #expect(cells.map { $0["Received"] } == ["", "", "1:00", ""])
        #expect(cells.map { $0["Balance"] } == ["2:00", "3:30", "2:30", "1:00"])
        #expect(entries[3].contains("Correction of"))
        #expect(text.contains("\(today.british): Wrong"))
        func total(_ label: String) -> String? {
            lines.first { $0.hasPrefix(label) }?.split(separator: " ").last.map(String.init)
        }
        #expect(total("Hours given") == "0:00")
        #expect(total("Hours received") == "1:00")
        #expect(total("Credits from the community pot") == "2:00")
        #expect(total("Balance") == "1:00")
        // And each total is its column's sum.
        for (label, column) in [("Hours given", "Given"), ("Hours received", "Received"), ("Credits from the community pot", "Pot")] {
            let sum = cells.map { Self.minutes($0[column] ?? "") }.reduce(0, +)
            #expect(Self.minutes(total(label) ?? "") == sum, "\(label)")
        }
    }

    @Test func longNamesWrapAndAreNeverCut() throws {
        let long = "Bartholomew Alexander Featherstonehaugh-Worthington"
        let a = try store.addMember(Member(name: long, joined: today, status: .active), by: broker)
        let b = try store.addMember(Member(name: "Zoë 王 O'Brien", joined: today, status: .active), by: broker)
        let words = "Helped move a wardrobe, two bookcases and a piano up three flights of stairs"
        _ = try store.record(ExchangeRequest(date: today, giver: .member(a.number), receiver: .member(b.number), minutes: 120,
                                             description: words), by: broker, today: today)
        let text = StatementPaper.render(try store.statement(for: .member(b.number)), timeBank: "Westgate", printed: today)
        // The With and What columns, read down and put back together, hold the whole texts.
        let rows = text.split(separator: "\n").map { Array(String($0)) }.filter { $0.count > 11 }
        func column(_ from: Int, _ width: Int, after first: Int) -> String {
            rows[first...].prefix { $0.count > from && $0[0] == " " || $0.starts(with: Array(today.british)) }
                .map { String($0[from..<min($0.count, from + width)]) }.joined().filter { $0 != " " }
        }
        let first = try #require(rows.firstIndex { $0.starts(with: Array(today.british)) })
        #expect(column(StatementPaper.dateWidth, StatementPaper.withWidth, after: first) == long.filter { $0 != " " }, "\(text)")
        #expect(column(StatementPaper.dateWidth + StatementPaper.withWidth, StatementPaper.whatWidth, after: first)
            == words.filter { $0 != " " }, "\(text)")
        #expect(!text.contains("…"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= StatementPaper.width })
    }
}
