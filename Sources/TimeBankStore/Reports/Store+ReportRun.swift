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

    /// The report from what each period's count gave. Retention of a current period longer than
    /// a month compares it with the previous period's active members.
    func report(timeBankName: String, current: (tally: ReportTally, names: [Int: String]),
                previous: (figures: ReportFigures, active: [Bool])?, yearBefore: (figures: ReportFigures, active: [Bool])?,
                people: ReportPeople, categories: [String: ReportCategory]) -> Report {
        var tally = current.tally
        if tally.retention == nil, let previous {
            tally.retention = ReportRetention(activeBefore: previous.active, activeNow: tally.members.active)
        }
        let figures = ReportFigures.compute(tally, people: people, names: current.names, categories: categories)
        return Report(timeBankName: timeBankName, current: figures, previous: previous?.figures,
                      yearBefore: yearBeforeIsPrevious ? previous?.figures : yearBefore?.figures)
    }
}

extension Store {
    /// A report's periods counted at the same time on the store's two reader connections, each
    /// in its own read transaction. Both must read the same state of the file: each notes what
    /// every write changes (the last audit entry, the last ledger entry, the members' version)
    /// at its first read, and if the two differ the report is counted again on one connection.
    struct ReportRun: Sendable {
        let store: Store
        let period: ReportPeriod
        let today: CalendarDate
        let people: (version: Int, people: ReportPeople)

        enum Job: Sendable {
            case comparison(ReportPeriod)
            case current(ReportPeriod)
        }

        struct Outcome: Sendable {
            var fingerprints: [[Int64]] = []
            var comparisons: [(period: ReportPeriod, figures: ReportFigures, active: [Bool])] = []
            var current: (tally: ReportTally, names: [Int: String])?
            var timeBankName = ""
            var categories: [String: ReportCategory] = [:]
            var error: (any Error)?
        }

        /// The report, or nil when a write came between the two connections' first reads.
        func parallel() throws -> Report? {
            let plan = ReportPlan(period)
            // The largest first, so the two connections finish close together: the previous
            // period (with the one before it, for its retention), the current, the year before.
            let jobs = [plan.previous.map(Job.comparison), Job.current(period), plan.yearBefore.map(Job.comparison)].compactMap { $0 }
            let queue = Mutex(jobs[...])
            let outcome = Mutex(Outcome())
            let people = self.people.people
            let today = self.today
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                do {
                    try store.read { db in
                        let fingerprint = try Store.reportFingerprint(db)
                        outcome.withLock { $0.fingerprints.append(fingerprint) }
                        guard let first = queue.withLock({ $0.popFirst() }) else { return }
                        try Store.withReportCache(db) {
                            let reversals = try Store.reportReversals(db)
                            let categories = try Store.reportCategories(db)
                            var job: Job? = first
                            while let next = job {
                                switch next {
                                case .comparison(let p):
                                    let counted = try Store.comparisonFigures(db, p, people: people, reversals: reversals,
                                                                              categories: categories, today: today)
                                    outcome.withLock { $0.comparisons.append((p, counted.figures, counted.active)) }
                                case .current(let p):
                                    let counted = try Store.currentTally(db, p, people: people, reversals: reversals, today: today)
                                    let name = try Store.settings(db).timeBankName
                                    outcome.withLock {
                                        $0.current = counted
                                        $0.timeBankName = name
                                        $0.categories = categories
                                    }
                                }
                                job = queue.withLock { $0.popFirst() }
                            }
                        }
                    }
                } catch {
                    outcome.withLock { $0.error = $0.error ?? error }
                }
            }
            return try outcome.withLock { o -> Report? in
                if let error = o.error { throw error }
                guard let fingerprint = o.fingerprints.first, o.fingerprints.allSatisfy({ $0 == fingerprint }),
                      fingerprint.last == Int64(self.people.version), let current = o.current else { return nil }
                func counted(_ p: ReportPeriod?) -> (figures: ReportFigures, active: [Bool])? {
                    guard let p, let c = o.comparisons.first(where: { $0.period == p }) else { return nil }
                    return (c.figures, c.active)
                }
                return plan.report(timeBankName: o.timeBankName, current: current, previous: counted(plan.previous),
                                   yearBefore: counted(plan.yearBefore), people: people, categories: o.categories)
            }
        }
    }

    /// What every write changes: the last audit entry (every change is audited), the last ledger
    /// entry and the members' report version. Two reads with the same fingerprint read the same state.
    static func reportFingerprint(_ db: Database) throws -> [Int64] {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT coalesce(max(id), 0) FROM audit), (SELECT coalesce(max(seq), 0) FROM exchange),
                   (SELECT coalesce(max(version), 0) FROM report_people_version)
            """)
        return [row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0]
    }
}
