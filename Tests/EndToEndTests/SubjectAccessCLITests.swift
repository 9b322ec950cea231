import Foundation
import Testing

/// `timebank export-member` and `timebank erase` through the real binary.
@Suite("Subject access and erasure on the command line")
struct SubjectAccessCLITests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test("export-member writes JSON, text and a README readable only by the owner, and refuses to overwrite them")
    func exportMember() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 4)
            let m = try #require(try await Fixture.activeMembers(tb).first)
            let out = dir.path("sar")
            try await tb.ok("export-member", String(m), "--out", out)
            for name in ["member-\(m).json", "member-\(m).txt", "README.txt"] {
                #expect(mode(out + "/" + name) == 0o600, "\(name)")
            }
            let json = try JSON.object(try String(contentsOfFile: out + "/member-\(m).json", encoding: .utf8))
            #expect(json["member"] as? Int == m)
            let exchanges = try #require(json["exchanges"] as? [[String: Any]])
            #expect(exchanges.allSatisfy { ["another member", "Community pot"].contains($0["with"] as? String ?? "") })
            let again = try await tb.run("export-member", String(m), "--out", out)
            #expect(again.exitCode == 1)
        }
    }

    @Test("erase needs --balance when the balance is not zero; afterwards search finds nothing and check passes")
    func erase() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 4)
            let m = try #require(try await Fixture.activeMembers(tb).first)
            let before = try CSV.parse(try await tb.ok("members", "--format", "csv").stdout).records.first { $0["number"] == String(m) }
            let name = try #require(before?["name"])
            try await tb.ok("record", "--giver", String(m), "--receiver", "pot", "--hours", "1")
            let refused = try await tb.run("erase", String(m), "--reason", "Asked in writing")
            #expect(refused.exitCode == 1 && refused.stderr.contains("--balance"), "\(refused)")
            try await tb.ok("erase", String(m), "--reason", "Asked in writing", "--balance", "keep")
            let found = try CSV.parse(try await tb.ok("members", "--search", name, "--format", "csv").stdout)
            #expect(!found.column("number").contains(String(m)))
            try await tb.ok("check")
        }
    }
}
