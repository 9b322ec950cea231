import TimeBank
import TimeBankStore

/// One durable exchange commit: `store.record` of one exchange, WAL with synchronous=FULL,
/// so each figure includes the fsync a broker waits for.
enum CommitProbe {
    static func run(_ db: BenchDatabase, repetitions: Int) throws -> Figure {
        let pair = try db.store.members(MemberQuery(status: .active, sort: .number), limit: 2).rows.map(\.number)
        guard pair.count == 2 else { throw BenchFailure("the database has fewer than two active members") }
        let today = CalendarDate.today()
        var forward = true
        // Giving back and forth keeps both balances where they were, run after run.
        let samples = try Stopwatch.samples(warmUp: 20, repetitions: repetitions) {
            let (giver, receiver) = forward ? (pair[0], pair[1]) : (pair[1], pair[0])
            forward.toggle()
            let request = ExchangeRequest(date: today, giver: .member(giver), receiver: .member(receiver), minutes: 60,
                                          description: "timebank-bench commit")
            _ = try db.store.record(request, by: db.broker, acceptCreditLimit: true)
        }
        return Figure(name: "one durable exchange commit", unit: .milliseconds, summary: Summary(samples), target: Targets.commit,
                      method: "store.record of one exchange (WAL, synchronous=FULL), \(repetitions) commits after 20 unmeasured")
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
