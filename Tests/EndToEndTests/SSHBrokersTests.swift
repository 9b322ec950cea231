import Foundation
import Testing
import TimeBankStore

/// Two brokers on one shared server, each in their own SSH session, on the same database.
@Suite("SSH: two brokers at once", .serialized,
       .enabled(if: SSHBrokerHost.unavailableReason == nil, Comment(rawValue: SSHBrokerHost.unavailableReason ?? "")))
struct SSHBrokersTests {
    @Test("both consoles stay open while each broker finds a member and records hours; each sees the other's write, and the ledger and audit log name the right broker")
    func twoBrokersAtOnce() async throws {
        try await SSHBrokerHost.with { host in
            // The database was created by Ann through the store into the setgid folder: group-shared, 0660.
            var info = stat()
            #expect(stat(host.database, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660)
            #expect(info.st_gid == getgrnam(host.group)?.pointee.gr_gid)

            let annConsole = try await host.openConsole(as: host.ann)
            let rajConsole = try await host.openConsole(as: host.raj)
            let annScreen = try await annConsole.waitFor("Ann Lee (admin)")
            let rajScreen = try await rajConsole.waitFor("Raj Patel (broker)")
            let before = try #require(SSHBrokerActions.thisMonthExchanges(on: try await rajConsole.waitFor("This month")),
                                      "no month figures on Raj's Today:\n\(rajScreen)")
            #expect(SSHBrokerActions.thisMonthExchanges(on: annScreen) == before || annScreen.contains("This month") == false)

            let people = try await SSHBrokerActions.activeMembers(host, as: host.ann)
            try #require(people.count >= 4, "the demo has too few active members")
            // Each broker finds a member on the Members screen and records hours on Record hours.
            try await SSHBrokerActions.findOnScreen(people[0], in: annConsole)
            try await SSHBrokerActions.recordOnScreen(in: annConsole, giver: people[0], receiver: people[1], hours: "1:30")
            let annID = try await SSHBrokerActions.recordedID(host, as: host.ann, giver: people[0], receiver: people[1], by: host.ann.name)
            // Raj's console notices Ann's write by itself (it polls the database about every quarter second).
            try await rajConsole.waitFor("\(before + 1) exchange", seconds: 10)

            try await SSHBrokerActions.findOnScreen(people[2], in: rajConsole)
            try await SSHBrokerActions.recordOnScreen(in: rajConsole, giver: people[2], receiver: people[3], hours: "45m")
            let rajID = try await SSHBrokerActions.recordedID(host, as: host.raj, giver: people[2], receiver: people[3], by: host.raj.name)
            try await annConsole.waitFor("\(before + 2) exchange", seconds: 10)
            try await rajConsole.waitFor("\(before + 2) exchange", seconds: 10)

            // Both consoles still answer keys after the other's writes, then quit cleanly.
            for console in [annConsole, rajConsole] {
                try await console.press("?")
                try await console.waitFor("Help (Esc to close)")
                try await console.press("Escape")
                // A busy console would read Esc and a quick q together, as Alt-q.
                try await console.waitUntilGone("Help (Esc to close)")
                try await console.press("q")
                let ending = try await console.waitForExit()
                let last = try await console.screen()
                #expect(ending == .exited(0), "\(console.session) ended with \(ending):\n\(last)")
            }

            let exchanges = try await SSHBrokerActions.exchanges(host, as: host.raj)
            #expect(exchanges[annID]?["recorded_by"] as? String == host.ann.name)
            #expect(exchanges[annID]?["minutes"] as? Int == 90)
            #expect(exchanges[rajID]?["recorded_by"] as? String == host.raj.name)
            #expect(exchanges[rajID]?["minutes"] as? Int == 45)

            // The audit log, read as root from the file itself.
            let audit = try Store(path: host.database).auditLog(entity: "exchange", limit: 50)
            #expect(audit.first { $0.entityID == annID }?.broker == host.ann.name)
            #expect(audit.first { $0.entityID == rajID }?.broker == host.raj.name)
            let brokers = try Store(path: host.database).brokers()
            #expect(brokers.first { $0.username == host.ann.name }?.displayName == "Ann Lee")
            #expect(brokers.first { $0.username == host.raj.name }?.displayName == "Raj Patel")
        }
    }
}
