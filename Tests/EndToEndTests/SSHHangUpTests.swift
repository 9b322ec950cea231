import Foundation
import Testing

/// A broker's SSH connection dies mid-session (laptop lid, lost Wi-Fi, a killed terminal).
@Suite("SSH: a connection killed mid-session", .serialized,
       .enabled(if: SSHBrokerHost.unavailableReason == nil, Comment(rawValue: SSHBrokerHost.unavailableReason ?? "")))
struct SSHHangUpTests {
    @Test("SIGKILL of the ssh client: the console on the server exits, nothing of the broker's is left running, and the database checks out with every saved exchange")
    func killedClient() async throws {
        try await SSHBrokerHost.with { host in
            let annConsole = try await host.openConsole(as: host.ann)
            let rajConsole = try await host.openConsole(as: host.raj)
            try await annConsole.waitFor("This month")
            try await rajConsole.waitFor("This month")
            let running = await host.processes(of: host.ann)
            try #require(!running.isEmpty, "Ann's console is not running on the server")

            let people = try await SSHBrokerActions.activeMembers(host, as: host.ann)
            try #require(people.count >= 2)
            var saved: [String] = []
            for (index, hours) in ["1", "2:15", "30m"].enumerated() {
                saved.append(try await SSHBrokerActions.record(host, as: host.ann, giver: people[index % 2], receiver: people[(index + 1) % 2],
                                                               hours: hours, note: "saved before the drop \(index)"))
            }
            // Mid-session: an overlay open and the screen being redrawn when the link dies.
            try await annConsole.press("?")
            try await annConsole.waitFor("Help (Esc to close)")

            let client = try await annConsole.clientPID()
            #expect(kill(client, SIGKILL) == 0)
            #expect(try await annConsole.waitForExit(seconds: 5) == .signalled(SIGKILL))

            // sshd sees the connection close, hangs up the pty, and the console ends on SIGHUP.
            let deadline = Date(timeIntervalSinceNow: 10)
            var left = await host.processes(of: host.ann)
            while !left.isEmpty && Date() < deadline {
                try await Task.sleep(nanoseconds: 100_000_000)
                left = await host.processes(of: host.ann)
            }
            let listing = await SSHCommand.run(["/bin/ps", "-o", "pid,stat,args", "-u", host.ann.name])
            #expect(left.isEmpty, "processes of \(host.ann.name) still running 10 s after the drop:\n\(listing.stdout)")

            // The other broker never noticed: the console still answers and quits normally.
            try await rajConsole.press("?")
            try await rajConsole.waitFor("Help (Esc to close)")
            try await rajConsole.press("Escape")
            try await rajConsole.waitUntilGone("Help (Esc to close)")
            try await rajConsole.press("q")
            let ending = try await rajConsole.waitForExit()
            let last = try await rajConsole.screen()
            #expect(ending == .exited(0), "Raj's console ended with \(ending):\n\(last)")

            let check = try await host.run(as: host.raj, "check")
            #expect(check.succeeded, "timebank check after the drop:\n\(check)")
            #expect(check.stdout.hasPrefix("OK:"))
            let exchanges = try await SSHBrokerActions.exchanges(host, as: host.raj)
            for id in saved {
                #expect(exchanges[id]?["recorded_by"] as? String == host.ann.name, "exchange \(id) saved before the drop is missing")
            }
        }
    }
}
