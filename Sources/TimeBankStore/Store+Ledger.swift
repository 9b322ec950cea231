import Foundation
import GRDB
import TimeBank

/// The result of recording: new, or the same submission seen before (a retry, a double Enter).
public enum RecordOutcome: Equatable, Sendable {
    case recorded(Exchange)
    case alreadyRecorded(Exchange)

    public var exchange: Exchange {
        switch self {
        case .recorded(let e), .alreadyRecorded(let e): return e
        }
    }
}

extension Store {
    public static let potName = "Community pot"

    // MARK: accounts

    static func accountID(_ db: Database, _ ref: AccountRef) throws -> Int64 {
        switch ref {
        case .pot:
            return try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE kind = 'pot'")!
        case .member(let n):
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [n]) else {
                throw StoreError.ledger(.unknownAccount(String(n)))
            }
            return id
        }
    }

    static func accountRef(_ db: Database, id: Int64) throws -> AccountRef {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, member FROM account WHERE id = ?", arguments: [id]) else {
            return .pot
        }
        let kind: String = row["kind"]
        return kind == "pot" ? .pot : .member(row["member"])
    }

    static func accountName(_ db: Database, _ ref: AccountRef) throws -> String {
        switch ref {
        case .pot: return potName
        case .member(let n):
            return try String.fetchOne(db, sql: "SELECT name FROM member WHERE number = ?", arguments: [n]) ?? "member \(n)"
        }
    }

    static func balance(_ db: Database, _ ref: AccountRef) throws -> AccountBalance {
        let id = try accountID(db, ref)
        let row = try Row.fetchOne(db, sql: "SELECT given_minutes, received_minutes FROM account WHERE id = ?", arguments: [id])!
        return AccountBalance(account: ref, name: try accountName(db, ref), givenMinutes: row["given_minutes"], receivedMinutes: row["received_minutes"])
    }

    public func balance(_ ref: AccountRef) throws -> AccountBalance {
        try read { db in try Store.balance(db, ref) }
    }

    /// Every account, the pot first, then members by number.
    public func balances() throws -> [AccountBalance] {
        try read { db in
            // A hundred thousand rows: read in place by column position, not copied and looked up by name.
            var out: [AccountBalance] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.kind = 'pot', a.member, a.given_minutes, a.received_minutes, m.name
                FROM account a LEFT JOIN member m ON m.number = a.member
                ORDER BY a.kind = 'member', a.member
                """)
            while let row = try rows.next() {
                let pot: Bool = row[0]
                out.append(AccountBalance(account: pot ? .pot : .member(row[1]), name: pot ? Store.potName : row[4],
                                          givenMinutes: row[2], receivedMinutes: row[3]))
            }
            return out
        }
    }

    // MARK: recording

    static func exchange(from row: Row, _ db: Database) throws -> Exchange {
        Exchange(
            id: UUID(uuidString: row["id"])!, date: CalendarDate(iso: row["date"])!,
            giver: try accountRef(db, id: row["giver"]), receiver: try accountRef(db, id: row["receiver"]),
            minutes: row["minutes"], categoryCode: row["category"], description: row["description"],
            referral: row["referral"], reverses: (row["reverses"] as String?).flatMap(UUID.init(uuidString:)),
            group: (row["grp"] as String?).flatMap(UUID.init(uuidString:)),
            recordedBy: row["recorded_by"], recordedAt: parseTimestamp(row["recorded_at"]))
    }

    static func exchange(_ db: Database, id: UUID) throws -> Exchange? {
        try Row.fetchOne(db, sql: "SELECT * FROM exchange WHERE id = ?", arguments: [id.uuidString.lowercased()])
            .map { try exchange(from: $0, db) }
    }

    public func exchange(id: UUID) throws -> Exchange? {
        try read { db in try Store.exchange(db, id: id) }
    }

    /// The warning a broker must accept before this request is recorded, if any.
    public func creditWarning(for request: ExchangeRequest) throws -> CreditLimitWarning? {
        try read { db in try Store.creditWarning(db, request) }
    }

    static func creditWarning(_ db: Database, _ request: ExchangeRequest) throws -> CreditLimitWarning? {
        let b = try balance(db, request.receiver)
        return CreditLimit.check(receiver: request.receiver, name: b.name, balance: b.balanceMinutes, paying: request.minutes,
                                 limit: try settings(db).creditLimitMinutes)
    }

    /// Records one exchange. The same id again records nothing and returns the first one.
    public func record(_ request: ExchangeRequest, by broker: Broker, acceptCreditLimit: Bool = false) throws -> RecordOutcome {
        try authorize(.recordHours(giver: request.giver, receiver: request.receiver), by: broker)
        do { try request.validate() } catch { throw StoreError.ledger(error) }
        // Looking first means a refused or repeated submission never opens the file for writing.
        if let existing = try read({ db in try Store.preflight(db, request, reverses: nil, acceptCreditLimit: acceptCreditLimit) }) {
            return .alreadyRecorded(existing)
        }
        return try write { db in
            try Store.insert(db, request, group: nil, reverses: nil, by: broker, acceptCreditLimit: acceptCreditLimit)
        }
    }

    /// Records every entry of a group activity, all or nothing, under one group id.
    public func recordGroup(_ requests: [ExchangeRequest], by broker: Broker, acceptCreditLimit: Bool = false) throws -> [Exchange] {
        for r in requests { try authorize(.recordHours(giver: r.giver, receiver: r.receiver), by: broker) }
        guard !requests.isEmpty else { throw StoreError.invalid("A group activity needs at least one participant.") }
        for r in requests {
            do { try r.validate() } catch { throw StoreError.ledger(error) }
        }
        let group = UUID()
        return try write { db in
            try requests.map {
                try Store.insert(db, $0, group: group, reverses: nil, by: broker, acceptCreditLimit: acceptCreditLimit).exchange
            }
        }
    }

    /// Every rule a new entry must pass, checked against `db` without writing. Returns the
    /// exchange already recorded under the same id, if any (an idempotent retry).
    static func preflight(_ db: Database, _ r: ExchangeRequest, reverses: UUID?, acceptCreditLimit: Bool) throws -> Exchange? {
        if let existing = try exchange(db, id: r.id) {
            let sameCategory = (existing.categoryCode ?? "") == (r.categoryCode ?? "")
            guard existing.date == r.date, existing.giver == r.giver, existing.receiver == r.receiver, existing.minutes == r.minutes,
                  existing.reverses == reverses, sameCategory, existing.description == r.description, existing.referral == r.referral else {
                throw StoreError.ledger(.idReusedForDifferentExchange(r.id))
            }
            return existing
        }
        try requireOpenMonth(db, r.date)
        for side in [r.giver, r.receiver] {
            if case .member(let n) = side {
                let status = try String.fetchOne(db, sql: "SELECT status FROM member WHERE number = ?", arguments: [n])
                guard let status else { throw StoreError.ledger(.unknownAccount(String(n))) }
                if status == MemberStatus.left.rawValue, reverses == nil { throw StoreError.ledger(.accountNotActive(String(n))) }
            }
        }
        if let code = r.categoryCode, !code.isEmpty,
           try Int.fetchOne(db, sql: "SELECT count(*) FROM category WHERE code = ?", arguments: [code]) == 0 {
            throw StoreError.ledger(.unknownCategory(code))
        }
        if !acceptCreditLimit, reverses == nil, let warning = try creditWarning(db, r) {
            throw StoreError.creditLimit(warning)
        }
        return nil
    }

    static func insert(_ db: Database, _ r: ExchangeRequest, group: UUID?, reverses: UUID?, by broker: Broker,
                       acceptCreditLimit: Bool) throws -> RecordOutcome {
        if let existing = try preflight(db, r, reverses: reverses, acceptCreditLimit: acceptCreditLimit) {
            return .alreadyRecorded(existing)
        }
        let now = Date()
        try db.execute(sql: """
            INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, referral, reverses, grp, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                r.id.uuidString.lowercased(), r.date.iso, try accountID(db, r.giver), try accountID(db, r.receiver), r.minutes,
                r.categoryCode.flatMap { $0.isEmpty ? nil : $0 }, r.description, r.referral,
                reverses?.uuidString.lowercased(), group?.uuidString.lowercased(), broker.username, timestamp(now),
            ])
        try audit(db, broker: broker.username, action: reverses == nil ? "record" : "reverse", entity: "exchange",
                  id: r.id.uuidString.lowercased(),
                  details: "\(r.date.iso) \(r.giver) -> \(r.receiver) \(r.minutes)m\(reverses.map { " reverses \($0.uuidString.lowercased())" } ?? "")")
        return .recorded(try exchange(db, id: r.id)!)
    }

    /// Corrects a mistake with a mirror-image entry dated `date` (an open month), pointing at the original.
    public func reverse(_ id: UUID, reason: String, date: CalendarDate, by broker: Broker, reversalID: UUID = UUID()) throws -> Exchange {
        // The parties are those of the original; an unknown id is refused by the preflight below.
        if let original = try exchange(id: id) {
            try authorize(.reverseHours(giver: original.giver, receiver: original.receiver), by: broker)
        } else {
            try authorize(.reverseHours(giver: .pot, receiver: .pot), by: broker)
        }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw StoreError.invalid("Give a reason for the reversal.") }
        guard why.count <= 400 else { throw StoreError.invalid("The reason is longer than 400 characters.") }
        try read { db in try Store.reversalPreflight(db, id, reversalID: reversalID, date: date) }
        return try write { db in
            try Store.reversalPreflight(db, id, reversalID: reversalID, date: date)
            let original = try Store.exchange(db, id: id)!
            if let done = try Row.fetchOne(db, sql: "SELECT * FROM exchange WHERE reverses = ?", arguments: [id.uuidString.lowercased()]) {
                return try Store.exchange(from: done, db)  // the same reversal submitted again
            }
            let request = ExchangeRequest(id: reversalID, date: date, giver: original.receiver, receiver: original.giver,
                                          minutes: original.minutes, categoryCode: original.categoryCode,
                                          description: "Reversal: \(why)", referral: original.referral)
            return try Store.insert(db, request, group: nil, reverses: id, by: broker, acceptCreditLimit: true).exchange
        }
    }

    /// Why this reversal cannot be recorded, if it cannot; checked before and inside the write.
    static func reversalPreflight(_ db: Database, _ id: UUID, reversalID: UUID, date: CalendarDate) throws {
        guard let original = try exchange(db, id: id) else {
            throw StoreError.ledger(.noSuchExchange(id.uuidString.lowercased()))
        }
        guard original.reverses == nil else { throw StoreError.ledger(.reversingAReversal(id)) }
        if let done = try Row.fetchOne(db, sql: "SELECT id FROM exchange WHERE reverses = ?", arguments: [id.uuidString.lowercased()]) {
            guard UUID(uuidString: done["id"]) == reversalID else { throw StoreError.ledger(.alreadyReversed(id)) }
            return
        }
        try requireOpenMonth(db, date)
    }

    /// Finds an exchange by its full id or a unique prefix of at least 8 characters, as printed in statements.
    public func exchange(idOrPrefix text: String) throws -> Exchange {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard t.count >= 8, t.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw StoreError.ledger(.noSuchExchange(String(text.prefix(40))))
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM exchange WHERE id >= ? AND id < ? LIMIT 2", arguments: [t, t + "~"])
            guard rows.count == 1 else {
                throw rows.isEmpty ? StoreError.ledger(.noSuchExchange(t)) : StoreError.invalid("'\(t)' matches more than one exchange; give more of the id.")
            }
            return try Store.exchange(from: rows[0], db)
        }
    }

    // MARK: closed months

    public func closedMonths() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT month FROM closed_month ORDER BY month") }
    }

    static func requireOpenMonth(_ db: Database, _ date: CalendarDate) throws {
        let closed = try String.fetchAll(db, sql: "SELECT month FROM closed_month ORDER BY month")
        guard closed.contains(date.monthKey) else { return }
        // The open period starts after the latest closed month.
        let last = closed.last!
        let y = Int(last.prefix(4))!, m = Int(last.suffix(2))!
        let openFrom = m == 12 ? CalendarDate(year: y + 1, month: 1, day: 1)! : CalendarDate(year: y, month: m + 1, day: 1)!
        throw StoreError.ledger(.closedMonth(month: date.monthKey, openFrom: openFrom.iso))
    }

    /// Closes a month for good: its figures can be sent to funders and never change.
    public func closeMonth(_ month: String, by broker: Broker, today: CalendarDate = .today()) throws {
        try authorize(.closeMonths, by: broker)
        guard let first = CalendarDate(iso: month + "-01") else { throw StoreError.invalid("'\(month.prefix(20))' is not a month; write it as YYYY-MM.") }
        guard first < today.startOfMonth else { throw StoreError.invalid("\(month) has not ended yet; only past months can be closed.") }
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM closed_month WHERE month = ?", arguments: [month]) == 0 else {
                throw StoreError.invalid("\(month) is already closed.")
            }
            try db.execute(sql: "INSERT INTO closed_month (month, closed_at, closed_by) VALUES (?, ?, ?)",
                           arguments: [month, Store.timestamp(), broker.username])
            try Store.audit(db, broker: broker.username, action: "close", entity: "month", id: month)
        }
    }
}
