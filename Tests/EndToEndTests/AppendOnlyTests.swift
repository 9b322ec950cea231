import Foundation
import Testing

/// The ledger's promises live in the schema, so they hold against any program that opens the
/// file, not only ours: here the sqlite3 shell.
@Suite("append-only ledger under direct SQL", .enabled(if: Fixture.sqlite3 != nil, "sqlite3 is not installed (.ci/run installs it)"))
struct AppendOnlyTests {
    @Test("UPDATE and DELETE of ledger rows fail with the trigger's message and change nothing",
          arguments: ["UPDATE exchange SET minutes = 1", "DELETE FROM exchange", "UPDATE exchange SET giver = receiver WHERE seq = 1",
                      "DELETE FROM exchange WHERE seq = (SELECT max(seq) FROM exchange)"])
    func directChangesAreRefused(_ statement: String) async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            let m = try await Fixture.activeMembers(tb)
            try await tb.ok("record", "--giver", String(m[0]), "--receiver", String(m[1]), "--hours", "1:15", "--accept-credit-limit")
            let before = try await Snapshot.take(tb)

            let r = try await Fixture.sql(tb.db!, statement)
            #expect(!r.succeeded, "sqlite3 accepted: \(statement)")
            #expect(r.stderr.contains("ledger entries are append-only: record a reversal instead"), "\(r)")

            let after = try await Snapshot.take(tb)
            #expect(after.contents == before.contents, "the export and balances are unchanged")
            #expect(try await tb.run("check").exitCode == 0)
        }
    }

    @Test("the audit log and closed months cannot be changed either")
    func auditAndClosedMonths() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            let month = Fixture.month(offset: -3)
            try Fixture.closeMonth(db: tb.db!, month)
            for (sql, message) in [("UPDATE audit SET broker = 'someone else'", "the audit log cannot be changed"),
                                   ("DELETE FROM audit", "the audit log cannot be changed"),
                                   ("DELETE FROM closed_month", "a closed month stays closed"),
                                   ("UPDATE closed_month SET month = '1999-01'", "a closed month stays closed"),
                                   ("INSERT INTO exchange (id, date, giver, receiver, minutes, recorded_by, recorded_at) "
                                    + "VALUES ('00000000-0000-4000-8000-000000000001', '\(month)-10', 1, 2, 60, 'x', 'x')", "closed month")] {
                let r = try await Fixture.sql(tb.db!, sql)
                #expect(!r.succeeded && r.stderr.contains(message), "\(r)")
            }
        }
    }

    /// The cached balances are not protected by a trigger (they move with every exchange), so a
    /// direct edit is possible: `check` must find it and exit 3, naming the member.
    @Test("check exits 3 and names the account when cached figures were tampered with")
    func checkFindsTampering() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 12, seed: 3)
            let m = try await Fixture.activeMembers(tb)[0]
            let r = try await Fixture.sql(tb.db!, "UPDATE account SET given_minutes = given_minutes + 60 WHERE member = \(m)")
            #expect(r.succeeded, "\(r)")
            let check = try await tb.run("check")
            #expect(check.exitCode == 3, "\(check)")
            #expect(check.stdout.isEmpty)
            #expect(check.stderr.contains("member \(m)"), "\(check)")
            #expect(check.stderr.contains("do not sum to zero"), "\(check)")
        }
    }
}
