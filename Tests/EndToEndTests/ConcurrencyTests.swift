import Foundation
import Testing

/// Several brokers write to the same file at once: SQLite's single writer must serialise them
/// without losing, duplicating or refusing any exchange.
@Suite("concurrent writers", .serialized)
struct ConcurrencyTests {
    static let perLoop = 500

    /// A bash loop recording every id of a file, alternating the direction so no balance drifts.
    /// Prints "FAILED id rc: output" on stderr for any call that does not exit 0.
    static let loop = #"""
        tb=$1 db=$2 a=$3 b=$4 ids=$5
        n=0
        while read -r id; do
            if [ $((n % 2)) -eq 0 ]; then g=$a r=$b; else g=$b r=$a; fi
            out=$("$tb" record --db "$db" --giver "$g" --receiver "$r" --hours 30m --note "loop $n" --id "$id" --accept-credit-limit --allow-duplicate 2>&1)
            rc=$?
            if [ $rc -ne 0 ]; then echo "FAILED $id rc=$rc: $out" >&2; fi
            case "$out" in "Recorded $id"*) ;; *) echo "UNEXPECTED $id: $out" >&2 ;; esac
            n=$((n + 1))
        done < "$ids"
        echo "$n calls"
        """#

    @Test("two processes record 500 exchanges each into one file at the same time", .timeLimit(.minutes(5)))
    func twoLoopsRecordConcurrently() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 30, seed: 11)
            let before = try await Fixture.exportedIDs(tb)
            let members = try await Fixture.activeMembers(tb)
            try #require(members.count >= 3, "the demo needs at least 3 active members")

            var submitted: [[String]] = []
            for loop in 0..<2 {
                let ids = (0..<Self.perLoop).map { _ in Fixture.newUUID() }
                try (ids.joined(separator: "\n") + "\n").write(toFile: dir.path("ids-\(loop)"), atomically: true, encoding: .utf8)
                submitted.append(ids)
            }
            let binary = try Binary.timebank()
            let pairs = [(members[0], members[1]), (members[1], members[2])]
            let started = Date()
            let loops = try (0..<2).map { loop in
                try Run.start("/bin/bash", ["-c", Self.loop, "bash", binary, tb.db!, String(pairs[loop].0), String(pairs[loop].1),
                                            dir.path("ids-\(loop)")], timeout: 280)
            }
            var results: [RunResult] = []
            for l in loops { results.append(await l.wait()) }
            let elapsed = Date().timeIntervalSince(started)
            print("timing: 2 x \(Self.perLoop) concurrent `timebank record` calls took \(String(format: "%.1f", elapsed)) s "
                + "(\(String(format: "%.0f", elapsed * 1000 / Double(Self.perLoop))) ms per call per loop)")

            for r in results {
                #expect(r.succeeded && !r.timedOut, "\(r)")
                #expect(r.stderr.isEmpty, "a call failed:\n\(r.stderr.prefix(3000))")
                #expect(r.stdout == "\(Self.perLoop) calls\n")
            }

            let after = try await Fixture.exportedIDs(tb)
            #expect(after.count == before.count + 2 * Self.perLoop, "exactly 1000 new exchanges")
            #expect(Set(after).count == after.count, "no id twice")
            let new = Set(after).subtracting(before)
            #expect(new == Set(submitted.flatMap { $0 }), "the new exchanges are exactly the submitted ones")

            let check = try await tb.run("check")
            #expect(check.exitCode == 0, "\(check)")
            #expect(check.stdout.contains("OK: \(before.count + 2 * Self.perLoop) exchanges"))
        }
    }
}
