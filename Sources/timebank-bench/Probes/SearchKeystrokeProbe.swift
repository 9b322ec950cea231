import BrokerConsole
import TimeBankStore

/// A keystroke in the Members search line to the redrawn list, typed the way a broker looks
/// someone up: surnames, first names, postcodes and member numbers, a character at a time.
enum SearchKeystrokeProbe {
    static func run(_ db: BenchDatabase) throws -> Figure {
        let words = try searchWords(db.store, members: db.members)
        var line: any SearchLine = ConsoleSearchLine(context: ConsoleContext(store: db.store, broker: db.broker))
            ?? StoreQuerySearchLine(store: db.store)
        // The first words warm SQLite's page cache and statement cache; only the rest count.
        let warmUp = 5
        var samples: [Double] = []
        var slowest: [(ms: Double, typed: String)] = []
        for (index, word) in words.enumerated() {
            var typed = ""
            for character in word {
                typed.append(character)
                let ms = try Stopwatch.milliseconds { _ = try line.type(character) }
                guard index >= warmUp else { continue }
                samples.append(ms)
                slowest = Array((slowest + [(ms, typed)]).sorted { $0.ms > $1.ms }.prefix(3))
            }
            try line.clear()
        }
        // Which search texts are slow says where to look (short prefixes match most of the members).
        let worst = slowest.map { "'\($0.typed)' \(Int($0.ms.rounded())) ms" }.joined(separator: ", ")
        return Figure(name: "search keystroke to redrawn list", unit: .milliseconds, summary: Summary(samples),
                      target: Targets.searchKeystroke,
                      method: "\(line.method); \(samples.count) keystrokes in \(words.count - warmUp) words; slowest: \(worst)")
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
