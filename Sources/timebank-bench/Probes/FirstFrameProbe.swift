import BrokerConsole
import TerminalUI
import TimeBankStore

/// Start-up to the first drawn frame of Today, headless: opening the store (pool, migration
/// check), signing the broker in, building ConsoleApp (which loads Today's figures) and
/// rendering its frame. Process start and ncurses start-up are in the memory probe's session.
enum FirstFrameProbe {
    static func run(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        let samples = try Stopwatch.samples(warmUp: 3, repetitions: repetitions) {
            let store = try Store(path: db.path)
            let broker = try store.signIn(username: db.broker.username)
            let app = ConsoleApp(context: ConsoleContext(store: store, broker: broker), size: Size(width: 80, height: 24))
            let frame = app.render()
            precondition(frame.lines.joined().contains("This month"), "Today did not draw its figures")
        }
        return Figure(name: "start-up to first frame of Today", unit: .milliseconds, summary: Summary(samples),
                      target: Targets.firstFrame,
                      method: "headless: Store(path:) + signIn + ConsoleApp(context:size:) + render() at 80x24, \(repetitions) runs")
    }
}
