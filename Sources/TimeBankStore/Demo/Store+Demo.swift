import GRDB
import TimeBank
import TimeBankResources

extension Store {
    /// The demo brokers besides the one loading the data; the viewer shows a read-only account.
    static let demoBrokers: [(username: String, name: String, role: BrokerRole)] = [
        ("ann", "Ann Lee", .broker), ("raj", "Raj Patel", .broker), ("sam", "Sam Okafor", .viewer),
    ]

    /// Fills an empty database with a believable time bank: members and organisations, vetting,
    /// offers and needs, referrals in every state and a year of ledger history ending yesterday.
    /// The same seed and `today` give the same data. One transaction: all or nothing.
    public func populateDemo(_ options: DemoOptions, by broker: Broker,
                             progress: ((String, Double) -> Void)? = nil) throws -> DemoSummary {
        try authorize(.editMembers, by: broker)
        guard (1...1_000_000).contains(options.members) else {
            throw StoreError.invalid("The number of demo members must be from 1 to 1,000,000.")
        }
        let lists = try DemoWordLists.loadBundled()
        let calendar = DemoCalendar(today: options.today, years: options.years)
        var report = DemoProgress(callback: progress)
        return try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM member") == 0 else {
                throw StoreError.invalid("The database already has members; use a new file for demo data.")
            }
            // A large load touches far more pages than the default cache holds; spilling them to the
            // WAL mid-transaction and reading them back would double the time. Restored afterwards.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            func stream(_ n: UInt64) -> DemoRandom { DemoRandom(seed: options.seed, stream: n) }
            let brokers = try Store.demoBrokers(db, loader: broker, since: calendar.stamp(calendar.today - 1100, minute: 9 * 60))
            var settings = try Store.settings(db)
            settings.timeBankName = "Gloucester Time Bank"
            try Store.saveSettings(db, settings)
            try Store.ensureCategory(db, code: "welcome", group: "Time bank", name: "Welcome credit")
            try Store.ensureCategory(db, code: "donation", group: "Time bank", name: "Donation to the pot")

            report.phase("Members", weight: 0.25)
            var rng = stream(1)
            var members = DemoMemberPlanner(lists: lists, names: DemoNames(lists), calendar: calendar).plan(count: options.members, rng: &rng)
            rng = stream(2)
            try DemoMemberWriter(db: db, calendar: calendar, brokers: brokers)
                .write(&members, notes: lists.notes, rng: &rng) { report.step($0) }

            report.phase("Offers and needs", weight: 0.1)
            let listings = try DemoListings(db, lists: lists, calendar: calendar)
            rng = stream(3)
            var offers = listings.planOffers(members, rng: &rng)
            var needs = listings.planNeeds(members, rng: &rng)
            try listings.writeOffers(&offers, members, db: db)

            report.phase("Referrals", weight: 0.05)
            let referrals = DemoReferrals(calendar: calendar, brokers: brokers)
            rng = stream(4)
            let plans = referrals.plan(members, offers: offers, needs: &needs, listings: listings, rng: &rng)
            try listings.writeNeeds(&needs, members, db: db)
            rng = stream(5)
            let done = try referrals.write(plans, members: members, offers: offers, needs: needs, listings: listings, db: db, rng: &rng)

            report.phase("Search index", weight: 0.1)
            try DemoSearchIndex.write(members, offers: offers, listings: listings, db: db) { report.step($0) }

            report.phase("Exchanges", weight: 0.5)
            let ledger = DemoLedger(members: members, offers: offers, listings: listings, lists: lists, calendar: calendar,
                                    settings: settings, referralExchanges: done, activity: options.activity)
            rng = stream(6)
            let events = ledger.plan(rng: &rng)
            var writer = try DemoLedgerWriter(db, members: members, calendar: calendar, brokers: brokers)
            rng = stream(7)
            let written = try ledger.write(events, writer: &writer, rng: &rng) { report.step($0) }

            let summary = DemoSummary(
                members: members.count, organisations: members.filter { !$0.isPerson }.count, offers: offers.count,
                needs: needs.count, referrals: plans.count, exchanges: written.entries, reversals: written.reversals,
                groupActivities: written.groups)
            try Store.audit(db, broker: broker.username, action: "demo", entity: "database", id: "", details: """
                seed=\(options.seed) today=\(options.today.iso) members=\(summary.members) organisations=\(summary.organisations) \
                offers=\(summary.offers) needs=\(summary.needs) referrals=\(summary.referrals) exchanges=\(summary.exchanges) \
                reversals=\(summary.reversals) group_activities=\(summary.groupActivities)
                """)
            // Without statistics SQLite reads "reverses IS NULL" through the reverses index, which
            // matches nearly every row: `check` then scans the ledger once per account. A big
            // demo is exactly when that hurts, so give the planner the figures.
            try db.execute(sql: "ANALYZE")
            report.phase("Done", weight: 0)
            return summary
        }
    }

    /// Adds the demo brokers that do not exist yet; returns who may sign entries, the loader first.
    static func demoBrokers(_ db: Database, loader: Broker, since: String) throws -> [String] {
        for b in demoBrokers {
            try db.execute(sql: "INSERT OR IGNORE INTO broker (username, display_name, role, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [b.username, b.name, b.role.rawValue, since])
        }
        let writers = try String.fetchAll(db, sql: """
            SELECT username FROM broker WHERE active = 1 AND role IN ('admin', 'broker') AND username IN ('ann', 'raj') ORDER BY username
            """)
        return [loader.username] + writers.filter { $0 != loader.username }
    }
}

/// Turns each phase's own fraction into one steadily rising figure for the caller.
struct DemoProgress {
    let callback: ((String, Double) -> Void)?
    private var name = ""
    private var done = 0.0
    private var weight = 0.0

    init(callback: ((String, Double) -> Void)?) { self.callback = callback }

    mutating func phase(_ name: String, weight: Double) {
        done += self.weight
        self.name = name
        self.weight = weight
        callback?(name, min(done, 1))
    }

    func step(_ fraction: Double) { callback?(name, min(done + weight * fraction, 1)) }
}
