import Foundation
import Testing

/// Issue #13: a pair's previous month (migration v12h-report-pair-recurrence) planted wrong with
/// sqlite3 makes `timebank check` exit 3 and name the pair-month.
@Suite("report pairs' previous months checked on the command line", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct ReportPairRecurrenceCLITests {
    @Test("A pair's first month given a previous month: check exits 3 naming the pair and both months")
    func checkNamesDamagedPreviousMonth() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            #expect(try await tb.run("check").exitCode == 0)
            // A pair's earliest month has no previous month.
            let found = try await Fixture.sql(tb.db!, "SELECT a, b, month FROM report_pair_month ORDER BY a, b, month LIMIT 1")
            let fields = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
            try #require(fields.count == 3, "\(found)")
            let (a, b, month) = (fields[0], fields[1], fields[2])
            let planted = try await Fixture.sql(tb.db!, """
                UPDATE report_pair_month SET prev_month = '2020-01' WHERE a = \(a) AND b = \(b) AND month = '\(month)';
                """)
            #expect(planted.succeeded, "\(planted)")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stdout.isEmpty)
            #expect(check.stderr.contains("The report's previous month of exchanges between members \(a) and \(b) before \(month) "
                + "(kept 2020-01) differs from their months (none)."), "\(check)")
        }
    }
}
