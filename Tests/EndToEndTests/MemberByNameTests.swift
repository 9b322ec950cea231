import Foundation
import Testing

/// The command line takes a member by number or by a name that fits one member, folded as the
/// Members search folds it; a name that fits several is refused in one sentence naming them.
@Suite("members by name on the command line")
struct MemberByNameTests {
    @Test func recordBalanceAndStatementTakeAnUnambiguousName() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            let n = try Fixture.addMembers(db: db, names: ["Zoë 王 O'Brien", "Ann Lee", "Anna Leeson", "Annie Hall", "Bob Marsh"])
            let r = try await tb.ok("record", "--giver", "zoe obrien", "--receiver", "bob", "--hours", "1:30")
            #expect(r.stdout.contains("\(n[0]) -> \(n[4]) 1:30"), "\(r)")
            // "ann lee" is also the start of Anna Leeson, but it is Ann Lee's whole name.
            try await tb.ok("record", "--giver", "Ann Lee", "--receiver", "pot", "--hours", "1")
            let balance = try await tb.ok("balance", "ANN LEE", "--format", "json")
            #expect(balance.stdout.contains("\"member\": \(n[1])") || balance.stdout.contains("\"member\":\(n[1])")
                    || balance.stdout.contains("\"\(n[1])\""), "\(balance)")
            #expect(balance.stdout.contains("60"), "\(balance)")
            let statement = try await tb.ok("statement", "O'Brien", "--format", "csv")
            #expect(statement.stdout.contains("90"), "\(statement)")
        }
    }

    @Test func aNameThatFitsSeveralIsRefusedNamingThemAndNothingIsRecorded() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            let n = try Fixture.addMembers(db: db, names: ["Ann Lee", "Anna Leeson", "Annie Hall", "Bob Marsh"])
            let r = try await tb.run("record", "--giver", "ann", "--receiver", "bob", "--hours", "1")
            #expect(r.exitCode == 1)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r)")
            #expect(r.stderr.contains("--giver 'ann' fits several members"), "\(r)")
            #expect(r.stderr.contains("\(n[0]) Ann Lee") && r.stderr.contains("\(n[1]) Anna Leeson") && r.stderr.contains("\(n[2]) Annie Hall"), "\(r)")
            let none = try await tb.run("balance", "nobody here")
            #expect(none.exitCode == 1 && none.stderr.contains("'nobody here' fits no member"), "\(none)")
            let exchanges = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout)
            #expect(exchanges.rows.isEmpty)
        }
    }
}
