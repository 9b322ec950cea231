import Foundation
import GRDB
import Synchronization
import Testing
import TimeBank
@testable import TimeBankStore

/// A report's periods are counted at the same time on two reader connections. The report must be
/// the one a single connection counts, and a write between the two connections' first reads must
/// be noticed, so that no report mixes two states of the file.
@Suite("A report counted on two connections at once", .serialized)
struct ReportRunTests {
    static let today = ReportFigureTests.today

    static func text(_ report: Report) -> [String] {
        report.lines().map { "\($0.row.section.rawValue) \($0.row.figure) \($0.row.breakdown) \($0.row.value.data) "
            + "\($0.previous?.data ?? "-") \($0.yearBefore?.data ?? "-")" }
            + report.current.namedMilestones.map { "named \($0.number) \($0.name) \($0.hours)" }
            + [report.timeBankName]
    }

    @Test
    func equalsTheReportOfOneConnection() throws {
        let demo = try ReportFigureTests.Demo(seed: 5)
        let periods: [ReportPeriod] = [.month(2026, 11)!, .month(2026, 10)!, .month(2025, 1)!, .quarter(2026, 3)!, .year(2026)!,
                                       .year(2025)!, .financialYear(2025, startMonth: 4)!,
                                       ReportPeriod(kind: .range, first: day(2026, 10, 5), last: day(2026, 11, 12))!]
        for p in periods {
            let people = try demo.store.read { db in try demo.store.cachedReportPeople(db) }
            let run = Store.ReportRun(store: demo.store, period: p, today: Self.today, people: people)
            let twoConnections = try #require(try run.parallel(), "\(p.code): the two connections saw different states")
            let oneConnection = try demo.store.read { db in try Store.report(db, p, today: Self.today, people: people.people) }
            let a = Self.text(twoConnections), b = Self.text(oneConnection)
            #expect(a.count == b.count, "\(p.code): \(a.count) lines ≠ \(b.count)")
            for (x, y) in zip(a, b) where x != y { Issue.record("\(p.code): two connections '\(x)', one '\(y)'") }
            #expect(twoConnections.previous != nil && twoConnections.yearBefore != nil, "\(p.code) has no comparison")
        }
    }

    @Test
    func aYearIsComparedWithTheYearBeforeOnce() throws {
        let demo = try ReportFigureTests.Demo(seed: 17, members: 120)
        let report = try demo.store.report(.year(2026)!, today: Self.today)
        #expect(report.previous?.period.code == "2025")
        #expect(report.yearBefore?.period.code == "2025")
        #expect(report.previous?.rows == report.yearBefore?.rows)
    }

    /// Brokers record hours while reports are counted. November's entries change nothing in
    /// October's report (the month, September and the October before), so every report counted
    /// meanwhile, whichever connection saw which write, is the one counted before them.
    @Test
    func aMonthsReportStaysWholeWhileOthersRecordHours() throws {
        let demo = try ReportFigureTests.Demo(seed: 5, members: 120)
        let october = try #require(ReportPeriod.month(2026, 10))
        let before = Self.text(try demo.store.report(october, today: Self.today))
        let pairs: [(Int, Int)] = try demo.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT g.member, r.member FROM exchange e JOIN account g ON g.id = e.giver JOIN account r ON r.id = e.receiver
                WHERE g.kind = 'member' AND r.kind = 'member' AND e.reverses IS NULL AND e.date LIKE '2026-10-%' LIMIT 8
                """).map { ($0[0], $0[1]) }
        }
        try #require(pairs.count == 8)
        let done = Mutex(false), recorded = Mutex(0)
        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) {
            defer { done.withLock { $0 = true } }
            for i in 0..<60 {
                let (giver, receiver) = pairs[i % pairs.count]
                let request = ExchangeRequest(date: day(2026, 11, 1 + i % 25), giver: .member(giver), receiver: .member(receiver), minutes: 30)
                if (try? demo.store.record(request, by: demo.broker, acceptCreditLimit: true)) != nil { recorded.withLock { $0 += 1 } }
            }
        }
        var reports = 0
        while !done.withLock({ $0 }) || reports < 3 {
            let during = Self.text(try demo.store.report(october, today: Self.today))
            #expect(during == before, "report \(reports) differs")
            reports += 1
        }
        writer.wait()
        #expect(recorded.withLock { $0 } == 60)
        #expect(try demo.store.report(.month(2026, 11)!, today: Self.today).current.value("exchanges") != nil)
    }

    /// Every kind of write a report reads changes what the two connections compare.
    @Test
    func everyWriteChangesTheFingerprint() throws {
        let f = try Fixture()
        func fingerprint() throws -> [Int64] { try f.store.read { db in try Store.reportFingerprint(db) } }
        var seen = [try fingerprint()]
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Fixture.lastYear, 3, 4), accept: true)
        seen.append(try fingerprint())
        guard var ann = try f.store.member(f.ann) else { Issue.record("Ann is missing"); return }
        ann.area = "Zoë 王 O'Brien ward"
        _ = try f.store.updateMember(ann, by: f.admin)
        seen.append(try fingerprint())
        try f.store.updateSettings(Settings(timeBankName: "Riverside", creditLimitMinutes: 600, welcomeCreditMinutes: 60), by: f.admin)
        seen.append(try fingerprint())
        #expect(Set(seen).count == seen.count, "a write left the fingerprint as it was: \(seen)")
        #expect(try fingerprint() == seen.last, "reading changed the fingerprint")
    }

    /// A write that lands between the two connections' first reads: the report is counted again on
    /// one connection and shows the state after it.
    @Test
    func aWriteBetweenTheConnectionsIsCountedAgainOnOne() throws {
        let f = try Fixture()
        try f.record(.member(f.ann), .member(f.bob), 60, on: day(Fixture.lastYear, 3, 4), accept: true)
        let people = try f.store.read { db in try f.store.cachedReportPeople(db) }
        try f.record(.member(f.bob), .member(f.cat), 45, on: day(Fixture.lastYear, 3, 9), accept: true)
        // The members' version the report started from is older than what the connections read.
        let stale = (version: people.version - 1, people: people.people)
        let run = Store.ReportRun(store: f.store, period: .month(Fixture.lastYear, 3)!, today: Self.today, people: stale)
        #expect(try run.parallel() == nil)
        let report = try f.store.report(.month(Fixture.lastYear, 3)!, today: Self.today)
        #expect(report.current.value("exchanges") == .count(2))
        #expect(report.current.value("minutes_exchanged") == .minutes(105))
    }
}

/// What is not counted from exchanges between members is run once per period by whichever
/// connection claims it; the other takes it when done.
@Suite("A report's fills")
struct ReportFillTests {
    @Test
    func aFillRunsOnceAndIsTheOneConnectionsFill() throws {
        let demo = try ReportFigureTests.Demo(seed: 5, members: 120)
        let p = try #require(ReportPeriod.month(2026, 10))
        try demo.store.read { db in
            let people = try Store.reportPeople(db)
            let reversals = try Store.reportReversals(db)
            let fills = Store.ReportFills([p], today: ReportRunTests.today)
            var runs = 0
            let first = try fills.take(p) { q in
                runs += 1
                fills.run(q, db, people: people, reversals: reversals)
            }
            let again = try fills.take(p) { _ in runs += 1 }
            #expect(runs == 1)
            #expect(!fills.claim(p))
            var alone = ReportTally(period: p, today: ReportRunTests.today)
            try Store.fillReportTally(db, &alone, people: people, reversals: reversals)
            for filled in [first, again] {
                #expect(filled.joiners == alone.joiners)
                #expect(filled.potGrantedMinutes == alone.potGrantedMinutes && filled.potDonatedMinutes == alone.potDonatedMinutes)
                #expect(filled.vettingOverdue == alone.vettingOverdue && filled.leftMembers == alone.leftMembers)
                #expect(filled.needs.opened == alone.needs.opened && filled.needs.daysToDone == alone.needs.daysToDone)
            }
            #expect(!alone.joiners.isEmpty, "no member joined in \(p.code): the comparison shows nothing")
        }
    }
}
