import Foundation
import Testing

/// Issue #13: the per-month report aggregates (migrations v12a-report-month-aggregates and
/// v12e-report-month-partners) planted
/// wrong with sqlite3 make `timebank check` exit 3 and name each damaged row.
@Suite("report month aggregates checked on the command line", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct ReportAggregateCLITests {
    @Test("A month figure, a member's partners and a month's repeat pairs nudged, a category month invented: check exits 3 naming each")
    func checkNamesDamagedMonthAggregates() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            #expect(try await tb.run("check").exitCode == 0)
            let found = try await Fixture.sql(tb.db!, "SELECT member, month FROM report_member_month ORDER BY month, member LIMIT 1")
            let fields = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
            try #require(fields.count == 2, "\(found)")
            let (member, month) = (fields[0], fields[1])
            let planted = try await Fixture.sql(tb.db!, """
                UPDATE report_member_month SET given_through = given_through + 7 WHERE member = \(member) AND month = '\(month)';
                INSERT INTO report_month_category (month, category, minutes, exchanges) VALUES ('2020-01', 'garden', 5, 1);
                UPDATE report_member_month SET partners = partners + 2 WHERE member = \(member) AND month = '\(month)';
                UPDATE report_month_pairs SET repeats = repeats + 1 WHERE month = '\(month)';
                """)
            #expect(planted.succeeded, "\(planted)")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stdout.isEmpty)
            #expect(check.stderr.contains("The report's month figures of member \(member) in \(month) (kept: "), "\(check)")
            #expect(check.stderr.contains("The report's partners of member \(member) in \(month) (kept "), "\(check)")
            #expect(check.stderr.contains("The report's connections in \(month) (kept "), "\(check)")
            #expect(check.stderr.contains("The report's net exchanges in category garden in 2020-01 (kept 1 exchange for 5 minutes) differ from the ledger (none)."), "\(check)")
        }
    }
}
