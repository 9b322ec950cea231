import Dispatch
import GRDB
import Synchronization
import TimeBank

/// Which periods a report counts: the period, the previous one of the same length and the same
/// one a year before. For a year the previous period is the year before: counted once.
struct ReportPlan: Sendable {
    let period: ReportPeriod
    let previous: ReportPeriod?
    /// Nil when there is none or when it is `previous`.
    let yearBefore: ReportPeriod?
    let yearBeforeIsPrevious: Bool

    init(_ period: ReportPeriod) {
        self.period = period
        previous = period.previous
        yearBeforeIsPrevious = period.yearBefore != nil && period.yearBefore == period.previous
        yearBefore = yearBeforeIsPrevious ? nil : period.yearBefore
    }

    /// Every period the report counts.
    var periods: [ReportPeriod] { [period] + [previous, yearBefore].compactMap { $0 } }

    /// The current period counted: its figures, or (a period longer than a month, whose retention
    /// compares it with the previous period's actives) its tally and the names it needs.
    enum Current: Sendable {
        case figures(ReportFigures)
        case waiting(ReportTally, names: [Int: String])
    }

    /// The report from what each period's count gave.
    func report(timeBankName: String, current: Current, previous: (figures: ReportFigures, active: [Bool])?,
                yearBefore: (figures: ReportFigures, active: [Bool])?, people: ReportPeople,
                categories: [String: ReportCategory]) -> Report {
        Report(timeBankName: timeBankName,
               current: figures(current, previousActive: previous?.active, people: people, categories: categories),
               previous: previous?.figures, yearBefore: yearBeforeIsPrevious ? previous?.figures : yearBefore?.figures)
    }

    /// The current period's figures from its count and who was active in the previous period
    /// (nil when there is none).
    func figures(_ current: Current, previousActive: [Bool]?, people: ReportPeople,
                 categories: [String: ReportCategory]) -> ReportFigures {
        switch current {
        case .figures(let counted):
            return counted
        case .waiting(var tally, let names):
            if let previousActive { tally.retention = ReportRetention(activeBefore: previousActive, activeNow: tally.members.active) }
            return ReportFigures.compute(tally, people: people, names: names, categories: categories)
        }
    }
}

extension Store {
    /// A report's periods counted at the same time on the store's two reader connections, each
    /// in its own read transaction. Both must read the same state of the file: each notes what
    /// every write changes (the last audit entry, the last ledger entry, the members' version)
    /// at its first read; if the two differ, both stop and the report is counted again on one
    /// connection.
    ///
    /// The work is cut in jobs taken in turn by whichever connection is free: each period's count
    /// of exchanges between members, and apart from it, what is not counted from them (pot,
    /// leavers, needs, vetting, joiners: `fillReportTally`). A period's count takes its fill when
    /// done, runs it itself when no one has started it, or waits for the other connection to finish it.
    ///
    /// The current period is counted first (its count is the longest job); the figures of a
    /// period longer than a month, whose retention needs the previous period's actives, are
    /// computed as soon as both counts are done. The reversals, read by both connections, are
    /// read once and shared: both read the same state or the run stops.
    struct ReportRun: Sendable {
        let store: Store
        let period: ReportPeriod
        let today: CalendarDate
        let people: (version: Int, people: ReportPeople)

        enum Job: Sendable {
            case fill(ReportPeriod)
            case comparison(ReportPeriod)
            case current(ReportPeriod)
        }

        struct Outcome: Sendable {
            var fingerprints: [[Int64]] = []
            var comparisons: [(period: ReportPeriod, figures: ReportFigures, active: [Bool])] = []
            var current: ReportPlan.Current?
            var timeBankName = ""
            var categories: [String: ReportCategory] = [:]
            var error: (any Error)?
        }

        /// The report, or nil when a write came between the two connections' first reads.
        func parallel() throws -> Report? {
            let plan = ReportPlan(period)
            // The current period first: it alone names its milestone members, and its month is the
            // likeliest not to be packed yet (`packMonths`), so its count is the longest job; the
            // other connection does its fill meanwhile, then the comparisons'.
            var jobs: [Job] = [.current(period), .fill(period)]
            jobs += [plan.previous, plan.yearBefore].compactMap { $0 }.flatMap { [Job.fill($0), .comparison($0)] }
            let queue = Mutex(jobs[...])
            let today = self.today
            let outcome = Mutex(Outcome())
            let fills = ReportFills(plan.periods, today: today)
            let people = self.people.people, peopleVersion = Int64(self.people.version)
            // Set when the connections read different states: both stop at their next job.
            let abandoned = Mutex(false)
            // Read by whichever connection comes first, under the lock, so the other waits for it.
            let sharedReversals = Mutex<[ReportReversal]?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do {
                    try store.read { db in
                        let fingerprint = try Store.reportFingerprint(db)
                        // A connection that comes when every job is taken reads nothing: its state does not matter.
                        guard let first = queue.withLock({ $0.popFirst() }) else { return }
                        let agrees = outcome.withLock { o in
                            o.fingerprints.append(fingerprint)
                            return o.fingerprints.allSatisfy { $0 == fingerprint } && fingerprint.last == peopleVersion
                        }
                        guard agrees else {
                            abandoned.withLock { $0 = true }
                            return
                        }
                        try Store.withReportCache(db) {
                            let reversals = try sharedReversals.withLock { kept in
                                if let kept { return kept }
                                let read = try store.cachedReportReversals(db)
                                kept = read
                                return read
                            }
                            let categories = try Store.reportCategories(db)
                            func fill(_ tally: inout ReportTally) throws {
                                Store.takeFill(from: try fills.take(tally.period) { fills.run($0, db, people: people, reversals: reversals) },
                                               into: &tally)
                            }
                            var job: Job? = first
                            while let next = job {
                                switch next {
                                case .fill(let p):
                                    if fills.claim(p) { fills.run(p, db, people: people, reversals: reversals) }
                                case .comparison(let p):
                                    let counted = try Store.comparisonFigures(db, p, people: people, reversals: reversals,
                                                                              categories: categories, today: today, fill: fill)
                                    outcome.withLock { $0.comparisons.append((p, counted.figures, counted.active)) }
                                case .current(let p):
                                    var counted = try Store.currentCount(db, p, people: people, reversals: reversals,
                                                                         categories: categories, today: today, fill: fill)
                                    // The previous period already counted: the figures now, and the tally freed.
                                    if case .waiting = counted, let previous = plan.previous,
                                       let active = outcome.withLock({ $0.comparisons.first(where: { $0.period == previous })?.active }) {
                                        counted = .figures(plan.figures(counted, previousActive: active, people: people, categories: categories))
                                    }
                                    let name = try Store.settings(db).timeBankName
                                    outcome.withLock {
                                        $0.current = counted
                                        $0.timeBankName = name
                                        $0.categories = categories
                                    }
                                }
                                job = abandoned.withLock({ $0 }) ? nil : queue.withLock { $0.popFirst() }
                            }
                        }
                    }
                } catch {
                    outcome.withLock { $0.error = $0.error ?? error }
                }
            }
            return try outcome.withLock { o -> Report? in
                if let error = o.error { throw error }
                guard !abandoned.withLock({ $0 }), let fingerprint = o.fingerprints.first, o.fingerprints.allSatisfy({ $0 == fingerprint }),
                      fingerprint.last == peopleVersion, let current = o.current else { return nil }
                func counted(_ p: ReportPeriod?) -> (figures: ReportFigures, active: [Bool])? {
                    guard let p, let c = o.comparisons.first(where: { $0.period == p }) else { return nil }
                    return (c.figures, c.active)
                }
                return plan.report(timeBankName: o.timeBankName, current: current, previous: counted(plan.previous),
                                   yearBefore: counted(plan.yearBefore), people: people, categories: o.categories)
            }
        }
    }

    /// Each period's fill, run once by whichever connection claims it first.
    final class ReportFills: Sendable {
        enum State: Sendable {
            case waiting
            case running
            case done(ReportTally)
            case failed(any Error)
        }

        private let today: CalendarDate
        private let states: Mutex<[ReportPeriod: State]>
        /// Signalled once when a period's fill is done or failed.
        private let finished: [ReportPeriod: DispatchSemaphore]

        init(_ periods: [ReportPeriod], today: CalendarDate) {
            self.today = today
            states = Mutex(Dictionary(periods.map { ($0, State.waiting) }, uniquingKeysWith: { a, _ in a }))
            finished = Dictionary(periods.map { ($0, DispatchSemaphore(value: 0)) }, uniquingKeysWith: { a, _ in a })
        }

        /// Whether the caller is the one to run the period's fill.
        func claim(_ p: ReportPeriod) -> Bool {
            states.withLock { states in
                guard case .waiting = states[p] else { return false }
                states[p] = .running
                return true
            }
        }

        /// Runs a claimed fill and hands it to whoever waits for it.
        func run(_ p: ReportPeriod, _ db: Database, people: ReportPeople, reversals: [ReportReversal]) {
            var filled = ReportTally(period: p, today: today)
            let state: State
            do {
                try Store.fillReportTally(db, &filled, people: people, reversals: reversals)
                state = .done(filled)
            } catch {
                state = .failed(error)
            }
            states.withLock { $0[p] = state }
            finished[p]?.signal()
        }

        /// The period's fill: run here by `runHere` when no one has started it, else once the
        /// connection running it is done.
        func take(_ p: ReportPeriod, runHere: (ReportPeriod) -> Void) throws -> ReportTally {
            if claim(p) { runHere(p) } else if let semaphore = finished[p] {
                semaphore.wait()
                semaphore.signal()
            }
            switch states.withLock({ $0[p] }) {
            case .done(let filled): return filled
            case .failed(let error): throw error
            default: throw StoreError.invalid("The report could not be counted; nothing was changed.")
            }
        }
    }

    /// What every write changes: the last audit entry (every change is audited), the last ledger
    /// entry and the members' report version. Two reads with the same fingerprint read the same state.
    static func reportFingerprint(_ db: Database) throws -> [Int64] {
        let row = try Row.fetchOne(db, sql: """
            SELECT \(Store.lastAuditEntry), (SELECT coalesce(max(seq), 0) FROM exchange),
                   (SELECT coalesce(max(version), 0) FROM report_people_version)
            """)
        return [row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0]
    }
}
