import Foundation
import Testing
import TimeBank

/// hledger, reading our journal export, is an independent peer for the report's hours exchanged
/// between members by month and by category: its totals of the postings must equal the
/// `minutes_exchanged` rows of `timebank report --format csv`, corrections in the month of their
/// own date, pot entries left out.
@Suite("hledger agrees with the report's hours by month and category",
       .enabled(if: Fixture.hledger != nil, "hledger is not installed (.ci/run installs it)"))
struct HledgerReportTests {
    @Test(arguments: [3, 11, 27])
    func hoursByMonthAndCategoryMatch(seed: Int) async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 150, seed: seed)
            let corrections = try await reverseAcrossMonthEnds(tb, count: 3)
            try #require(corrections.count == 3, "the demo has exchanges late in three months to reverse in the next")

            // Pot entries, a reversed pot entry, and an exchange with no category, today.
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let code = try #require(try await categoryGroups(tb).keys.sorted().first)
            try await tb.ok("record", "--giver", "pot", "--receiver", m[2], "--hours", "2", "--accept-credit-limit")
            let donation = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[3], "--receiver", "pot", "--hours", "45m", "--category", code, "--id", donation)
            try await tb.ok("reverse", donation, "--reason", "Entered against the wrong member")
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1:30", "--accept-credit-limit")

            // The data holds what the comparison is about.
            let exchanges = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
            let left = Set(try CSV.parse(try await tb.ok("members", "--format", "csv").stdout).records
                .filter { $0["status"] == "left" }.compactMap { $0["number"] })
            try #require(exchanges.contains { left.contains($0["giver"] ?? "") || left.contains($0["receiver"] ?? "") },
                         "members who left have exchanges")
            try #require(exchanges.contains { $0["giver"] == "pot" || $0["receiver"] == "pot" }, "there are pot entries")
            let journalPath = dir.path("journal")
            let journal = try await tb.ok("export", "ledger").stdout
            try journal.write(toFile: journalPath, atomically: true, encoding: .utf8)
            try #require(journal.contains(", group:"), "there are group activities")

            // The whole history, from the month of the first entry to the end of this month.
            let dates = exchanges.compactMap { $0["date"].flatMap(CalendarDate.init(iso:)) }
            let first = try #require(dates.min()).startOfMonth, last = try #require(dates.max())
            let end = Self.firstOfNextMonth(last)
            let report = try await reportMinutes(tb, ["--from", first.iso, "--to", end.adding(days: -1).iso])
            let theirs = try await hledgerMinutes(journalPath, begin: first, end: end)

            let groups = try await categoryGroups(tb)
            let byMonth = Self.total(theirs.values.map { $0 })
            let byCategory = theirs.mapValues { $0.values.reduce(0, +) }
            var byGroup: [String: Int] = [:]
            for (code, minutes) in byCategory { byGroup[groups[code] ?? "(none)", default: 0] += minutes }

            #expect(byMonth.count >= 12, "hledger saw a year of months")
            #expect(byCategory.count >= 10, "hledger saw many categories")
            #expect(Self.nonZero(report.value["by_month"] ?? [:]) == Self.nonZero(byMonth), "minutes exchanged by month")
            #expect(Self.nonZero(report.value["by_category"] ?? [:]) == Self.nonZero(byCategory), "minutes exchanged by category")
            #expect(Self.nonZero(report.value["by_category_group"] ?? [:]) == Self.nonZero(byGroup), "minutes exchanged by category group")
            let headline = try #require(report.value["headline"]?[""])
            #expect(headline == byCategory.values.reduce(0, +), "headline minutes exchanged")

            // A month whose corrections belong to it: each category beside the month before.
            let month = try #require(corrections.first)
            let monthEnd = Self.firstOfNextMonth(month)
            let before = month.adding(days: -1).startOfMonth
            let monthly = try await reportMinutes(tb, [String(month.iso.prefix(7))])
            let thisMonth = try await hledgerMinutes(journalPath, begin: month, end: monthEnd).mapValues { $0.values.reduce(0, +) }
            let lastMonth = try await hledgerMinutes(journalPath, begin: before, end: month).mapValues { $0.values.reduce(0, +) }
            #expect(Self.nonZero(monthly.value["by_category"] ?? [:]) == Self.nonZero(thisMonth), "a month's minutes by category")
            // A breakdown has a row for each category of the period itself, with the month before beside it.
            let rows = monthly.previous["by_category"] ?? [:]
            #expect(rows == Dictionary(uniqueKeysWithValues: rows.keys.map { ($0, lastMonth[$0] ?? 0) }),
                    "the month before's minutes by category")
            #expect(rows.values.contains { $0 != 0 }, "the month before had exchanges in some of these categories")
        }
    }

    /// Reverses `count` exchanges between members dated in the last days of different months,
    /// each on the first day of the next month; returns those first days.
    func reverseAcrossMonthEnds(_ tb: TimeBankCLI, count: Int) async throws -> [CalendarDate] {
        let rows = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
        let reversed = Set(rows.compactMap { $0["reverses"] }.filter { !$0.isEmpty })
        let today = CalendarDate.today()
        var months: Set<String> = [], out: [CalendarDate] = []
        for row in rows.reversed() where out.count < count {
            guard let id = row["id"], let date = row["date"].flatMap(CalendarDate.init(iso:)),
                  Int(row["giver"] ?? "") != nil, Int(row["receiver"] ?? "") != nil, row["reverses"] == "",
                  !reversed.contains(id), date.day >= 24, !months.contains(String(row["date"]?.prefix(7) ?? "")) else { continue }
            let next = Self.firstOfNextMonth(date)
            guard next <= today else { continue }
            try await tb.ok("reverse", id, "--reason", "Recorded against the wrong member", "--date", next.iso)
            months.insert(String(date.iso.prefix(7)))
            out.append(next)
        }
        return out
    }

    /// Each category's group, from `timebank categories --all`.
    func categoryGroups(_ tb: TimeBankCLI) async throws -> [String: String] {
        let rows = try CSV.parse(try await tb.ok("categories", "--all", "--format", "csv").stdout).records
        return Dictionary(rows.compactMap { r in r["code"].flatMap { c in r["group"].map { (c, $0) } } }, uniquingKeysWith: { a, _ in a })
    }

    /// `minutes_exchanged` of a report, by section and breakdown, for the period and the one before.
    func reportMinutes(_ tb: TimeBankCLI, _ period: [String]) async throws -> (value: [String: [String: Int]], previous: [String: [String: Int]]) {
        let r = try await tb.run(["report"] + period + ["--format", "csv"])
        try #require(r.succeeded, "\(r)")
        let csv = r.stdout
        var value: [String: [String: Int]] = [:], previous: [String: [String: Int]] = [:]
        for r in try CSV.parse(csv).records where r["figure"] == "minutes_exchanged" {
            let section = r["section"] ?? "", breakdown = r["breakdown"] ?? ""
            value[section, default: [:]][breakdown] = Int(r["value"] ?? "") ?? 0
            previous[section, default: [:]][breakdown] = Int(r["previous"] ?? "") ?? 0
        }
        return (value, previous)
    }

    /// Minutes exchanged between members, by category and month, as hledger totals the journal's
    /// postings dated from `begin` up to (not including) `end`. Every transaction has one positive
    /// posting: a member's, less those whose other side is the pot or an opening balance (the pot's or
    /// opening's negative postings), gives the hours between members; reversals (tagged `reverses`) count
    /// against them. A transaction without a category is `(none)`, as the report has it.
    func hledgerMinutes(_ journal: String, begin: CalendarDate, end: CalendarDate) async throws -> [String: [String: Int]] {
        func balance(_ query: [String]) async throws -> [String: [String: Int]] {
            let r = try await Run.run(Fixture.hledger ?? "hledger", ["-f", journal, "balance", "-b", begin.iso, "-e", end.iso, "-M",
                                                                     "--pivot", "category", "-O", "csv"] + query, timeout: 120)
            try #require(r.succeeded, "hledger could not total our journal:\n\(r)")
            // hledger 1.25 prints a bare "total" row when nothing matches, so the rows are read one by one.
            let records = try CSV.parseRecords(r.stdout)
            let header = records.first ?? []
            var out: [String: [String: Int]] = [:]
            for row in records.dropFirst() where row.first != "total" {
                try #require(row.count == header.count, "hledger printed a row we cannot read: \(row)")
                let category = row[0].isEmpty ? "(none)" : row[0]
                for (month, amount) in zip(header.dropFirst(), row.dropFirst()) {
                    let text = amount.replacingOccurrences(of: " min", with: "").replacingOccurrences(of: ",", with: "")
                    let minutes = try #require(Int(text), "hledger printed an amount we cannot read: \(amount)")
                    out[category, default: [:]][month, default: 0] += minutes
                }
            }
            return out
        }
        var total: [String: [String: Int]] = [:]
        for (kind, sign) in [("not:tag:reverses", 1), ("tag:reverses", -1)] {
            let members = try await balance(["acct:^members:", "amt:>0", kind])
            let potSide = try await balance(["acct:^(pot|opening)$", "amt:<0", kind])
            for part in [members, potSide] {
                for (category, months) in part {
                    for (month, minutes) in months { total[category, default: [:]][month, default: 0] += sign * minutes }
                }
            }
        }
        return total
    }

    static func total(_ rows: [[String: Int]]) -> [String: Int] {
        var out: [String: Int] = [:]
        for row in rows { for (key, minutes) in row { out[key, default: 0] += minutes } }
        return out
    }

    static func nonZero(_ figures: [String: Int]) -> [String: Int] { figures.filter { $0.value != 0 } }

    static func firstOfNextMonth(_ date: CalendarDate) -> CalendarDate {
        date.startOfMonth.adding(days: 31).startOfMonth
    }
}
