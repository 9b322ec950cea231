import BrokerConsole
import TerminalUI
import TimeBankStore

/// A keystroke in the Members search line to the redrawn list, typed the way a broker looks
/// someone up: surnames, first names, postcodes and member numbers, a character at a time and
/// rubbed out again, through the real Members screen (`MembersSearchTiming`: ConsoleApp's key
/// handling, the store's count and window, and the whole 80x24 frame).
enum SearchKeystrokeProbe {
    static func run(_ db: BenchDatabase) throws -> Figure {
        let words = try searchWords(db.store, members: db.members)
        // The first words warm SQLite's page cache and statement cache; only the rest count.
        let warmUp = 5
        _ = MembersSearchTiming.measure(store: db.store, broker: db.broker, keys: keys(Array(words.prefix(warmUp))))
        let measured = MembersSearchTiming.measure(store: db.store, broker: db.broker, keys: keys(Array(words.dropFirst(warmUp))))
        return Figure(name: "search keystroke to redrawn list, 500+ keys", unit: .milliseconds, summary: Summary(measured.samples),
                      target: Targets.searchKeystroke,
                      method: "headless: the Members screen, MembersSearchTiming (handle(key) + revision check + render() at 80x24); "
                          + "\(measured.samples.count) keystrokes typing and rubbing out \(words.count - warmUp) searches; "
                          + "slowest after typing " + measured.slowest(8).map { String(format: "'%@' %.1f ms", $0.search, $0.milliseconds) }.joined(separator: ", "))
    }

    /// The 100 keystrokes issue #4 asks about (`MembersSearchTiming.defaultKeys`: accents and an
    /// apostrophe, single broad letters, a phone and a postcode typed with spaces, offer words,
    /// a member number), after the same warm-up as above.
    static func issueKeys(_ db: BenchDatabase) throws -> Figure {
        let words = try searchWords(db.store, members: db.members)
        _ = MembersSearchTiming.measure(store: db.store, broker: db.broker, keys: keys(Array(words.prefix(5))))
        let measured = MembersSearchTiming.measure(store: db.store, broker: db.broker)
        return Figure(name: "search keystroke to redrawn list, issue's 100 keys", unit: .milliseconds, summary: Summary(measured.samples),
                      target: Targets.searchKeystrokeWorst,
                      method: "headless, as below: the \(measured.samples.count) keystrokes of MembersSearchTiming.defaultKeys; slowest after typing "
                          + measured.slowest(5).map { String(format: "'%@' %.1f ms", $0.search, $0.milliseconds) }.joined(separator: ", "))
    }

    static func keys(_ words: [String]) -> [Key] {
        words.flatMap { word in word.map { Key.char($0) } + Array(repeating: Key.backspace, count: word.count) }
    }

    /// Prefixes of real names, postcodes and numbers spread over the whole membership.
    static func searchWords(_ store: Store, members: Int) throws -> [String] {
        var words: [String] = []
        let picks = 60
        for i in 0..<picks {
            let offset = (i * max(1, members / picks)) % max(1, members)
            guard let m = try store.members(MemberQuery(sort: .number), offset: offset, limit: 1).rows.first else { continue }
            switch i % 6 {
            case 0, 1, 2: words.append(String((m.name.split(separator: " ").last ?? "").prefix(6)).lowercased())
            case 3: words.append(String((m.name.split(separator: " ").first ?? "").prefix(5)).lowercased())
            case 4: words.append(String(m.postcode.prefix(5)))
            default: words.append(String(m.number))
            }
        }
        return words.filter { !$0.isEmpty }
    }
}
