import Foundation
import Testing

/// A process killed with SIGKILL at any moment (a power cut, the OOM killer, a closed SSH
/// window) must leave the ledger whole: what was reported recorded is there, nothing appears
/// that nobody submitted, the file passes `check`, and a retry with the same id records once.
@Suite("killed writers", .serialized)
struct KillTests {
    @Test("SIGKILL of `timebank record` at random moments, 25 rounds", .timeLimit(.minutes(3)))
    func killSingleRecords() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 5)
            let members = try await Fixture.activeMembers(tb)
            try #require(members.count >= 2)
            let (a, b) = (String(members[0]), String(members[1]))
            let before = Set(try await Fixture.exportedIDs(tb))

            // How long one call takes here, so the kills land anywhere in its life, commit included.
            var durations: [Double] = []
            for _ in 0..<3 {
                let r = try await tb.run("record", "--giver", a, "--receiver", b, "--hours", "15m", "--accept-credit-limit", "--allow-duplicate")
                try #require(r.succeeded, "\(r)")
                durations.append(r.seconds)
            }
            let typical = durations.sorted()[1]
            let maxDelay = max(0.080, typical * 0.9)
            let warmup = Set(try await Fixture.exportedIDs(tb)).subtracting(before)

            var submitted: [String] = [], reported: [String] = [], killed: [String] = []
            for round in 0..<25 {
                let id = Fixture.newUUID()
                submitted.append(id)
                let (g, r) = round % 2 == 0 ? (a, b) : (b, a)
                let p = try tb.start(["record", "--giver", g, "--receiver", r, "--hours", "15m", "--id", id, "--accept-credit-limit", "--allow-duplicate"])
                let delay = Double.random(in: 0...maxDelay)
                try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
                p.signal(SIGKILL)
                let result = await p.wait()
                if result.succeeded {
                    reported.append(id)
                } else if result.signaled && result.status == SIGKILL {
                    killed.append(id)
                } else {
                    Issue.record("round \(round): neither recorded nor killed:\n\(result)")
                }
            }
            print("timing: one record takes ~\(Int(typical * 1000)) ms; kill delays 0–\(Int(maxDelay * 1000)) ms; "
                + "\(reported.count) finished, \(killed.count) killed")

            let exported = Set(try await Fixture.exportedIDs(tb)).subtracting(before).subtracting(warmup)
            #expect(Set(reported).isSubset(of: exported), "every exchange reported as recorded is in the export")
            #expect(exported.isSubset(of: Set(submitted)), "no exchange appears that was not submitted")
            try await expectHealthy(tb)

            // A broker retries every killed submission with the same id: each ends up recorded exactly once.
            for (i, id) in killed.enumerated() {
                let (g, r) = submitted.firstIndex(of: id)! % 2 == 0 ? (a, b) : (b, a)
                let retry = try await tb.run("record", "--giver", g, "--receiver", r, "--hours", "15m", "--id", id, "--accept-credit-limit", "--allow-duplicate")
                #expect(retry.succeeded, "retry \(i): \(retry)")
                let verb = exported.contains(id) ? "Already recorded \(id)" : "Recorded \(id)"
                #expect(retry.stdout.hasPrefix(verb), "\(retry)")
            }
            let final = try await Fixture.exportedIDs(tb)
            #expect(Set(final).subtracting(before).subtracting(warmup) == Set(submitted))
            #expect(final.count == before.count + warmup.count + submitted.count)
            try await expectHealthy(tb)
        }
    }

    /// A loop of calls that prints each id only once its call has exited 0, killed with its
    /// whole process group at random moments.
    @Test("SIGKILL of a recording loop at random moments, 10 rounds", .timeLimit(.minutes(3)))
    func killRecordingLoops() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 6)
            let members = try await Fixture.activeMembers(tb)
            try #require(members.count >= 2)
            let before = Set(try await Fixture.exportedIDs(tb))
            let script = #"""
                tb=$1 db=$2 a=$3 b=$4 ids=$5
                while read -r id; do
                    "$tb" record --db "$db" --giver "$a" --receiver "$b" --hours 10m --id "$id" --accept-credit-limit >/dev/null 2>&1 && echo "$id"
                done < "$ids"
                """#
            var submitted = Set<String>(), reported = Set<String>()
            for round in 0..<10 {
                let ids = (0..<40).map { _ in Fixture.newUUID() }
                let file = dir.path("ids-\(round)")
                try (ids.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
                let (g, r) = round % 2 == 0 ? (members[0], members[1]) : (members[1], members[0])
                let loop = try Run.start("/bin/bash", ["-c", script, "bash", try Binary.timebank(), tb.db!, String(g), String(r), file])
                try await Task.sleep(nanoseconds: UInt64(Double.random(in: 0...1.0) * 1e9))
                loop.signalGroup(SIGKILL)
                let result = await loop.wait()
                #expect(result.signaled || result.succeeded, "\(result)")
                let printed = result.stdoutLines
                reported.formUnion(printed)
                // Ids are read in order, so everything submitted is a prefix of the file up to the one
                // running when the kill came: at most one past the last reported.
                submitted.formUnion(ids.prefix(printed.count + 1))
                #expect(Set(printed).isSubset(of: Set(ids)))
            }
            // A killed group may leave the last child a moment to be reaped by the kernel; none survive SIGKILL.
            let exported = Set(try await Fixture.exportedIDs(tb)).subtracting(before)
            print("kill loops: \(reported.count) reported, \(exported.count) in the ledger")
            #expect(reported.isSubset(of: exported), "every id echoed after exit 0 is in the export")
            #expect(exported.isSubset(of: submitted), "nothing appears that was not submitted")
            try await expectHealthy(tb)
        }
    }

    func expectHealthy(_ tb: TimeBankCLI) async throws {
        let check = try await tb.run("check")
        #expect(check.exitCode == 0, "\(check)")
        if Fixture.sqlite3 != nil {
            let integrity = try await Fixture.sql(tb.db!, "PRAGMA integrity_check")
            #expect(integrity.stdout == "ok\n", "\(integrity)")
        }
    }
}
