import BrokerConsole
import NcursesTerminal
import TimeBankStore

/// The console exactly as `timebank --db PATH` runs it (ConsoleApp on NcursesTerminal through
/// ConsoleRunner), started by the memory probe as a child process of the benchmark so that
/// its peak memory is the console's alone, not the benchmark's.
enum ConsoleSession {
    static func run(database path: String) throws {
        let store = try Store(path: path)
        let broker = try store.signIn(username: BenchDatabase.unixUser())
        ProcessMemory.handLargeBlocksBackWhenFreed()
        let terminal = try NcursesTerminal()
        var app = ConsoleApp(context: ConsoleContext(store: store, broker: broker, defersSlowWork: true), size: terminal.size, notice: terminal.startupNotice)
        ConsoleRunner.run(&app, on: terminal)
    }
}
