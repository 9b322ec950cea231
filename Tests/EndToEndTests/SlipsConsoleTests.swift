import Foundation
import Testing
import TimeBank

/// Issue 12, recording hours: the slips a fast typist gets wrong are caught, in the real binary in
/// a real terminal (80x24, no colour) and on the command line.
@Suite("slips a broker can trust", .enabled(if: Fixture.tmux != nil, "tmux is not installed (.ci/run installs it)"))
struct SlipsConsoleTests {
    /// Kwame Brown and Ann Lee in a fresh database, and the console open on Record hours at rest.
    func withSlip(_ body: (TimeBankCLI, Tmux, _ kwame: String, _ ann: String) async throws -> Void) async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("tb.sqlite")
            let tb = TimeBankCLI(db: db)
            let numbers = try Fixture.addMembers(db: db, names: ["Kwame Brown", "Ann Lee"]).map(String.init)
            try Fixture.setPin(db: db)  // else the console first asks the broker to choose a PIN
            try await withTmux([try Binary.timebank(), "--db", db], width: 80, height: 24, environment: ["NO_COLOR": "1"]) { t in
                try await t.waitFor("This month")
                try await t.press("5")
                try await t.waitFor("Enter or Tab to type a slip")
                try await body(tb, t, numbers[0], numbers[1])
            }
        }
    }

    func exchanges(_ tb: TimeBankCLI) async throws -> [[String: String]] {
        try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
    }

    @Test func anEmptySlipIsLeftWithOne() async throws {
        try await withSlip { _, t, _, _ in
            try await t.press("1")
            try await t.waitFor("This month")
        }
    }

    @Test func aKeptDateIsReplacedNotTypedOnto() async throws {
        try await withSlip { tb, t, kwame, ann in
            try await t.press("Enter")
            try await t.type(kwame); try await t.press("Tab"); try await t.type(ann); try await t.press("Tab")
            try await t.type("1h"); try await t.press("Tab"); try await t.type("-1"); try await t.press("C-s")
            try await t.waitFor("Recorded:")
            try await t.type(kwame); try await t.press("Tab"); try await t.type(ann); try await t.press("Tab")
            try await t.type("2h"); try await t.press("Tab")
            let kept = try await t.waitFor(", yesterday")
            #expect(kept.contains("-1"))
            try await t.type("0")
            let screen = try await t.waitForAbsence(of: ", yesterday")
            let date = try #require(screen.split(separator: "\n").first { $0.contains("Date") })
            #expect(!date.contains("-10"), "\(screen)")
            try await t.press("C-s")
            try await t.waitFor("Not saved")
            let tenDaysAgo = CalendarDate.today().adding(days: -10).iso
            let rows = try await exchanges(tb)
            #expect(rows.count == 1)
            #expect(!rows.contains { $0["date"] == tenDaysAgo })
        }
    }

    @Test func aFutureDateIsRefused() async throws {
        try await withSlip { tb, t, kwame, ann in
            let tomorrow = CalendarDate.today().adding(days: 1)
            try await t.press("Enter")
            try await t.type(kwame); try await t.press("Tab"); try await t.type(ann); try await t.press("Tab")
            try await t.type("1h"); try await t.press("Tab"); try await t.type(tomorrow.iso); try await t.press("Tab")
            try await t.waitFor("\(tomorrow.british) is in the future")
            try await t.press("C-s")
            try await t.waitFor("Not saved")
            let r = try await tb.run("record", "--giver", kwame, "--receiver", ann, "--hours", "1", "--date", tomorrow.iso)
            #expect(r.exitCode == 1)
            #expect(r.stderr.contains("\(tomorrow.british) is in the future: hours are recorded after they happen."), "\(r)")
            #expect(try await exchanges(tb).isEmpty)
        }
    }

    @Test func aBareThirteenIsAQuestionOrAnError() async throws {
        try await withSlip { tb, t, kwame, ann in
            try await t.press("Enter")
            try await t.type(kwame); try await t.press("Tab"); try await t.type(ann); try await t.press("Tab")
            try await t.type("13"); try await t.press("Tab")
            try await t.waitFor("13 minutes or 13 hours?")
            try await t.press("m")
            try await t.waitFor("0:13 (13 minutes)")
            let r = try await tb.run("record", "--giver", kwame, "--receiver", ann, "--hours", "13")
            #expect(r.exitCode == 1)
            #expect(r.stderr.contains("'13' could be 13 minutes or 13 hours; write 13m or 13h."), "\(r)")
            #expect(try await exchanges(tb).isEmpty)
        }
    }

    @Test func theSameSlipTwiceIsAskedAboutAndRefusedOnTheCommandLine() async throws {
        try await withSlip { tb, t, kwame, ann in
            let id = Fixture.newUUID()
            try await tb.ok("record", "--giver", kwame, "--receiver", ann, "--hours", "1:30", "--id", id)
            try await t.press("Enter")
            try await t.type(kwame); try await t.press("Tab"); try await t.type(ann); try await t.press("Tab")
            try await t.type("1:30"); try await t.press("C-s")
            let question = try await t.waitFor("record again?")
            #expect(question.contains("Kwame Brown gave Ann Lee 1:30 on"), "\(question)")
            #expect(question.contains("recorded by \(Fixture.unixUser()) at"), "\(question)")
            try await t.press("Enter")  // the default is No
            try await t.waitFor("Not recorded again")
            #expect(try await exchanges(tb).count == 1)

            let again = try await tb.run("record", "--giver", kwame, "--receiver", ann, "--hours", "1:30")
            #expect(again.exitCode == 1)
            #expect(again.stderr.contains("Kwame Brown gave Ann Lee 1:30 on"), "\(again)")
            #expect(again.stderr.contains("add --allow-duplicate to record it again."), "\(again)")
            let retry = try await tb.ok("record", "--giver", kwame, "--receiver", ann, "--hours", "1:30", "--id", id)
            #expect(retry.stdout.hasPrefix("Already recorded \(id)"))
            try await tb.ok("record", "--giver", kwame, "--receiver", ann, "--hours", "1:30", "--allow-duplicate")
            #expect(try await exchanges(tb).count == 2)
        }
    }
}

/// Issue 12: a group activity's entries carry their group id into the ledger journal.
@Suite("group ids in the ledger export")
struct GroupLedgerExportTests {
    @Test func groupEntriesNameTheirGroup() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 40, seed: 7)
            let journal = try await tb.ok("export", "ledger").stdout
            let groups = journal.components(separatedBy: "\n").compactMap { line in
                line.range(of: ", group:").map { String(line[$0.upperBound...]) }
            }
            #expect(!groups.isEmpty, "the demo has group activities")
            // Every group stands for several entries, each naming the same id.
            let counts = Dictionary(groups.map { ($0, 1) }, uniquingKeysWith: +)
            #expect(counts.values.allSatisfy { $0 >= 2 }, "\(counts)")
        }
    }
}
