import Foundation
import Testing

/// Bad input to every command: the exit code of the contract (1 user error, 2 usage), exactly
/// one line on stderr that names the problem, nothing on stdout, and the database unchanged.
@Suite("bad input", .serialized)
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var code: Int32
        /// Each must appear in the error sentence.
        var mentions: [String]
        /// True when the command fails before opening the database, so not even SQLite may touch the file.
        var failsBeforeOpening = false
        var testDescription: String { name }
    }

    /// Builds the cases for a demo database with active members `a` and `b`.
    static func cases(a: String, b: String, closedMonth: String, existing: String) -> [Case] {
        let rec = ["record", "--giver", a, "--receiver", b]
        return [
            Case(name: "unknown giver", arguments: ["record", "--giver", "999999", "--receiver", b, "--hours", "1"], code: 1, mentions: ["999999"]),
            Case(name: "unknown receiver", arguments: ["record", "--giver", a, "--receiver", "999998", "--hours", "1"], code: 1, mentions: ["999998"]),
            Case(name: "giver whose name fits nobody", arguments: ["record", "--giver", "Zzyzx Qwerty", "--receiver", b, "--hours", "1"], code: 1,
                 mentions: ["Zzyzx Qwerty"]),
            Case(name: "giver ! not a name", arguments: ["record", "--giver", "!!", "--receiver", b, "--hours", "1"], code: 1,
                 mentions: ["!!"]),
            Case(name: "same giver and receiver", arguments: ["record", "--giver", a, "--receiver", a, "--hours", "1"], code: 1,
                 mentions: ["different"]),
            Case(name: "--hours abc", arguments: rec + ["--hours", "abc"], code: 1, mentions: ["abc"], failsBeforeOpening: true),
            Case(name: "--hours 25:00", arguments: rec + ["--hours", "25:00"], code: 1, mentions: ["25:00", "24 hours"], failsBeforeOpening: true),
            Case(name: "--hours 0", arguments: rec + ["--hours", "0"], code: 1, mentions: ["more than zero"], failsBeforeOpening: true),
            Case(name: "--hours 1:75", arguments: rec + ["--hours", "1:75"], code: 1, mentions: ["1:75"], failsBeforeOpening: true),
            Case(name: "--hours -1", arguments: rec + ["--hours=-1"], code: 1, mentions: ["-1"], failsBeforeOpening: true),
            Case(name: "--date in a closed month", arguments: rec + ["--hours", "1", "--date", "\(closedMonth)-15"], code: 1,
                 mentions: [closedMonth, "closed"]),
            Case(name: "--date 31/02/2026", arguments: rec + ["--hours", "1", "--date", "31/02/2026"], code: 1, mentions: ["31/02/2026"],
                 failsBeforeOpening: true),
            Case(name: "--date 2026-13-01", arguments: rec + ["--hours", "1", "--date", "2026-13-01"], code: 1, mentions: ["2026-13-01"],
                 failsBeforeOpening: true),
            Case(name: "non-UUID --id", arguments: rec + ["--hours", "1", "--id", "not-a-uuid"], code: 1, mentions: ["not-a-uuid"],
                 failsBeforeOpening: true),
            Case(name: "unknown category", arguments: rec + ["--hours", "1", "--category", "no.such.thing"], code: 1, mentions: ["no.such.thing"]),
            Case(name: "note over 500 characters", arguments: rec + ["--hours", "1", "--note", String(repeating: "x", count: 501)], code: 1,
                 mentions: ["500"]),
            Case(name: "missing --hours", arguments: ["record", "--giver", a, "--receiver", b], code: 2, mentions: ["--hours"],
                 failsBeforeOpening: true),
            Case(name: "reverse an unknown id", arguments: ["reverse", "12345678-1234-4234-8234-123456789abc", "--reason", "mistake"], code: 1,
                 mentions: ["12345678-1234-4234-8234-123456789abc"]),
            Case(name: "reverse without a reason", arguments: ["reverse", existing, "--reason", "  "], code: 1, mentions: ["reason"]),
            Case(name: "reverse into a closed month", arguments: ["reverse", existing, "--reason", "late", "--date", "\(closedMonth)-03"], code: 1,
                 mentions: [closedMonth, "closed"]),
            Case(name: "reverse with a non-UUID --id", arguments: ["reverse", existing, "--reason", "x", "--id", "42"], code: 1, mentions: ["42"],
                 failsBeforeOpening: true),
            Case(name: "statement of an unknown member", arguments: ["statement", "999999"], code: 1, mentions: ["999999"]),
            Case(name: "balance of an unknown member", arguments: ["balance", "999999"], code: 1, mentions: ["999999"]),
            Case(name: "statement --to before --from", arguments: ["statement", a, "--from", "2026-05-01", "--to", "2026-04-01"], code: 1,
                 mentions: ["2026-04-01", "2026-05-01"], failsBeforeOpening: true),
            Case(name: "balance --format xml", arguments: ["balance", "--format", "xml"], code: 2, mentions: ["xml"], failsBeforeOpening: true),
            Case(name: "members --format xml", arguments: ["members", "--format", "xml"], code: 2, mentions: ["xml"], failsBeforeOpening: true),
            Case(name: "export exchanges --format xml", arguments: ["export", "exchanges", "--format", "xml"], code: 2, mentions: ["xml"],
                 failsBeforeOpening: true),
            Case(name: "statement --format xml", arguments: ["statement", a, "--format", "xml"], code: 2, mentions: ["xml"], failsBeforeOpening: true),
            Case(name: "export of an unknown table", arguments: ["export", "payments"], code: 2, mentions: ["payments"], failsBeforeOpening: true),
            Case(name: "unknown subcommand with --db", arguments: ["frobnicate"], code: 2, mentions: ["frobnicate"], failsBeforeOpening: true),
            Case(name: "unknown option", arguments: ["balance", "--colour"], code: 2, mentions: ["--colour"], failsBeforeOpening: true),
            Case(name: "brokers add with a bad role", arguments: ["brokers", "add", "alice", "--role", "boss"], code: 1, mentions: ["boss"],
                 failsBeforeOpening: true),
            Case(name: "brokers add an invalid account name", arguments: ["brokers", "add", "Not A Name!"], code: 1, mentions: ["Not A Name!"]),
            Case(name: "brokers remove an unknown broker", arguments: ["brokers", "remove", "nobody"], code: 1, mentions: ["nobody"]),
            Case(name: "backup into a folder that does not exist", arguments: ["backup", "/nonexistent-folder/backup.sqlite"], code: 1,
                 mentions: ["/nonexistent-folder/backup.sqlite"]),
            Case(name: "demo into a database that is not empty", arguments: ["demo", "--members", "5"], code: 1, mentions: []),
        ]
    }

    @Test("each bad input: exit code, one line naming the problem, nothing on stdout, database unchanged")
    func everyBadInput() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let closed = Fixture.month(offset: -2)
            try Fixture.closeMonth(db: tb.db!, closed)
            let existing = try await Fixture.exportedIDs(tb).last!
            for c in Self.cases(a: m[0], b: m[1], closedMonth: closed, existing: existing) {
                let before = try await Snapshot.take(tb)
                let file = FileState(tb.db!)
                // mtime has a granularity; make any write visible.
                try await Task.sleep(nanoseconds: 20_000_000)
                let r = try await tb.run(c.arguments)
                let fileAfter = FileState(tb.db!)
                expectOneLineError(r, code: c.code, mentions: c.mentions, c.name)
                let after = try await Snapshot.take(tb)
                #expect(after.contents == before.contents, "\(c.name): the exchanges or balances changed")
                if c.failsBeforeOpening {
                    #expect(fileAfter == file, "\(c.name): the database file was written")
                }
            }
        }
    }

    /// Whether a command that writes nothing (a read, or a failed write) still writes the file.
    /// The bad-input cases above only check this where the command fails before opening the
    /// database; this test shows it once for opening itself.
    @Test("read-only commands and refused writes leave the file's bytes and mtime alone")
    func openingDoesNotWrite() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            for command in [["balance"], ["export", "exchanges"], ["check"], ["members"],
                            ["record", "--giver", "999999", "--receiver", m[0], "--hours", "1"]] {
                let before = FileState(tb.db!)
                try await Task.sleep(nanoseconds: 20_000_000)
                _ = try await tb.run(command)
                let after = FileState(tb.db!)
                #expect(after == before, "`timebank \(command.joined(separator: " "))` wrote to the database file: \(after.changes(from: before))")
            }
        }
    }

    @Test("unknown subcommand without --db names it")
    func unknownSubcommand() async throws {
        let r = try await TimeBankCLI(db: nil, environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": nil]).raw(["frobnicate"])
        expectOneLineError(r, code: 2, mentions: ["frobnicate"], "frobnicate")
    }

    @Test("reversing twice: the second is refused and nothing changes")
    func reverseTwice() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let id = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "2", "--id", id, "--accept-credit-limit")
            try await tb.ok("reverse", id, "--reason", "Wrong member")
            let before = try await Snapshot.take(tb)
            let again = try await tb.run("reverse", id, "--reason", "Wrong member again")
            expectOneLineError(again, code: 1, mentions: [id, "already been reversed"], "reverse twice")
            // The reversal itself cannot be reversed either.
            let reversal = try CSV.parse(before.exchanges).records.first { $0["reverses"] == id }!["id"]!
            let ofReversal = try await tb.run("reverse", reversal, "--reason", "Undo the undo")
            expectOneLineError(ofReversal, code: 1, mentions: [reversal], "reverse a reversal")
            #expect(try await Snapshot.take(tb).contents == before.contents)
        }
    }

    @Test("the same --id for a different exchange is refused")
    func idReusedForDifferentExchange() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 4)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let id = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1", "--id", id, "--accept-credit-limit")
            let before = try await Snapshot.take(tb)
            let r = try await tb.run("record", "--giver", m[0], "--receiver", m[1], "--hours", "2", "--id", id, "--accept-credit-limit")
            expectOneLineError(r, code: 1, mentions: [id], "id reused")
            #expect(try await Snapshot.take(tb).contents == before.contents)
        }
    }

    // MARK: the --db file itself

    @Test("--db that is a text file", arguments: [["balance"], ["export", "exchanges"], ["check"], ["members"],
                                                 ["record", "--giver", "1001", "--receiver", "1002", "--hours", "1"]])
    func textFile(_ command: [String]) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.path("notes.txt")
            let text = "Shopping list\nmilk, eggs\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            let r = try await TimeBankCLI(db: path).run(command)
            expectOneLineError(r, code: command == ["check"] ? nil : 1, mentions: [path, "not"], "text file, \(command[0])")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "the text file was changed")
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == mtime)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["notes.txt"], "files were left beside it")
        }
    }

    @Test("--db that is a directory", arguments: [["balance"], ["check"], ["record", "--giver", "1001", "--receiver", "1002", "--hours", "1"]])
    func directory(_ command: [String]) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.path("a-folder")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let r = try await TimeBankCLI(db: path).run(command)
            expectOneLineError(r, code: command == ["check"] ? nil : 1, mentions: [path], "directory, \(command[0])")
            #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        }
    }

    @Test("--db that cannot be read", .enabled(if: !Fixture.isRoot, "running as root, who can read any file: the case cannot happen"))
    func unreadable() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 5, seed: 1)
            chmod(tb.db!, 0o000)
            for command in [["balance"], ["record", "--giver", "1001", "--receiver", "1002", "--hours", "1"]] {
                let r = try await tb.run(command)
                expectOneLineError(r, code: 1, mentions: [tb.db!, "permission"], "unreadable, \(command[0])")
            }
        }
    }

    @Test("--db in a folder that does not exist and cannot be created",
          arguments: [["record", "--giver", "1001", "--receiver", "1002", "--hours", "1"], ["brokers", "add", "alice"], ["demo", "--members", "3"]])
    func folderCannotBeCreated(_ command: [String]) async throws {
        try await withTemporaryDirectory { dir in
            // A regular file stands where a folder would have to be: not even root can create it.
            try "x".write(toFile: dir.path("blocker"), atomically: true, encoding: .utf8)
            let path = dir.path("blocker/sub/tb.sqlite")
            let r = try await TimeBankCLI(db: path).run(command)
            expectOneLineError(r, code: 1, mentions: [path], "uncreatable folder, \(command[0])")
        }
    }

    @Test("read-only commands on a database that does not exist create nothing",
          arguments: [["balance"], ["members"], ["export", "exchanges"], ["check"], ["statement", "1001"], ["brokers", "list"]])
    func readingAMissingDatabase(_ command: [String]) async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.path("missing/tb.sqlite")
            let r = try await TimeBankCLI(db: path).run(command)
            expectOneLineError(r, code: 1, mentions: [path], "missing database, \(command[0])")
            #expect(!FileManager.default.fileExists(atPath: dir.path("missing")), "a folder was created")
        }
    }
}

/// A file's bytes and modification time, to prove nothing wrote to it.
struct FileState: Equatable {
    var bytes: Data?
    var modified: Date?

    init(_ path: String) {
        bytes = FileManager.default.contents(atPath: path)
        modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    func changes(from old: FileState) -> String {
        guard let a = old.bytes, let b = bytes else { return "file appeared or disappeared" }
        let differing = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        return "mtime \(old.modified == modified ? "same" : "changed"), size \(a.count) → \(b.count), "
            + "bytes differ at offsets \(differing.prefix(8)) (24–27: file change counter, 40–43: schema cookie)"
    }
}

/// The error contract: the exit code (any non-zero when `code` is nil), nothing on stdout,
/// exactly one line on stderr, mentioning each of `mentions`.
func expectOneLineError(_ r: RunResult, code: Int32?, mentions: [String], _ what: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    if let code {
        #expect(r.exitCode == code, "\(what): exit code \(r.exitCode.map(String.init) ?? "signal") instead of \(code)\n\(r)",
                sourceLocation: sourceLocation)
    } else {
        #expect(r.exitCode != 0 && r.exitCode != nil, "\(what): should fail\n\(r)", sourceLocation: sourceLocation)
    }
    #expect(r.stdout.isEmpty, "\(what): stdout should be empty\n\(r)", sourceLocation: sourceLocation)
    #expect(r.stderrLines.count == 1, "\(what): stderr should be one line, not \(r.stderrLines.count)\n\(r)", sourceLocation: sourceLocation)
    let line = r.stderrLines.first ?? ""
    for m in mentions {
        #expect(line.localizedCaseInsensitiveContains(m), "\(what): the error does not mention \"\(m)\"\n\(r)", sourceLocation: sourceLocation)
    }
}
