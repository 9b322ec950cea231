import Foundation
import Testing

/// Issue #13: the pot's monthly sums (migration v12k-report-month-pot) planted wrong with sqlite3
/// make `timebank check` exit 3 and name each damaged month.
@Suite("report pot months checked on the command line", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct ReportMonthPotCLITests {
    @Test("A month's minutes granted from the pot nudged and a month of donations invented: check exits 3 naming both")
    func checkNamesDamagedPotMonths() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 40, seed: 3)
            #expect(try await tb.run("check").exitCode == 0)
            let found = try await Fixture.sql(tb.db!, "SELECT month, granted FROM report_month_pot WHERE granted <> 0 ORDER BY month LIMIT 1")
            let fields = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
            try #require(fields.count == 2, "\(found)")
            let (month, granted) = (fields[0], fields[1])
            let planted = try await Fixture.sql(tb.db!, """
                UPDATE report_month_pot SET granted = granted + 1 WHERE month = '\(month)';
                INSERT INTO report_month_pot (month, granted, donated) VALUES ('2020-01', 0, 45);
                """)
            #expect(planted.succeeded, "\(planted)")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stdout.isEmpty)
            let nudged = (Int(granted) ?? 0) + 1
            #expect(check.stderr.contains("The report's minutes granted from the pot in \(month) (kept \(nudged)) differ from the ledger (\(granted))."), "\(check)")
            #expect(check.stderr.contains("The report's minutes donated to the pot in 2020-01 (kept 45) differ from the ledger (0)."), "\(check)")
        }
    }
}
