import Foundation
import Testing

/// The catalogue of bad inputs of issue #16: each case crashed, wrote, or echoed control bytes
/// before the hardening. Every case: the exit code of the contract, one line on stderr naming
/// the problem with no control character in it, nothing on stdout, the ledger unchanged.
/// README states the count (`HostileInputCatalogueTests.count`).
@Suite("hostile input catalogue", .serialized)
struct HostileInputCatalogueTests {
    static let count = cases(a: "1", b: "2", existing: "x").count

    static let foreignDates = ["２０２６-１１-２９", "28/１１", "٢٠٢٦-11-29", "2026-Ⅻ-01", "½/11", "2026-99999999999999999999-01"]

    static func cases(a: String, b: String, existing: String) -> [BadInputTests.Case] {
        let rec = ["record", "--giver", a, "--receiver", b, "--hours", "1"]
        var out: [BadInputTests.Case] = []
        for d in foreignDates {
            out.append(.init(name: "record --date \(d)", arguments: rec + ["--date", d], code: 1, mentions: ["--date", "not a date"],
                             failsBeforeOpening: true))
            out.append(.init(name: "statement --from \(d)", arguments: ["statement", a, "--from", d], code: 1, mentions: ["--from", "not a date"],
                             failsBeforeOpening: true))
            out.append(.init(name: "statement --to \(d)", arguments: ["statement", a, "--to", d], code: 1, mentions: ["--to", "not a date"],
                             failsBeforeOpening: true))
            out.append(.init(name: "reverse --date \(d)", arguments: ["reverse", existing, "--reason", "x", "--date", d], code: 1,
                             mentions: ["--date", "not a date"], failsBeforeOpening: true))
        }
        out += [
            .init(name: "--hours in other digits", arguments: ["record", "--giver", a, "--receiver", b, "--hours", "١:٣٠"], code: 1,
                  mentions: ["--hours"], failsBeforeOpening: true),
            .init(name: "--hours -1 without =", arguments: ["record", "--giver", a, "--receiver", b, "--hours", "-1"], code: 1,
                  mentions: ["--hours", "-1"], failsBeforeOpening: true),
            .init(name: "a date before the time bank's first day", arguments: rec + ["--date", "2001-01-01"], code: 1,
                  mentions: ["2001-01-01", "first day"]),
            .init(name: "a note with an escape sequence", arguments: rec + ["--note", "hi\u{1B}]0;pwned\u{07}"], code: 1,
                  mentions: ["control character", "U+001B"]),
            .init(name: "a note with a bidi override", arguments: rec + ["--note", "gnp\u{202E}.exe"], code: 1, mentions: ["U+202E"]),
            .init(name: "a note of one letter and 5,000 accents", arguments: rec + ["--note", "a" + String(repeating: "\u{0301}", count: 5000)],
                  code: 1, mentions: ["500"]),
            .init(name: "a reason with a newline", arguments: ["reverse", existing, "--reason", "one\ntwo"], code: 1, mentions: ["U+000A"]),
            .init(name: "balance of an escape sequence", arguments: ["balance", "\u{1B}[2J"], code: 1, mentions: ["␛[2J"],
                  failsBeforeOpening: true),
            .init(name: "a category with an OSC sequence", arguments: rec + ["--category", "\u{1B}]0;pwned\u{07}"], code: 1,
                  mentions: ["control character"]),
            .init(name: "a giver with a newline", arguments: ["record", "--giver", "10\n01", "--receiver", b, "--hours", "1"], code: 1,
                  mentions: ["10␊01"], failsBeforeOpening: true),
            .init(name: "misspelt option: no stray full stop", arguments: rec + ["--hour", "2"], code: 2, mentions: ["Did you mean '--hours'? See"],
                  failsBeforeOpening: true),
        ]
        return out
    }

    @Test("each hostile input: one clean sentence, nothing on stdout, nothing changed")
    func everyCase() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let existing = try #require(try await Fixture.exportedIDs(tb).last)
            for c in Self.cases(a: m[0], b: m[1], existing: existing) {
                let before = try await Snapshot.take(tb)
                let file = FileState(tb.db!)
                try await Task.sleep(nanoseconds: 20_000_000)
                let r = try await tb.run(c.arguments)
                expectOneLineError(r, code: c.code, mentions: c.mentions, c.name)
                #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E },
                        "\(c.name): a control character reached stderr")
                #expect(try await Snapshot.take(tb).contents == before.contents, "\(c.name): the ledger changed")
                if c.failsBeforeOpening { #expect(FileState(tb.db!) == file, "\(c.name): the database file was written") }
            }
        }
    }

    @Test("dash values reach their parsers without '=': --date -3, --note -2+3, --from -30")
    func dashValues() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let r = try await tb.run("record", "--giver", m[0], "--receiver", m[1], "--hours", "1", "--date", "-3", "--note", "-2+3",
                                     "--accept-credit-limit")
            #expect(r.succeeded, "\(r)")
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = .current
            let threeDaysAgo = cal.date(byAdding: .day, value: -3, to: Date())!
            let c = cal.dateComponents([.year, .month, .day], from: threeDaysAgo)
            #expect(r.stdout.contains(String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)), "\(r)")
            // JSON holds the note as stored; a CSV cell would carry a leading quote (it starts like a formula).
            let rows = try JSON.array(try await tb.ok("export", "exchanges", "--format", "json").stdout)
            #expect(rows.contains { $0["description"] as? String == "-2+3" })
            #expect(try await tb.run("statement", m[0], "--from", "-30").succeeded)
        }
    }

    @Test("a reversal retried with the same --id and another reason is refused; one dated before its original too")
    func reversalRetries() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let id = Fixture.newUUID(), reversal = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1", "--date", "-2", "--id", id, "--accept-credit-limit")
            let early = try await tb.run("reverse", id, "--reason", "typo", "--date", "-5")
            expectOneLineError(early, code: 1, mentions: ["before the exchange it corrects"], "reversal before its original")
            try await tb.ok("reverse", id, "--reason", "typo", "--id", reversal)
            try await tb.ok("reverse", id, "--reason", "typo", "--id", reversal)  // a true retry
            let before = try await Snapshot.take(tb)
            let other = try await tb.run("reverse", id, "--reason", "another reason", "--id", reversal)
            expectOneLineError(other, code: 1, mentions: [reversal, "different"], "same --id, other reason")
            #expect(try await Snapshot.take(tb).contents == before.contents)
        }
    }

    @Test("a command whose output cannot be written exits 1 with one sentence", arguments: [
        ["members"], ["members", "--format", "csv"], ["balance"], ["export", "exchanges"], ["export", "ledger"], ["export", "members", "--format", "json"],
        ["check"], ["--help"],
    ])
    func outputToDevFull(_ command: [String]) async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let binary = try Binary.timebank()
            let r = try await Run.bash("\"$@\" > /dev/full", [binary] + tb.withDB(command))
            expectOneLineError(r, code: 1, mentions: ["could not be written"], command.joined(separator: " "))
        }
    }

    @Test("check on a database with each kind of planted damage exits 3 naming it", arguments: [
        ("an exchange dated 2026-02-30", "DROP TRIGGER exchange_no_update; DROP TRIGGER exchange_date_is_a_day_update; UPDATE exchange SET date = '2026-02-30' WHERE seq = (SELECT min(seq) FROM exchange)", "date '2026-02-30' is not a day"),
        ("a need created 2026-19-39", "DROP TRIGGER need_created_is_a_day_update; UPDATE need SET created = '2026-19-39' WHERE id = (SELECT min(id) FROM need)", "created '2026-19-39' is not a day"),
        ("a member joined 2026-02-30", "DROP TRIGGER member_joined_is_a_day_update; UPDATE member SET joined = '2026-02-30' WHERE number = (SELECT min(number) FROM member)", "joined '2026-02-30' is not a day"),
        ("an escape sequence in a name", "UPDATE member SET name = 'Ann' || char(27) || ']0;pwned' || char(7) WHERE number = (SELECT min(number) FROM member)", "name holds a control character"),
        ("a bidi override in an offer", "UPDATE offer SET title = 'exe.' || char(8238) || 'gnp' WHERE id = (SELECT min(id) FROM offer)", "title holds a control character"),
        ("an exchange id that is not a UUID", "DROP TRIGGER exchange_no_update; UPDATE exchange SET id = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' WHERE seq = (SELECT max(seq) FROM exchange WHERE id NOT IN (SELECT reverses FROM exchange WHERE reverses IS NOT NULL))", "is not a UUID"),
        ("an audit row deleted", "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 1", "missing from the sequence"),
        ("a search index that disagrees", "UPDATE member_search SET names = 'nobody' WHERE rowid = (SELECT min(number) FROM member)", "search index disagrees"),
        ("an exchange inside a closed month", "INSERT INTO closed_month (month, closed_at, closed_by) SELECT substr(min(date), 1, 7), '2000-01-01T00:00:00.000Z', 'x' FROM exchange", "inside the closed month"),
        ("a cached balance nudged", "UPDATE account SET given_minutes = given_minutes + 7 WHERE kind = 'pot'", "differ from the ledger"),
    ])
    func plantedDamage(_ kind: String, _ sql: String, _ named: String) async throws {
        guard Fixture.sqlite3 != nil else { return }
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 4)
            #expect(try await tb.run("check").succeeded)
            let planted = try await Fixture.sql(tb.db!, sql)
            #expect(planted.succeeded, "\(kind): could not plant it\n\(planted)")
            let r = try await tb.run("check")
            #expect(r.exitCode == 3, "\(kind)\n\(r)")
            #expect(r.stderr.contains(named), "\(kind): check did not name it\n\(r)")
            #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        }
    }
}

extension HostileInputCatalogueTests {
    @Test("a backup stopped by SIGTERM or SIGHUP at any moment leaves no partial file; one that finished is whole")
    func stoppedBackup() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 3000, seed: 4)
            var stoppedMidway = 0
            for (n, delay) in [0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3].enumerated() {
                let target = dir.path("copy-\(n).sqlite")
                let running = try tb.start(["backup", target])
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
                running.signal(n % 2 == 0 ? SIGTERM : SIGHUP)
                let r = await running.wait()
                let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains(".partial-") }
                #expect(left.isEmpty, "after \(delay) s: \(left) left behind\n\(r)")
                // Stopped after its rename (while saying so), the copy is there and whole; before it, there is none.
                if FileManager.default.fileExists(atPath: target) {
                    #expect(try await TimeBankCLI(db: target).run("check").succeeded, "the copy does not pass check")
                }
                if !r.succeeded && !FileManager.default.fileExists(atPath: target) { stoppedMidway += 1 }
            }
            #expect(stoppedMidway > 0, "every backup finished before its signal, so the test showed nothing")
        }
    }
}
