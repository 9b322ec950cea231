import BrokerConsole
import Foundation
import TerminalUI
import TimeBankStore

/// Start-up to the first drawn frame of Today, headless: opening the store (pool, migration
/// check), signing the broker in, building ConsoleApp (which loads Today's figures) and
/// rendering its frame, as the console does on a terminal (`defersSlowWork`: the four lists
/// are read once the frame is up). The second figure goes on until the lists are drawn too.
/// Process start and ncurses start-up are in the memory probe's session.
enum FirstFrameProbe {
    static func run(_ db: BenchDatabase, repetitions: Int) throws -> [Figure] {
        var firstFrame: [Double] = []
        var complete: [Double] = []
        func since(_ start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        for run in 0..<(repetitions + 3) {
            let start = DispatchTime.now().uptimeNanoseconds
            let store = try Store(path: db.path)
            let broker = try store.signIn(username: db.broker.username)
            var app = ConsoleApp(context: ConsoleContext(store: store, broker: broker, defersSlowWork: true), size: Size(width: 80, height: 24))
            let frame = app.render()
            let first = since(start)
            precondition(frame.lines.joined().contains("This month"), "Today did not draw its figures")
            app.doDeferredWork()
            let drawn = app.render()
            let whole = since(start)
            precondition(!drawn.lines.joined().contains("Reading the lists"), "Today did not draw its lists")
            // The first three runs warm the caches and are not counted.
            if run >= 3 { firstFrame.append(first); complete.append(whole) }
        }
        return [
            Figure(name: "start-up to first frame of Today", unit: .milliseconds, summary: Summary(firstFrame), target: Targets.firstFrame,
                   method: "headless: Store(path:) + signIn + ConsoleApp(context:size:) + render() at 80x24 with the figures, \(repetitions) runs"),
            Figure(name: "start-up to Today with its four lists", unit: .milliseconds, summary: Summary(complete), target: nil,
                   method: "as above, then the lists read once the frame is up (ConsoleApp.doDeferredWork) and drawn"),
        ]
    }
}
