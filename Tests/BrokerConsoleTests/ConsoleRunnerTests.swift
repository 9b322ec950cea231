import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// The runner draws a frame for what the broker sees, not for every key: keys that are already
/// waiting when one is handled (a paste, typing over a slow link) are handled before the next frame.
@Suite("The console's runner")
struct ConsoleRunnerTests {
    /// A terminal on which every key is already waiting, as after a paste; it keeps each frame
    /// drawn, and hangs up once the keys are gone and the console has had two quiet reads.
    final class PastedKeysTerminal: TerminalBackend {
        let size = Size(width: 80, height: 24)
        let startupNotice: String? = nil
        let hasColour = false
        private var keys: [Key]
        private var quietReads = 0
        private(set) var frames: [Frame] = []

        init(_ keys: [Key]) { self.keys = keys }

        var hangupRequested: Bool { keys.isEmpty && quietReads >= 2 }

        func readKey(timeoutMilliseconds: Int) -> Key? {
            guard !keys.isEmpty else {
                quietReads += 1
                return nil
            }
            return keys.removeFirst()
        }

        func draw(_ frame: Frame) { frames.append(frame) }
        func shutdown() {}
    }

    @Test("A paste of 2,000 characters into the period prompt is handled whole and drawn in a few frames")
    func pasteDrawnOnce() throws {
        let db = try TestStore(demoMembers: 20)
        let context = ConsoleContext(store: db.store, broker: db.broker, today: { CalendarDate(year: 2026, month: 11, day: 29)! },
                                     defersSlowWork: true)
        var app = ConsoleApp(context: context, size: Size(width: 80, height: 24), screens: [TodayScreen(), ReportsScreen()])
        let pasted = [Key](repeating: .char("x"), count: 2000)
        let terminal = PastedKeysTerminal([.char("6"), .char("p")] + pasted + [.enter])
        ConsoleRunner.run(&app, on: terminal)
        let last = terminal.frames.last?.lines.joined(separator: "\n") ?? ""
        #expect(last.contains("'\(String(repeating: "x", count: 40))' is not a period"), "\(last)")
        // Today first, then screen 6 with the whole paste and its sentence, then its report.
        #expect(terminal.frames.count <= 5, "\(terminal.frames.count) frames")
    }
}
