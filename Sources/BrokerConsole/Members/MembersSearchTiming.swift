import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// How long the Members screen takes from a keystroke in its search line to the finished
/// frame: the console's own key handling, the store's count and window, and drawing the whole
/// 80x24 screen, as the runner does between reading a key and handing the frame to ncurses.
/// A benchmark program calls this on a large demo database built in release mode.
public enum MembersSearchTiming {
    public struct Result: Sendable, CustomStringConvertible {
        /// Milliseconds per keystroke, in the order typed.
        public let samples: [Double]
        public let keys: [Key]

        public var median: Double {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        public var worst: Double { samples.max() ?? 0 }

        /// The search text after the slowest keystroke, to say which query it was.
        public var slowestSearch: String { slowest(1).first?.search ?? "" }

        /// The search text after each keystroke, in the order typed.
        public var searches: [String] {
            var text = ""
            return keys.map { key in
                if case .char(let c) = key { text.append(c) } else if key == .backspace, !text.isEmpty { text.removeLast() }
                return text
            }
        }

        /// The slowest keystrokes, slowest first, with the search text each left behind.
        public func slowest(_ count: Int) -> [(search: String, milliseconds: Double)] {
            let texts = searches
            return samples.indices.sorted { samples[$0] > samples[$1] }.prefix(count).map { (texts[$0], samples[$0]) }
        }

        public var description: String {
            "\(samples.count) keystrokes: median \(String(format: "%.2f", median)) ms, worst \(String(format: "%.2f", worst)) ms (after typing \"\(slowestSearch)\")"
        }
    }

    /// What brokers type: names with accents and apostrophes, a broad single letter, phone
    /// numbers and postcodes with spaces, offer words and member numbers, each typed and then
    /// rubbed out again, 100 keystrokes in all.
    public static let defaultKeys: [Key] = {
        let searches = ["zoe", "obrien", "a", "gl1 2ab", "07700 900", "garden", "smith", "m", "1042", "dog walking"]
        var keys: [Key] = []
        for text in searches {
            keys += text.map { Key.char($0) }
            keys += Array(repeating: Key.backspace, count: text.count)
        }
        return Array(keys.prefix(100))
    }()

    /// Opens a console on Members at `size`, starts the search line, then times each key.
    public static func measure(store: Store, broker: Broker, keys: [Key] = defaultKeys,
                               size: Size = Size(width: 80, height: 24), today: CalendarDate = .today()) -> Result {
        let context = ConsoleContext(store: store, broker: broker, today: { today })
        var app = ConsoleApp(context: context, size: size)
        _ = app.handle(.char(ScreenID.members.key))
        _ = app.handle(.char("/"))
        _ = app.render()
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(keys.count)
        for key in keys {
            let start = clock.now
            _ = app.handle(key)
            // The runner looks for other brokers' writes after every key, so that is timed too.
            _ = try? store.revision()
            let frame = app.render()
            let elapsed = clock.now - start
            precondition(frame.size == size)
            samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return Result(samples: samples, keys: keys)
    }
}
