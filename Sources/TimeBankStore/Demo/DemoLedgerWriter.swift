import GRDB
import TimeBank

/// Appends ledger rows with one prepared statement while keeping every balance in memory, so
/// the generator can keep members inside the credit limit without asking the database.
/// The schema's triggers still run for every row: they keep the cached balances and monthly
/// totals, exactly as for entries a broker records.
struct DemoLedgerWriter {
    /// Who is on one side of an entry: a member's index in the plan, or the pot.
    static let pot = -1

    private let statement: GRDB.Statement
    private let accounts: [Int64]
    private let potAccount: Int64
    private let calendar: DemoCalendar
    private let brokers: [String]
    private(set) var balances: [Int]
    private(set) var potBalance = 0
    private(set) var entries = 0
    private(set) var reversals = 0

    init(_ db: Database, members: [DemoMember], calendar: DemoCalendar, brokers: [String]) throws {
        statement = try db.makeStatement(sql: """
            INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, referral, reverses, grp, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        accounts = members.map(\.account)
        potAccount = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE kind = 'pot'")!
        balances = [Int](repeating: 0, count: members.count)
        self.calendar = calendar
        self.brokers = brokers
    }

    func balance(_ side: Int) -> Int { side == Self.pot ? potBalance : balances[side] }

    /// One entry; `giver` is credited and `receiver` debited (a reversal too: it is the mirror).
    @discardableResult
    mutating func append(day: Int, giver: Int, receiver: Int, minutes: Int, category: String?, description: String,
                         referral: Int64? = nil, reverses: String? = nil, group: String? = nil,
                         rng: inout DemoRandom) throws -> String {
        let id = rng.uuid(day: day)
        // Brokers usually record hours the same day or within the week.
        let recordedDay = min(day + [0, 0, 1, 1, 2, 3, 6][rng.below(7)], calendar.lastDay)
        try statement.execute(arguments: [
            id, calendar.iso(day), giver == Self.pot ? potAccount : accounts[giver],
            receiver == Self.pot ? potAccount : accounts[receiver], minutes, category, description, referral, reverses, group,
            rng.pick(brokers), calendar.officeStamp(max(recordedDay, day), &rng),
        ])
        if giver == Self.pot { potBalance += minutes } else { balances[giver] += minutes }
        if receiver == Self.pot { potBalance -= minutes } else { balances[receiver] -= minutes }
        if reverses == nil { entries += 1 } else { reversals += 1 }
        return id
    }
}
