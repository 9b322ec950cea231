import Foundation
import Testing

/// The command-line and data-format contract of SPEC.md, checked on the real binary.
@Suite("command-line contract")
struct ContractTests {
    static let balanceKeys: Set<String> = ["member", "given_minutes", "received_minutes", "balance_minutes"]

    @Test("balance M --format json is one object; without M an array of every account summing to zero")
    func balanceJSON() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 15, seed: 2)
            let m = try await Fixture.activeMembers(tb)[0]
            let one = try await tb.ok("balance", String(m), "--format", "json")
            let object = try JSON.object(one.stdout)
            #expect(Self.balanceKeys.isSubset(of: Set(object.keys)), "\(object.keys)")
            #expect("\(object["member"]!)" == String(m))
            let g = object["given_minutes"] as? Int, r = object["received_minutes"] as? Int, b = object["balance_minutes"] as? Int
            #expect(g != nil && r != nil && b == g! - r!)

            let all = try JSON.array(try await tb.ok("balance", "--format", "json").stdout)
            #expect(all.allSatisfy { Self.balanceKeys.isSubset(of: Set($0.keys)) })
            #expect(all.contains { "\($0["member"]!)" == "pot" })
            #expect(all.compactMap { $0["balance_minutes"] as? Int }.reduce(0, +) == 0)
            #expect(all.count == 16, "the pot and 15 members")
            let pot = try JSON.object(try await tb.ok("balance", "pot", "--format", "json").stdout)
            #expect("\(pot["member"]!)" == "pot")
        }
    }

    @Test("CSV headers of members and exchanges; every CSV parses and every JSON matches it")
    func formats() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 25, seed: 8)
            let members = try await tb.ok("members", "--format", "csv")
            #expect(members.stdout.hasPrefix("number,name,preferred_name,status,area,postcode,phone,email,joined,vetting,vetting_review,balance_minutes"))
            let exchanges = try await tb.ok("export", "exchanges", "--format", "csv")
            #expect(exchanges.stdout.hasPrefix("id,date,giver,receiver,minutes,hours,category,description,reverses,recorded_by,recorded_at"))
            let expectedPrefixes = [
                "offers": ["id", "member", "category", "title", "description", "area"],
                "needs": ["id", "member", "category", "title", "description", "area"],
                "referrals": ["id", "need", "offer", "helper", "status", "updated", "broker"],
            ]
            for what in ["members", "offers", "needs", "exchanges", "referrals"] {
                let csv = try CSV.parse(try await tb.ok("export", what, "--format", "csv").stdout)
                let json = try JSON.array(try await tb.ok("export", what, "--format", "json").stdout)
                #expect(csv.rows.count == json.count, "\(what): CSV and JSON have the same rows")
                #expect(json.allSatisfy { Set($0.keys) == Set(csv.header) }, "\(what): JSON keys are the CSV columns")
                if let prefix = expectedPrefixes[what] { #expect(Array(csv.header.prefix(prefix.count)) == prefix, "\(what): \(csv.header)") }
                if what == "needs" { #expect(csv.header.contains("needs_vetted_helper") && csv.header.contains("status") && csv.header.contains("created")) }
                #expect(!csv.rows.isEmpty, "the demo has \(what)")
            }
            let t = try CSV.parse(exchanges.stdout)
            for r in t.records {
                #expect(UUID(uuidString: r["id"]!) != nil)
                #expect(r["date"]!.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil)
                let minutes = Int(r["minutes"]!)!
                #expect(minutes > 0 && minutes <= 1440)
                #expect(Double(r["hours"]!)! * 60 == Double(minutes) || abs(Double(r["hours"]!)! * 60 - Double(minutes)) < 0.6)
            }
            let vetting = Set(try CSV.parse(members.stdout).column("vetting"))
            #expect(vetting.isSubset(of: ["complete", "expired", "missing"]), "\(vetting)")
            let json = try JSON.array(try await tb.ok("members", "--format", "json").stdout)
            #expect(json.count == 25)
        }
    }

    @Test("a description with a comma, a quote and a newline round-trips through CSV and JSON")
    func quotingRoundTrips() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 2)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let note = "Mended the gate, then said \"thank you\"\nand stayed for tea; 100% é 世界"
            let id = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "1:45", "--note", note, "--id", id, "--accept-credit-limit")
            let csv = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout)
            let row = try #require(csv.records.first { $0["id"] == id })
            #expect(row["description"] == note)
            #expect(row["minutes"] == "105" && row["hours"] == "1.75")
            #expect(row["giver"] == m[0] && row["receiver"] == m[1])
            let json = try JSON.array(try await tb.ok("export", "exchanges", "--format", "json").stdout)
            #expect(json.first { $0["id"] as? String == id }?["description"] as? String == note)
            let statement = try CSV.parse(try await tb.ok("statement", m[0], "--format", "csv").stdout)
            #expect(statement.records.contains { $0["description"] == note })
            _ = try JSON.object(try await tb.ok("statement", m[0], "--format", "json").stdout)
        }
    }

    @Test("record --id twice records once; the second call says it was already recorded")
    func idempotentRecord() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 2)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let before = try await Fixture.exportedIDs(tb)
            let id = Fixture.newUUID()
            let args = ["record", "--giver", m[0], "--receiver", m[1], "--hours", "1.5", "--id", id, "--accept-credit-limit"]
            let first = try await tb.run(args)
            let balances = try await tb.ok("balance", "--format", "csv").stdout
            let second = try await tb.run(args)
            #expect(first.succeeded && first.stdout.hasPrefix("Recorded \(id)"), "\(first)")
            #expect(second.succeeded && second.stdout.hasPrefix("Already recorded \(id)"), "\(second)")
            let after = try await Fixture.exportedIDs(tb)
            #expect(after.count == before.count + 1)
            #expect(after.filter { $0 == id }.count == 1)
            #expect(try await tb.ok("balance", "--format", "csv").stdout == balances)
            // Upper-case spelling of the same UUID is the same submission.
            let upper = try await tb.run(["record", "--giver", m[0], "--receiver", m[1], "--hours", "1.5", "--id", id.uppercased(), "--accept-credit-limit"])
            #expect(upper.stdout.hasPrefix("Already recorded \(id)"), "\(upper)")
        }
    }

    @Test("reverse: the link shows in export exchanges and the balances return")
    func reverseLinks() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 10, seed: 2)
            let m = try await Fixture.activeMembers(tb).map(String.init)
            let balance = { (who: String) async throws -> [String: Any] in
                try JSON.object(try await tb.ok("balance", who, "--format", "json").stdout)
            }
            let start0 = try await balance(m[0])["balance_minutes"] as! Int, start1 = try await balance(m[1])["balance_minutes"] as! Int
            let id = Fixture.newUUID(), reversal = Fixture.newUUID()
            try await tb.ok("record", "--giver", m[0], "--receiver", m[1], "--hours", "2", "--id", id, "--accept-credit-limit")
            #expect(try await balance(m[0])["balance_minutes"] as! Int == start0 + 120)
            let r = try await tb.ok("reverse", String(id.prefix(13)), "--reason", "Recorded against the wrong member", "--id", reversal)
            #expect(r.stdout.hasPrefix("Reversed \(id) with \(reversal)"), "\(r)")
            let rows = try CSV.parse(try await tb.ok("export", "exchanges", "--format", "csv").stdout).records
            let rev = try #require(rows.first { $0["id"] == reversal })
            #expect(rev["reverses"] == id)
            #expect(rev["giver"] == m[1] && rev["receiver"] == m[0] && rev["minutes"] == "120")
            #expect(rows.first { $0["id"] == id }?["reverses"] == "")
            #expect(try await balance(m[0])["balance_minutes"] as! Int == start0)
            #expect(try await balance(m[1])["balance_minutes"] as! Int == start1)
            // The same reversal submitted again (a retry) is not an error.
            let retry = try await tb.run("reverse", id, "--reason", "Recorded against the wrong member", "--id", reversal)
            #expect(retry.succeeded, "\(retry)")
            #expect(try await tb.run("check").exitCode == 0)
        }
    }

    @Test("a new database is created 0600; its first user is the admin; brokers add and list work")
    func newDatabaseAndBrokers() async throws {
        try await withTemporaryDirectory { dir in
            // A database is made only in a folder that exists (#16): a mistyped path leaves no folders.
            try FileManager.default.createDirectory(atPath: dir.path("new"), withIntermediateDirectories: false)
            let path = dir.path("new/tb.sqlite")
            let tb = TimeBankCLI(db: path)
            let add = try await tb.run("brokers", "add", "alice", "--name", "Alice Jones", "--role", "viewer")
            #expect(add.succeeded, "\(add)")
            #expect(add.stdout == "Added alice (Alice Jones) as viewer.\n")
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600, "mode \(String(info.st_mode & 0o777, radix: 8))")
            for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                #expect(stat(path + suffix, &info) == 0 && info.st_mode & 0o077 == 0, "\(suffix) is readable by others")
            }
            let list = try CSV.parse(try await tb.ok("brokers", "list", "--format", "csv").stdout)
            #expect(list.header == ["username", "name", "role", "active", "pin", "last_sign_in", "locked_out"])
            let roles = Dictionary(uniqueKeysWithValues: list.records.map { ($0["username"]!, $0["role"]!) })
            #expect(roles == [Fixture.unixUser(): "admin", "alice": "viewer"])
            let twice = try await tb.run("brokers", "add", "alice")
            expectOneLineError(twice, code: 1, mentions: ["alice"], "adding a broker twice")
            let removed = try await tb.run("brokers", "remove", "alice")
            #expect(removed.succeeded, "\(removed)")
            let after = try CSV.parse(try await tb.ok("brokers", "list", "--format", "csv").stdout).records
            #expect(after.first { $0["username"] == "alice" }?["active"] == "false")
        }
    }

    @Test("backup FILE gives a copy that check accepts and that holds the same ledger")
    func backup() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 20, seed: 12)
            let copy = dir.path("copy.sqlite")
            let r = try await tb.run("backup", copy)
            #expect(r.succeeded, "\(r)")
            let check = try await TimeBankCLI(db: copy).run("check")
            #expect(check.exitCode == 0 && check.stdout.hasPrefix("OK:"), "\(check)")
            #expect(try await Snapshot.take(TimeBankCLI(db: copy)) == Snapshot.take(tb))
            var info = stat()
            #expect(stat(copy, &info) == 0 && info.st_mode & 0o077 == 0, "the backup is readable by others")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.contains("partial") }.isEmpty)
        }
    }

    @Test("check on a healthy demo database exits 0 with the exchange count")
    func checkHealthy() async throws {
        try await withTemporaryDirectory { dir in
            let tb = TimeBankCLI(db: dir.path("tb.sqlite"))
            try await Fixture.demo(tb, members: 30, seed: 21)
            let n = try await Fixture.exportedIDs(tb).count
            let check = try await tb.run("check")
            #expect(check.exitCode == 0 && check.stderr.isEmpty, "\(check)")
            #expect(check.stdout == "OK: \(n) exchanges; balances sum to zero and match the ledger.\n")
        }
    }

    @Test("the database comes from --db, else $TIMEBANK_DB, else $XDG_DATA_HOME/timebank/timebank.sqlite")
    func databaseLocation() async throws {
        try await withTemporaryDirectory { dir in
            let viaEnv = dir.path("env.sqlite")
            let r = try await TimeBankCLI(db: nil, environment: ["TIMEBANK_DB": viaEnv]).raw(["brokers", "add", "bob"])
            #expect(r.succeeded, "\(r)")
            #expect(FileManager.default.fileExists(atPath: viaEnv))
            let xdg = try await TimeBankCLI(db: nil, environment: ["XDG_DATA_HOME": dir.path("xdg")]).raw(["brokers", "add", "carol"])
            #expect(xdg.succeeded, "\(xdg)")
            #expect(FileManager.default.fileExists(atPath: dir.path("xdg/timebank/timebank.sqlite")))
            // --db wins over the environment.
            let explicit = dir.path("explicit.sqlite")
            let both = try await TimeBankCLI(db: explicit, environment: ["TIMEBANK_DB": viaEnv]).run("brokers", "add", "dave")
            #expect(both.succeeded && FileManager.default.fileExists(atPath: explicit))
            let envBrokers = try await TimeBankCLI(db: viaEnv).ok("brokers", "list", "--format", "csv").stdout
            #expect(!envBrokers.contains("dave"))
        }
    }

    static let subcommands: [[String]] = [
        [], ["members"], ["record"], ["reverse"], ["balance"], ["statement"], ["match"], ["check"], ["backup"], ["export"], ["demo"],
        ["brokers"], ["brokers", "add"], ["brokers", "list"], ["brokers", "remove"], ["categories"],
    ]

    @Test("--help works on every command", arguments: subcommands)
    func help(_ command: [String]) async throws {
        let tb = TimeBankCLI(db: nil)
        let r = try await tb.raw(command + ["--help"])
        #expect(r.exitCode == 0, "\(r)")
        #expect(r.stdout.contains("USAGE: timebank \(command.joined(separator: " "))"), "\(r)")
        #expect(r.stderr.isEmpty)
        if !command.isEmpty {
            let viaHelp = try await tb.raw(["help"] + command)
            #expect(viaHelp.exitCode == 0 && viaHelp.stdout == r.stdout, "\(viaHelp)")
        }
    }

    @Test("every subcommand is listed in the top-level help")
    func topLevelHelpListsCommands() async throws {
        let r = try await TimeBankCLI(db: nil).raw(["--help"])
        for name in ["members", "record", "reverse", "balance", "statement", "check", "backup", "export", "brokers", "demo", "match"] {
            #expect(r.stdout.contains("\n  \(name) "), "\(name) missing from --help")
        }
    }
}
