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
    public static let openingName = "Opening balances"

    // MARK: accounts

    static func accountID(_ db: Database, _ ref: AccountRef) throws -> Int64 {
        switch ref {
        case .pot:
            guard let pot = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE kind = 'pot'") else {
                throw StoreError.damaged("The community pot's account is missing; run 'timebank check'.")
            }
            return pot
        case .opening:
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE kind = 'opening'") else {
                throw StoreError.ledger(.unknownAccount("opening"))
            }
            return id
        case .member(let n):
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE member = ?", arguments: [n]) else {
                throw StoreError.ledger(.unknownAccount(String(n)))
            }
            return id
        }
    }

    static func accountRef(_ db: Database, id: Int64) throws -> AccountRef {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, kind, member FROM account WHERE id = ?", arguments: [id]) else {
            throw StoreError.damaged("There is no account \(id); run 'timebank check'.")
        }
        switch try row.stored("kind", of: "account", as: String.self) {
        case "pot": return .pot
        case "opening": return .opening
        case "member": return .member(try row.stored("member", of: "account"))
        default: throw row.damage("kind", of: "account", isNot: "'member', 'pot' or 'opening'")
        }
    }

    static func accountName(_ db: Database, _ ref: AccountRef) throws -> String {
        switch ref {
        case .pot: return potName
        case .opening: return openingName
        case .member(let n):
            return try String.fetchOne(db, sql: "SELECT name FROM member WHERE number = ?", arguments: [n]) ?? "member \(n)"
        }
    }

    static func balance(_ db: Database, _ ref: AccountRef) throws -> AccountBalance {
        let id = try accountID(db, ref)
        let row = try Row.fetchExisting(db, sql: "SELECT given_minutes, received_minutes FROM account WHERE id = ?", arguments: [id],
                                        missing: "The account of \(ref) is missing.")
        return AccountBalance(account: ref, name: try accountName(db, ref), givenMinutes: row["given_minutes"], receivedMinutes: row["received_minutes"])
    }

    public func balance(_ ref: AccountRef) throws -> AccountBalance {
        try read { db in try Store.balance(db, ref) }
    }

    /// Every account, the pot first, then opening balances (when any were imported), then members by number.
    public func balances() throws -> [AccountBalance] {
        try read { db in
            // A hundred thousand rows: read in place by column position, not copied and looked up by name.
            var out: [AccountBalance] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.kind, a.member, a.given_minutes, a.received_minutes, m.name
                FROM account a LEFT JOIN member m ON m.number = a.member
                -- The opening-balances account is listed once balances were brought in.
                WHERE a.kind <> 'opening' OR a.given_minutes <> 0 OR a.received_minutes <> 0
                ORDER BY a.kind = 'member', a.kind = 'opening', a.member
                """)
            while let row = try rows.next() {
                let kind: String = row[0]
                let ref: AccountRef = kind == "pot" ? .pot : kind == "opening" ? .opening : .member(row[1])
                let name: String = kind == "pot" ? Store.potName : kind == "opening" ? Store.openingName : row[4]
                out.append(AccountBalance(account: ref, name: name, givenMinutes: row[2], receivedMinutes: row[3]))
            }
            return out
        }
    }

    // MARK: recording

    static func exchange(_ db: Database, id: UUID) throws -> Exchange? {
        try Exchange.fetchOne(db, sql: Exchange.select("WHERE e.id = ?"), arguments: [id.uuidString.lowercased()])
    }

    /// The reversal of exchange `id`, if one is recorded.
    static func reversal(_ db: Database, of id: UUID) throws -> Exchange? {
        try Exchange.fetchOne(db, sql: Exchange.select("WHERE e.reverses = ?"), arguments: [id.uuidString.lowercased()])
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
    /// Hours naming a referral mark it done in the same transaction, with `referralNote` as the
    /// done step's note: a slip that is never saved leaves the referral agreed.
    /// A slip repeating one already recorded (same giver, receiver, minutes and date) is refused
    /// unless `allowDuplicate`; a retry under the same id is not a duplicate and stays silent.
    public func record(_ request: ExchangeRequest, by broker: Broker, acceptCreditLimit: Bool = false,
                       allowDuplicate: Bool = true, today: CalendarDate = .today(), referralNote: String = "") throws -> RecordOutcome {
        try authorize(.recordHours(giver: request.giver, receiver: request.receiver), by: broker)
        do { try request.validate() } catch { throw StoreError.ledger(error) }
        // Looking first means a refused or repeated submission never opens the file for writing.
        let existing = try read { db -> Exchange? in
            if let existing = try Store.preflight(db, request, reverses: nil, acceptCreditLimit: acceptCreditLimit) { return existing }
            try Store.requireServiceDate(db, request.date, today: today)
            if !allowDuplicate, let twin = try Store.duplicate(db, request) { throw StoreError.duplicate(twin) }
            return nil
        }
        if let existing { return .alreadyRecorded(existing) }
        return try write { db in
            let outcome = try Store.insert(db, request, group: nil, reverses: nil, by: broker, acceptCreditLimit: acceptCreditLimit)
            if case .recorded = outcome, let referral = request.referral {
                try Store.closeReferral(db, referral, withHours: request, note: referralNote, by: broker)
            }
            return outcome
        }
    }

    /// Records every entry of a group activity, all or nothing, under one group id.
    public func recordGroup(_ requests: [ExchangeRequest], by broker: Broker, acceptCreditLimit: Bool = false,
                            today: CalendarDate = .today()) throws -> [Exchange] {
        for r in requests { try authorize(.recordHours(giver: r.giver, receiver: r.receiver), by: broker) }
        guard !requests.isEmpty else { throw StoreError.invalid("A group activity needs at least one participant.") }
        for r in requests {
            do { try r.validate() } catch { throw StoreError.ledger(error) }
        }
        try read { db in for r in requests { try Store.requireServiceDate(db, r.date, today: today) } }
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
        if reverses == nil { try requireWithinTimeBank(db, r.date) }
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
        // Prepared once per connection: preparing an insert into the ledger compiles every trigger
        // that keeps the report aggregates, about twenty million instructions, more than the rest
        // of a commit before its sync to disk.
        try db.cachedStatement(sql: """
            INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, referral, reverses, grp, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                r.id.uuidString.lowercased(), r.date.iso, try accountID(db, r.giver), try accountID(db, r.receiver), r.minutes,
                r.categoryCode.flatMap { $0.isEmpty ? nil : $0 }, r.description, r.referral,
                reverses?.uuidString.lowercased(), group?.uuidString.lowercased(), broker.username, timestamp(now),
            ])
        try audit(db, broker: broker.username, action: reverses == nil ? "record" : "reverse", entity: "exchange",
                  id: r.id.uuidString.lowercased(),
                  details: "\(r.date.iso) \(r.giver) -> \(r.receiver) \(r.minutes)m\(reverses.map { " reverses \($0.uuidString.lowercased())" } ?? "")")
        guard let recorded = try exchange(db, id: r.id) else { throw StoreError.ledger(.noSuchExchange(r.id.uuidString.lowercased())) }
        return .recorded(recorded)
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
        if let problem = TextRules.problem("The reason", why, characters: 400) { throw StoreError.invalid(problem) }
        try read { db in try Store.reversalPreflight(db, id, reversalID: reversalID, date: date, reason: why) }
        return try write { db in
            try Store.reversalPreflight(db, id, reversalID: reversalID, date: date, reason: why)
            guard let original = try Store.exchange(db, id: id) else { throw StoreError.ledger(.noSuchExchange(id.uuidString.lowercased())) }
            if let done = try Store.reversal(db, of: id) { return done }  // the same reversal submitted again
            let request = ExchangeRequest(id: reversalID, date: date, giver: original.receiver, receiver: original.giver,
                                          minutes: original.minutes, categoryCode: original.categoryCode,
                                          description: Store.reversalDescription(why), referral: original.referral)
            return try Store.insert(db, request, group: nil, reverses: id, by: broker, acceptCreditLimit: true).exchange
        }
    }

    /// Why this reversal cannot be recorded, if it cannot; checked before and inside the write.
    static func reversalPreflight(_ db: Database, _ id: UUID, reversalID: UUID, date: CalendarDate, reason: String) throws {
        guard let original = try exchange(db, id: id) else {
            throw StoreError.ledger(.noSuchExchange(id.uuidString.lowercased()))
        }
        guard original.reverses == nil else { throw StoreError.ledger(.reversingAReversal(id)) }
        if let earlier = try reversal(db, of: id) {
            guard earlier.id == reversalID else { throw StoreError.ledger(.alreadyReversed(id)) }
            // The same --id again is a retry only if it asks for the same reversal, as for record.
            guard earlier.description == reversalDescription(reason), earlier.date == date else {
                throw StoreError.ledger(.idReusedForDifferentExchange(reversalID))
            }
            return
        }
        try requireOpenMonth(db, date)
        try requireAfterOriginal(date, original: original)
    }

    /// Finds an exchange by its full id or a unique prefix of at least 8 characters, as printed in statements.
    public func exchange(idOrPrefix text: String) throws -> Exchange {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard t.count >= 8, t.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw StoreError.ledger(.noSuchExchange(String(text.prefix(40))))
        }
        return try read { db in
            let rows = try Exchange.fetchAll(db, sql: Exchange.select("WHERE e.id >= ? AND e.id < ? LIMIT 2"), arguments: [t, t + "~"])
            guard rows.count == 1 else {
                throw rows.isEmpty ? StoreError.ledger(.noSuchExchange(t)) : StoreError.invalid("'\(t)' matches more than one exchange; give more of the id.")
            }
            return rows[0]
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
        let latest = closed.compactMap { CalendarDate(iso: $0 + "-01") }.max() ?? date.startOfMonth
        let openFrom = latest.adding(days: 31).startOfMonth
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
