import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill an empty database with a realistic, reproducible demo time bank.",
        discussion: "Names, skills, needs, referrals in every state and a year of exchanges. The same seed gives the same data.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "How many members.") var members: Int = 300
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        guard (1...1_000_000).contains(members) else { throw ValidationError("--members must be between 1 and 1,000,000.") }
    }

    func run() throws {
        let session = try Session.open(database)
        let started = Date()
        let interactive = isatty(STDERR_FILENO) == 1
        let summary = try attempt {
            try session.store.populateDemo(DemoOptions(members: members, seed: seed), by: session.broker) { phase, fraction in
                guard interactive else { return }
                FileHandle.standardError.write(Data("\r\u{1B}[K\(phase) \(Int(fraction * 100))%".utf8))
            }
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        try CommandOutput.standardOutput().finishLine("Demo time bank in \(session.store.path): \(summary.members) members (\(summary.organisations) organisations), "
              + "\(summary.offers) offers, \(summary.needs) needs, \(summary.referrals) referrals, \(summary.exchanges) exchanges "
              + "(\(summary.reversals) reversals, \(summary.groupActivities) group activities) in \(seconds) s.")
    }
}
