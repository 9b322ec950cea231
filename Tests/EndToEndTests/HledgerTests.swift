import Foundation
import Testing

/// hledger is an independent peer for our double-entry ledger: its balance of our journal export
/// must equal our own balance of every account.
@Suite("hledger agrees with our balances", .enabled(if: Fixture.hledger != nil, "hledger is not installed (.ci/run installs it)"))
struct HledgerTests {
    @Test func journalBalancesMatch() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 25, seed: 9)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            // Entries whose text could upset a journal parser (a tab cannot be stored at all), the pot, and a reversal.
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1:30", "--accept-credit-limit",
                            "--note", "Fixed the gate; said \"thanks\" | paid (in time) * twice\nsecond line  two  spaces  ; not a comment")
            try await tb.ok("record", "--giver", "pot", "--receiver", m[2], "--hours", "2", "--accept-credit-limit")
            try await tb.ok("record", "--giver", m[3], "--receiver", "pot", "--hours", "45m")
            let wrong = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[1], "--receiver", m[0], "--hours", "3", "--id", wrong, "--accept-credit-limit")
            try await tb.ok("reverse", wrong, "--reason", "Entered twice")

            let journal = try await tb.run("export", "ledger")
            try #require(journal.succeeded, "\(journal)")
            let path = dir.path("journal")
            try journal.stdout.write(toFile: path, atomically: true, encoding: .utf8)

            let hledger = try await Run.run(Fixture.hledger!, ["-f", path, "balance", "--flat", "--no-total", "-O", "csv"], timeout: 120)
            try #require(hledger.succeeded, "hledger could not read our journal:\n\(hledger)")
            var theirs: [String: Int] = [:]
            for row in try CSV.parse(hledger.stdout).rows {
                let account = row[0] == "pot" ? "pot" : String(row[0].dropFirst("members:".count))
                let amount = row[1].replacingOccurrences(of: " min", with: "").replacingOccurrences(of: ",", with: "")
                let minutes: Int? = Int(amount)
                guard let minutes else {
                    Issue.record("hledger printed an amount we cannot read: \(row[1])")
                    continue
                }
                theirs[account] = minutes
            }

            let ours = try await tb.run("balance", "--format", "csv")
            var mine: [String: Int] = [:]
            for r in try CSV.parse(ours.stdout).records { mine[r["member"]!] = Int(r["balance_minutes"]!)! }
            #expect(mine.values.reduce(0, +) == 0, "our balances sum to zero")
            #expect(theirs.values.reduce(0, +) == 0, "hledger's balances sum to zero")
            // hledger leaves out accounts whose balance is zero.
            #expect(theirs == mine.filter { $0.value != 0 }, "hledger's balance of every account equals ours")
            #expect(theirs.count > 5)
        }
    }
}
