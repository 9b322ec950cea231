import Foundation
import Testing

/// `timebank export` then `timebank import` through the real binary.
@Suite("Export and import round trip")
struct ImportExportTests {
    @Test("A demo time bank exported and imported into an empty database exports the same")
    func roundTrip() async throws {
        try await withTemporaryDirectory { dir in
            let a = TimeBankCLI(db: dir.path("a.sqlite"))
            let b = TimeBankCLI(db: dir.path("b.sqlite"))
            try await Fixture.demo(a, members: 40, seed: 3)
            let m = try await Fixture.activeMembers(a).map(String.init)
            // Text a spreadsheet would run as a formula, quotes, commas and a line break.
            try await a.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1", "--accept-credit-limit",
                           "--note", "=HYPERLINK(\"http://x\"), then\nhome")
            try await a.ok("record", "--giver", m[1], "--receiver", m[0], "--hours", "0:20", "--accept-credit-limit", "--note=-3 minutes early")
            for what in ["members", "offers", "needs", "exchanges"] {
                let exported = try await a.ok("export", what).stdout
                let file = dir.path("\(what).csv")
                try exported.write(toFile: file, atomically: true, encoding: .utf8)
                let preview = try await b.ok("import", what, file)
                #expect(preview.stdout.contains("nothing written"), "\(preview)")
                try await b.ok("import", what, file, "--commit")
            }
            // Members exactly, their vetting and its review date included.
            for what in ["members", "offers", "needs", "exchanges"] {
                let before = try await a.ok("export", what).stdout
                let after = try await b.ok("export", what).stdout
                #expect(before == after, "\(what) differ after the round trip")
            }
            let vetting = Set(try CSV.parse(try await b.ok("export", "members").stdout).column("vetting"))
            #expect(vetting.isSuperset(of: ["complete", "missing"]), "the demo has vetted and unvetted members: \(vetting)")
            try await b.ok("check")
            // Again: nothing new.
            let again = try await b.ok("import", "exchanges", dir.path("exchanges.csv"), "--commit")
            #expect(again.stdout.contains("0 created"), "\(again)")
        }
    }

    @Test("CSV cells that would run as formulas start with a quote; numbers stay numbers; JSON keeps control characters valid")
    func formulasAndJSON() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 5)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            // The same giver, receiver, hours and day four times over, on purpose.
            for note in ["=1+1", "+44 call", "-2", "@SUM(A1)"] {
                try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1", "--accept-credit-limit", "--allow-duplicate",
                                "--note=\(note)")
            }
            let csv = try CSV.parse(try await tb.ok("export", "exchanges").stdout)
            let descriptions = Set(csv.column("description"))
            #expect(descriptions.isSuperset(of: ["'=1+1", "'+44 call", "'-2", "'@SUM(A1)"]))
            #expect(csv.column("minutes").allSatisfy { Int($0) != nil })
            let members = try CSV.parse(try await tb.ok("export", "members").stdout)
            #expect(members.column("balance_minutes").allSatisfy { Int($0) != nil }, "negative balances stay numbers")
            let json = try JSON.array(try await tb.ok("export", "exchanges", "--format", "json").stdout)
            #expect(json.contains { $0["description"] as? String == "=1+1" })
        }
    }

    @Test("A bad row names its line, exits 1, and nothing is imported")
    func badRow() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            let file = dir.path("m.csv")
            try "number,name,joined\r\n2001,Ann Lee,2025-01-02\r\n2002,Bob Roe,2025-02-30\r\n".write(toFile: file, atomically: true, encoding: .utf8)
            let r = try await tb.run("import", "members", file, "--commit")
            #expect(r.exitCode == 1)
            #expect(r.stdout.contains("Line 3:"), "\(r)")
            #expect(r.stderr.contains("nothing was imported"), "\(r)")
            let members = try await tb.ok("members", "--format", "csv")
            #expect(try CSV.parse(members.stdout).rows.isEmpty)
        }
    }
}
