import Foundation
import Testing

/// Issue #11: a value planted with sqlite3 (its CHECK constraints off) that the program cannot
/// read makes the command that reads it fail with one sentence naming table, row and column,
/// instead of printing a default; `check` exits 3 and names the same row.
@Suite("bad stored values on the command line", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct StoredRecordCLITests {
    @Test("A member status that is none of the four: members and balance fail with the sentence, check exits 3 naming it")
    func unknownMemberStatus() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            let m = try #require(try await Fixture.activeMembers(tb).first)
            let planted = try await Fixture.sql(tb.db!, "PRAGMA ignore_check_constraints = ON; UPDATE member SET status = 'gone' WHERE number = \(m)")
            #expect(planted.succeeded, "\(planted)")
            let sentence = "member \(m) has status 'gone', which is not one of 'pending', 'active', 'on-hold', 'left'; run 'timebank check'."
            let members = try await tb.run("members", "--format", "csv")
            expectOneLineError(members, code: 1, mentions: [sentence], "members")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stderr.contains("member \(m): status 'gone' is not one of 'pending', 'active', 'on-hold', 'left'."), "\(check)")
        }
    }

    @Test("An exchange recorded at no moment: the statement fails with the sentence instead of printing 1970")
    func recordedAtNotAMoment() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            let found = try await Fixture.sql(tb.db!, """
                SELECT e.id, a.member FROM exchange e JOIN account a ON a.id = e.giver WHERE a.kind = 'member' ORDER BY e.seq LIMIT 1
                """)
            let fields = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
            try #require(fields.count == 2, "\(found)")
            let (id, member) = (fields[0], fields[1])
            let planted = try await Fixture.sql(tb.db!, "DROP TRIGGER exchange_no_update; UPDATE exchange SET recorded_at = 'last week' WHERE id = '\(id)'")
            #expect(planted.succeeded, "\(planted)")
            let statement = try await tb.run("statement", member, "--format", "json")
            expectOneLineError(statement, code: 1,
                               mentions: ["exchange \(id) has recorded_at 'last week', which is not a UTC timestamp; run 'timebank check'."], "statement")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stderr.contains("exchange \(id): recorded_at 'last week' is not a UTC timestamp."), "\(check)")
        }
    }
}
