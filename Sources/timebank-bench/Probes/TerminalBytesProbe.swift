import BrokerConsole
import NcursesTerminal
import TerminalUI
import TimeBankStore

/// Bytes the ncurses layer sends for a frame, through a real pseudo-terminal at 80x24 as
/// xterm-256color: what a slow SSH link has to carry.
enum TerminalBytesProbe {
    static let size = Size(width: 80, height: 24)

    /// A full redraw: Today's frame drawn onto a fresh screen, initial clear included.
    static func fullRedraw(_ db: BenchDatabase) throws -> Figure {
        let app = ConsoleApp(context: ConsoleContext(store: db.store, broker: db.broker), size: size)
        let frame = app.render()
        var samples: [Double] = []
        for _ in 0..<5 {
            samples += try OutputByteCounter.measureBytesWritten(frames: [frame], size: size).map(Double.init)
        }
        return Figure(name: "bytes for a full redraw (80x24)", unit: .bytes, summary: Summary(samples), target: nil,
                      method: "OutputByteCounter through a pty: Today's frame on a cleared screen, xterm-256color, colour")
    }

    /// A one-row move: Down in the Members screen's list, frame after frame, as the console draws them.
    static func oneRowMove(_ db: BenchDatabase) throws -> Figure {
        var app = ConsoleApp(context: ConsoleContext(store: db.store, broker: db.broker), size: size)
        _ = app.handle(.char(ScreenID.members.key))
        var frames = [app.render()]
        for _ in 0..<15 {
            _ = app.handle(.down)
            frames.append(app.render())
        }
        guard frames[1] != frames[0] else { throw BenchFailure("Down did not move the Members list") }
        // The first figure is the initial full draw; every later one is a single move.
        let samples = try OutputByteCounter.measureBytesWritten(frames: frames, size: size).dropFirst().map(Double.init)
        return Figure(name: "bytes for a one-row list move (80x24)", unit: .bytes, summary: Summary(Array(samples)),
                      target: Targets.oneRowMove,
                      method: "OutputByteCounter through a pty: \(samples.count) presses of Down in the Members screen's list, xterm-256color, colour")
    }
}
