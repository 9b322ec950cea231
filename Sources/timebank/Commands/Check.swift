import ArgumentParser
import TimeBankStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify the database: SQLite integrity, zero-sum ledger, no orphans, cached figures equal to the ledger.",
        discussion: "Exits 3 and lists each problem when something is wrong.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try Session.openForReading(database)
        let problems = try attempt { try store.check() }
        guard problems.isEmpty else {
            throw CommandFailure.dataProblem(problems.joined(separator: "\n") + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(store.path).")
        }
        let count = try attempt { try store.exchangeCount() }
        try CommandOutput.standardOutput().finishLine("OK: \(count) exchanges; balances sum to zero and match the ledger.")
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a consistent copy of the database while others keep working.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Where to write the copy: a new file, or an existing one with --force.") var file: String
    @Flag(help: "Replace the file if it already exists.") var force = false

    func run() throws {
        let store = try Session.openForReading(database)
        let stopped = PartialFileGuard(removing: Store.backupTemporaryPath(for: file))
        defer { stopped.release() }
        try attempt { try store.backup(to: file, replacing: force) }
        try CommandOutput.standardOutput().finishLine("Backed up \(store.path) to \(file).")
    }
}
