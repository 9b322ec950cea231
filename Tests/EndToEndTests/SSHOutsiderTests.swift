import Foundation
import Testing

/// An account on the same server that is not in the brokers' group.
@Suite("SSH: an account outside the brokers' group", .serialized,
       .enabled(if: SSHBrokerHost.unavailableReason == nil, Comment(rawValue: SSHBrokerHost.unavailableReason ?? "")))
struct SSHOutsiderTests {
    @Test("cannot read the database, and is told so in one clear sentence")
    func outsiderIsRefused() async throws {
        try await SSHBrokerHost.with { host in
            // The file system is what protects the data: not even the raw file can be read.
            let raw = await host.server!.run(as: host.eve.name, "cat \(host.database) > /dev/null")
            #expect(!raw.succeeded)

            // Opening the console, as the broker's login would.
            let console = try await host.openConsole(as: host.eve)
            let ending = try await console.waitForExit()
            let lines = try await console.screen(history: true).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(ending == .exited(1))
            #expect(lines.count == 1, "expected one sentence, got:\n\(lines.joined(separator: "\n"))")
            let sentence = lines.first ?? ""
            #expect(sentence.hasPrefix("You do not have permission to open \(host.database)"))
            #expect(sentence.contains(host.database))
            #expect(sentence.hasSuffix("."))
            let withoutPath = sentence.replacingOccurrences(of: host.database, with: "PATH")
            #expect(!withoutPath.dropLast().contains(". "), "one sentence, not several: \(sentence)")

            // The same from the command line: one sentence on stderr, exit 1, nothing on stdout.
            for arguments in ["record --giver 1 --receiver 2 --hours 1", "brokers add \(host.eve.name)", "members", "check"] {
                let r = try await host.run(as: host.eve, arguments)
                #expect(r.status == 1, "timebank \(arguments) as an outsider:\n\(r)")
                #expect(r.stderr.split(separator: "\n").count == 1, "timebank \(arguments): \(r.stderr)")
                #expect(r.stdout.isEmpty)
                // Reads and writes alike say it is a matter of permission, not a missing file.
                #expect(r.stderr.contains("You do not have permission to open"), "timebank \(arguments): \(r.stderr)")
            }
        }
    }
}
