import ArgumentParser
import BrokerConsole
import Foundation
import NcursesTerminal
import TimeBank
import TimeBankStore

struct Console: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the terminal application (what 'timebank' alone does).",
        discussion: "With --demo and no --db, opens a fresh demo time bank in a temporary file, made anew each time.")

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        try options.open()
    }
}

/// What opening the console takes; shared by `timebank` alone and `timebank console`.
struct ConsoleOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Open a fresh demo time bank.") var demo = false
    @Option(help: "Members in the demo time bank.") var demoMembers: Int = 300

    func open() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure.user("The console needs a terminal; for scripts use the subcommands (timebank --help).")
        }
        ProcessMemory.handLargeBlocksBackWhenFreed()
        var options = database
        if demo { options.db = try prepareDemo() }
        // A shared login signs brokers in on the console's own screen; a personal one is its broker.
        let store = try attempt { try Store(path: Store.resolvePath(explicit: options.db)) }
        let shared = try attempt { try store.isSharedLogin(Session.unixUser()) }
        let owner = shared ? nil : try Session.open(options).broker
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            throw CommandFailure.user("The terminal could not be started: \(error).")
        }
        let notice = terminal.startupNotice
        var app = GuardedConsole(store: store, owner: owner, size: terminal.size, choosesPinAtStart: !demo) { broker in
            ConsoleApp(context: ConsoleContext(store: store, broker: broker, defersSlowWork: true), size: terminal.size, notice: notice)
        }
        ConsoleRunner.run(&app, on: terminal)
        // The terminal is restored and every write committed; a hang-up arriving while the process
        // winds down (tmux or sshd closing the pty) must not turn a clean quit into a failure.
        signal(SIGHUP, SIG_IGN)
    }

    /// A demo database: the given --db if it is new or empty, else a fresh temporary file.
    func prepareDemo() throws -> String {
        let path: String
        if let given = database.db {
            path = given
        } else {
            let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            path = "\(folder)/timebank-demo-\(Session.unixUser()).sqlite"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let session = try Session.open(DatabaseOptions(db: path))
        let members = try attempt { try session.store.members(MemberQuery(), limit: 1).total }
        if members == 0 {
            FileHandle.standardError.write(Data("Preparing a demo time bank of \(demoMembers) members…\n".utf8))
            _ = try attempt { try session.store.populateDemo(DemoOptions(members: demoMembers, seed: 1), by: session.broker) }
        } else if database.db != nil {
            throw CommandFailure.user("\(path) already holds a time bank; --demo needs a new file or no --db.")
        }
        return path
    }
}
