import Foundation
import Testing

/// Issue #13: the monthly counts of needs (migration v12g-report-need-months) planted wrong with
/// sqlite3 make `timebank check` exit 3 and name each damaged row.
@Suite("report need months checked on the command line", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct ReportNeedMonthCLITests {
    @Test("A month's count of needs opened deleted and a count of needs met invented: check exits 3 naming both")
    func checkNamesDamagedNeedMonths() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 40, seed: 3)
            #expect(try await tb.run("check").exitCode == 0)
            let found = try await Fixture.sql(tb.db!, "SELECT month, needs FROM report_need_month WHERE kind = 'opened' ORDER BY month LIMIT 1")
            let fields = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
            try #require(fields.count == 2, "\(found)")
            let (month, needs) = (fields[0], fields[1])
            let planted = try await Fixture.sql(tb.db!, """
                DELETE FROM report_need_month WHERE month = '\(month)' AND kind = 'opened';
                INSERT INTO report_need_month (month, kind, days, needs) VALUES ('2020-01', 'done', 3, 2);
                """)
            #expect(planted.succeeded, "\(planted)")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stdout.isEmpty)
            #expect(check.stderr.contains("The report's count of needs opened in \(month) (kept none) differs from the needs (\(needs))."), "\(check)")
            #expect(check.stderr.contains("The report's count of needs met in 2020-01 3 days after opening (kept 2) differs from the needs (none)."), "\(check)")
        }
    }
}
