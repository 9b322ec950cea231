import Foundation

/// A shared server as an administrator would set one up (README, "Installing on a shared
/// server"): a brokers' group, a setgid folder owned by root and that group holding the
/// database, two broker accounts in the group, one account outside it, the timebank binary
/// where every account can run it, and sshd. Everything has names unique to this instance
/// and is removed by `tearDown()`, which tolerates a half-finished set-up.
final class SSHBrokerHost: @unchecked Sendable {
    struct Account: Sendable {
        var name: String
        var fullName: String
    }

    let id: String
    let folder: String
    let group: String
    let ann: Account
    let raj: Account
    /// Not in the brokers' group.
    let eve: Account
    var database: String { folder + "/shared/timebank.sqlite" }
    var binary: String { folder + "/bin/timebank" }
    private(set) var server: SSHServer?
    private var createdAccounts: [String] = []
    private var createdGroup = false
    private var consoles: [SSHConsole] = []

    /// Why the SSH tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        if geteuid() != 0 { return "the SSH tests create Unix accounts and start sshd, so they need root (.ci/run runs them)" }
        if SSHServer.sshdPath == nil { return "sshd is not installed (apt-get install openssh-server; .ci/run does)" }
        for tool in ["ssh", "ssh-keygen", "tmux", "useradd", "userdel", "groupadd", "groupdel", "pgrep"] where SSHCommand.onPath(tool) == nil {
            return "\(tool) is not installed"
        }
        return nil
    }

    private init() {
        id = String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(6))
        folder = "/tmp/tb-ssh-\(id)"
        group = "tbb\(id)"
        ann = Account(name: "tbann\(id)", fullName: "Ann Lee")
        raj = Account(name: "tbraj\(id)", fullName: "Raj Patel")
        eve = Account(name: "tbeve\(id)", fullName: "Eve Stone")
    }

    /// Sets the host up with Ann as the database's first user (its admin) and Raj added as a
    /// broker, runs `body`, and tears everything down whatever happened.
    static func with<T>(demoMembers: Int = 60, _ body: (SSHBrokerHost) async throws -> T) async throws -> T {
        let host = SSHBrokerHost()
        defer { host.tearDown() }
        do {
            try await host.setUp(demoMembers: demoMembers)
        } catch {
            let log = host.server?.log ?? ""
            throw SSHTestError("setting up the shared server failed: \(error)\n--- sshd log (last lines):\n\(log.split(separator: "\n").suffix(25).joined(separator: "\n"))")
        }
        return try await body(host)
    }

    private func setUp(demoMembers: Int) async throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        try await SSHCommand.check([tool("groupadd"), group])
        createdGroup = true
        for (account, inGroup) in [(ann, true), (raj, true), (eve, false)] {
            // "*" is no password without being a locked account, which sshd refuses without PAM.
            var argv = [tool("useradd"), "-m", "-s", "/bin/bash", "-c", account.fullName, "-p", "*"]
            if inGroup { argv += ["-G", group] }
            try await SSHCommand.check(argv + [account.name])
            createdAccounts.append(account.name)
        }
        try installBinary()
        let shared = folder + "/shared"
        try fm.createDirectory(atPath: shared, withIntermediateDirectories: false)
        guard let gid = getgrnam(group)?.pointee.gr_gid else { throw SSHTestError("group \(group) has no gid") }
        // setgid: files made inside belong to the group, and the store then creates them 0660.
        guard chown(shared, 0, gid) == 0, chmod(shared, 0o2770) == 0 else { throw SSHTestError("cannot prepare \(shared): errno \(errno)") }

        server = try await SSHServer(folder: folder, users: [ann.name, raj.name, eve.name])
        try await runChecked(as: ann, "demo --members \(demoMembers) --seed 11")
        try await runChecked(as: ann, "brokers add \(raj.name) --name '\(raj.fullName)' --role broker")
        // Each broker chooses a PIN for unlocking, or their console would open on choosing one.
        guard let server else { throw SSHTestError("the SSH server is not running") }
        for account in [ann, raj] {
            let r = await server.run(as: account.name, "printf '482916\\n' | " + timebankCommand("brokers set-pin --pin-stdin"))
            guard r.succeeded else { throw SSHTestError("setting \(account.name)'s PIN failed:\n\(r)") }
        }
    }

    /// Copies the built binary and its resource bundles to a folder every account can read:
    /// the build folder may not be reachable for them, and `Bundle.module` looks next to the
    /// executable first.
    private func installBinary() throws {
        let built = URL(fileURLWithPath: SSHBrokerHost.builtBinary).resolvingSymlinksInPath()
        guard FileManager.default.isExecutableFile(atPath: built.path) else {
            throw SSHTestError("The timebank binary is missing at \(built.path); run `swift build` before `swift test` (.ci/run does).")
        }
        let bin = folder + "/bin"
        let fm = FileManager.default
        try fm.createDirectory(atPath: bin, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        // Copied by `cp`, not by this process: a file this process holds open for writing is
        // inherited by any child another test spawns meanwhile, and running it then fails
        // with "Text file busy" (seen in about one run in five under the full suite).
        let copied = SSHCommand.runBlocking(["/bin/cp", built.path, binary], timeout: 60)
        guard copied.succeeded else { throw SSHTestError("copying the timebank binary failed:\n\(copied)") }
        let buildFolder = built.deletingLastPathComponent()
        for item in try fm.contentsOfDirectory(atPath: buildFolder.path) where item.hasSuffix(".resources") {
            try fm.copyItem(atPath: buildFolder.appendingPathComponent(item).path, toPath: bin + "/" + item)
        }
        // Copies keep root's modes; open them up for reading (and directories for traversal).
        let files = fm.enumerator(atPath: bin)
        while let item = files?.nextObject() as? String {
            var info = stat()
            let path = bin + "/" + item
            if stat(path, &info) == 0 { chmod(path, (info.st_mode & S_IFMT) == S_IFDIR ? 0o755 : 0o644) }
        }
        chmod(binary, 0o755)
    }

    /// `.build/debug/timebank` of this package, or `$TIMEBANK_BINARY`.
    static var builtBinary: String {
        if let override = ProcessInfo.processInfo.environment["TIMEBANK_BINARY"], !override.isEmpty { return override }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/timebank").path
    }

    /// The shell command a broker's login runs: the database from TIMEBANK_DB, as the README says.
    func timebankCommand(_ arguments: String = "") -> String {
        "LANG=C.UTF-8 LC_ALL=C.UTF-8 TIMEBANK_DB=\(database) exec \(binary)\(arguments.isEmpty ? "" : " " + arguments)"
    }

    /// `timebank ARGUMENTS` as `account`, over SSH without a terminal.
    func run(as account: Account, _ arguments: String) async throws -> SSHCommand.Result {
        guard let server else { throw SSHTestError("sshd is not running") }
        return await server.run(as: account.name, timebankCommand(arguments))
    }

    @discardableResult
    func runChecked(as account: Account, _ arguments: String) async throws -> SSHCommand.Result {
        let r = try await run(as: account, arguments)
        guard r.succeeded else { throw SSHTestError("timebank \(arguments) as \(account.name) failed:\n\(r)") }
        return r
    }

    /// The console over `ssh -tt` in its own 80x24 tmux session, as a broker at a terminal.
    func openConsole(as account: Account) async throws -> SSHConsole {
        guard let server else { throw SSHTestError("sshd is not running") }
        let console = try await SSHConsole(name: account.name, socket: "tbssh-\(id)",
                                           argv: server.sshArguments(user: account.name, command: timebankCommand(), terminal: true))
        consoles.append(console)
        return console
    }

    /// Pids of every process `account` owns.
    func processes(of account: Account) async -> [Int32] {
        let r = await SSHCommand.run([tool("pgrep"), "-u", account.name])
        return r.stdout.split(separator: "\n").compactMap { Int32($0) }
    }

    func tearDown() {
        for console in consoles { console.close() }
        consoles = []
        server?.stop()
        server = nil
        for name in createdAccounts {
            // Anything a test left running as the account, ended by pid before the account goes.
            let pids = SSHCommand.runBlocking([tool("pgrep"), "-u", name]).stdout.split(separator: "\n").compactMap { Int32($0) }
            for pid in pids { kill(pid, SIGKILL) }
            _ = SSHCommand.runBlocking([tool("userdel"), "-r", "-f", name])
        }
        createdAccounts = []
        if createdGroup { _ = SSHCommand.runBlocking([tool("groupdel"), group]) }
        createdGroup = false
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func tool(_ name: String) -> String { SSHCommand.onPath(name) ?? "/usr/sbin/\(name)" }
}
