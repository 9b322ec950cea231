import Foundation

/// A private sshd on 127.0.0.1 and a free high port, with its own host key and one client key
/// authorised for the test accounts, all under `folder`. It never reads /etc/ssh.
final class SSHServer: @unchecked Sendable {
    let port: UInt16
    let clientKey: String
    let logFile: String
    private let pid: pid_t
    private var stopped = false

    static var sshdPath: String? { SSHCommand.find(["/usr/sbin/sshd", "/usr/local/sbin/sshd"]) }
    static var sshPath: String? { SSHCommand.onPath("ssh") }

    /// Starts sshd for `users` and waits until the first of them can log in.
    init(folder: String, users: [String]) async throws {
        guard let sshd = SSHServer.sshdPath, let keygen = SSHCommand.onPath("ssh-keygen") else {
            throw SSHTestError("sshd or ssh-keygen is missing")
        }
        let keys = folder + "/keys"      // root only: host key and the client's private key
        let auth = folder + "/auth"      // readable by all: sshd reads authorized_keys as the user
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(atPath: auth, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try await SSHCommand.check([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "tb-ssh-host", "-f", keys + "/host_ed25519"])
        try await SSHCommand.check([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "tb-ssh-client", "-f", keys + "/client"])
        let publicKey = try String(contentsOfFile: keys + "/client.pub", encoding: .utf8)
        _ = FileManager.default.createFile(atPath: auth + "/authorized_keys", contents: Data(publicKey.utf8),
                                       attributes: [.posixPermissions: 0o644])
        clientKey = keys + "/client"

        // sshd refuses to start without its privilege separation folder; a container may lack it.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        port = try SSHServer.freePort()
        let config = folder + "/sshd_config"
        let settings = [
            "HostKey \(keys)/host_ed25519",
            "PidFile none",
            "AuthorizedKeysFile \(auth)/authorized_keys",
            // The temporary folder lives under /tmp (world-writable), which StrictModes rejects.
            "StrictModes no",
            // Without PAM, and with accounts whose password field is "*" (no password, not locked).
            "UsePAM no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin no",
            "AllowUsers \(users.joined(separator: " "))",
            "PrintMotd no",
            "PrintLastLog no",
            "X11Forwarding no",
            "AllowTcpForwarding no",
            "LogLevel VERBOSE",
        ]
        try (settings.joined(separator: "\n") + "\n").write(toFile: config, atomically: true, encoding: .utf8)
        logFile = folder + "/sshd.log"
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        pid = try SSHCommand.spawn([sshd, "-D", "-e", "-f", config, "-p", String(port), "-o", "ListenAddress=127.0.0.1"],
                                   stdout: logFile, stderr: logFile)
        try await waitUntilLoginWorks(as: users[0])
    }

    /// Stops sshd (its sessions' processes are the accounts' and are ended with them).
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        if SSHCommand.wait(pid, timeout: 5) == nil {
            kill(pid, SIGKILL)
            _ = SSHCommand.wait(pid, timeout: 5)
        }
    }

    private var isRunning: Bool { kill(pid, 0) == 0 && !stopped }

    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// The `ssh` command line for `user`; `terminal` asks for a remote pty as a broker's login would.
    func sshArguments(user: String, command: String, terminal: Bool) -> [String] {
        [SSHServer.sshPath ?? "/usr/bin/ssh",
         "-F", "/dev/null",
         "-p", String(port),
         "-i", clientKey,
         "-o", "IdentitiesOnly=yes",
         "-o", "BatchMode=yes",
         "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null",
         "-o", "LogLevel=ERROR",
         terminal ? "-tt" : "-T",
         "\(user)@127.0.0.1",
         command]
    }

    /// Runs a command as `user` over SSH without a terminal, as a script would.
    func run(as user: String, _ command: String, timeout: Double = 120) async -> SSHCommand.Result {
        await SSHCommand.run(sshArguments(user: user, command: command, terminal: false), timeout: timeout)
    }

    private func waitUntilLoginWorks(as user: String) async throws {
        let deadline = Date(timeIntervalSinceNow: 15)
        var last = await run(as: user, "true", timeout: 10)
        while !last.succeeded {
            guard isRunning else { throw SSHTestError("sshd exited:\n\(log)") }
            guard Date() < deadline else { throw SSHTestError("no SSH login as \(user) within 15 s:\n\(last)\nsshd log:\n\(log)") }
            try await Task.sleep(nanoseconds: 200_000_000)
            last = await run(as: user, "true", timeout: 10)
        }
    }

    /// A port nobody listens on now: bind to port 0 and let the kernel choose.
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SSHTestError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SSHTestError("could not find a free port: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }
}
