import Foundation
import GRDB
import TimeBank

/// A referral as lists show it: who was introduced to whom, for what, and how far it has got.
public struct ReferralRow: Hashable, Sendable, Identifiable {
    public var referral: Referral
    public var id: Int { referral.id }
    public var needTitle: String
    /// The member in need: the one who receives the help.
    public var receiver: Int
    public var receiverName: String
    public var helperName: String
    public var categoryCode: String
    public var categoryName: String
    public var offerTitle: String?
    /// Whether any hours are recorded against the referral; a done one without is still to finish.
    public var hasHours = false
    /// How to reach each of the two, for a broker ringing from the referral.
    public var helperContact = MemberContact(phone: "", email: "", byPhone: false, byEmail: false)
    public var receiverContact = MemberContact(phone: "", email: "", byPhone: false, byEmail: false)

    /// Days since the referral last moved, counted in whole days to `now`.
    public func daysStill(now: Date = Date()) -> Int {
        max(0, Int(now.timeIntervalSince(referral.updated) / 86400))
    }
}

/// One dated, signed step in a referral's history.
public struct ReferralStep: Hashable, Sendable {
    public var status: ReferralStatus
    public var at: Date
    public var broker: String
    public var note: String
}

extension Store {
    /// Referrals with names, most recently moved first. `member` keeps those where the member is
    /// the helper or the one in need (for the member card); `openOnly` keeps those still moving.
    public func referralRows(member: Int? = nil, need: Int? = nil, openOnly: Bool = false, limit: Int = 500) throws -> [ReferralRow] {
        try read { db in
            var conditions: [String] = []
            var args: [String: (any DatabaseValueConvertible)?] = ["limit": limit]
            if let member { conditions.append("(r.helper = :member OR n.member = :member)"); args["member"] = member }
            if let need { conditions.append("r.need = :need"); args["need"] = need }
            if openOnly { conditions.append("r.status IN ('proposed', 'contacted', 'agreed')") }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "\(Store.referralRowSelect) \(whereClause) ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit",
                                    arguments: StatementArguments(args)).map(Store.referralRow(from:))
        }
    }

    /// How many referrals there are (those still moving, with `openOnly`), however many a list shows.
    public func referralCount(openOnly: Bool = false) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM referral r" + (openOnly ? " WHERE r.status IN ('proposed', 'contacted', 'agreed')" : ""))
                ?? 0
        }
    }

    /// One referral with names, or nil.
    public func referralRow(_ id: Int) throws -> ReferralRow? {
        try read { db in
            try Row.fetchOne(db, sql: "\(Store.referralRowSelect) WHERE r.id = ?", arguments: [id]).map(Store.referralRow(from:))
        }
    }

    /// Every step of a referral, oldest first.
    public func referralSteps(_ id: Int) throws -> [ReferralStep] {
        try read { db in
            try ReferralStep.fetchAll(db, sql: "SELECT * FROM referral_step WHERE referral = ? ORDER BY at, id", arguments: [id])
        }
    }

    static let referralRowSelect = """
        SELECT r.*, n.title AS need_title, n.member AS receiver, rm.name AS receiver_name, hm.name AS helper_name,
               c.code AS category_code, c.name AS category_name, o.title AS offer_title,
               EXISTS (SELECT 1 FROM exchange e WHERE e.referral = r.id) AS has_hours,
               hm.phone AS helper_phone, hm.email AS helper_email, hm.consent_phone AS helper_by_phone, hm.consent_email AS helper_by_email,
               rm.phone AS receiver_phone, rm.email AS receiver_email, rm.consent_phone AS receiver_by_phone,
               rm.consent_email AS receiver_by_email
        FROM referral r JOIN need n ON n.id = r.need JOIN member rm ON rm.number = n.member
        JOIN member hm ON hm.number = r.helper JOIN category c ON c.id = n.category LEFT JOIN offer o ON o.id = r.offer
        """

    static func referralRow(from row: Row) throws -> ReferralRow {
        ReferralRow(referral: try Referral(row: row), needTitle: row["need_title"], receiver: row["receiver"], receiverName: row["receiver_name"],
                    helperName: row["helper_name"], categoryCode: row["category_code"], categoryName: row["category_name"],
                    offerTitle: row["offer_title"], hasHours: row["has_hours"],
                    helperContact: MemberContact(phone: row["helper_phone"], email: row["helper_email"], byPhone: row["helper_by_phone"],
                                                 byEmail: row["helper_by_email"]),
                    receiverContact: MemberContact(phone: row["receiver_phone"], email: row["receiver_email"],
                                                   byPhone: row["receiver_by_phone"], byEmail: row["receiver_by_email"]))
    }
}

extension Store {
    /// Marks the referral done as its hours are recorded, in the caller's transaction. Further
    /// hours for a referral already done leave it as it is; one that was declined or cancelled
    /// meanwhile refuses the hours, so nothing is written.
    static func closeReferral(_ db: Database, _ id: Int, withHours r: ExchangeRequest, note: String, by broker: Broker) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM referral WHERE id = ?", arguments: [id])
            .flatMap(ReferralStatus.init(rawValue:)) else {
            throw StoreError.notFound("There is no referral number \(id).")
        }
        if status == .done { return }
        guard status.canMove(to: .done) else {
            throw StoreError.invalid("Referral \(id) is \(status.rawValue), so these hours cannot complete it; record them without the referral.")
        }
        let said = note.trimmingCharacters(in: .whitespaces)
        let hours = "\(MinutesFormat.clock(r.minutes)) recorded for \(r.date.british)"
        _ = try moveReferral(db, id, to: .done, note: said.isEmpty ? hours : said + " · " + hours, by: broker)
    }

    /// The rule in SQL, for a referral aliased `r`: marked done, and no hours name it.
    static let doneWithoutHours = "(r.status = 'done' AND NOT EXISTS (SELECT 1 FROM exchange e WHERE e.referral = r.id))"

    /// Referrals marked done with no hours recorded against them (possible before done and its
    /// hours were written together): each still needs its slip.
    public func doneReferralsWithoutHours(limit: Int = 200) throws -> [ReferralRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                \(Store.referralRowSelect) WHERE \(Store.doneWithoutHours)
                ORDER BY r.updated_at LIMIT ?
                """, arguments: [limit]).map(Store.referralRow(from:))
        }
    }
}

extension Store {
    /// The timestamp of a step dated `day`: now for today or none, else midday UTC of that day.
    static func stepMoment(_ day: CalendarDate?, today: CalendarDate) throws -> String {
        guard let day, day != today else { return Store.timestamp() }
        do { try ReferralStepDate.check(day, today: today) } catch { throw StoreError.invalid(error.description) }
        return day.iso + "T12:00:00.000Z"
    }

    /// A note on a referral without moving it on: a dated, signed step at its current status.
    public func addNote(referral id: Int, note: String, by broker: Broker, on day: CalendarDate? = nil,
                        today: CalendarDate = .today()) throws {
        try authorize(.referMembers, by: broker)
        let text = note.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw StoreError.invalid("Type the note first; nothing was added.") }
        if let problem = TextRules.problem("The note", text, characters: 300) { throw StoreError.invalid(problem) }
        let at = try Store.stepMoment(day, today: today)
        try write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM referral WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("There is no referral number \(id).")
            }
            try db.execute(sql: "INSERT INTO referral_step (referral, status, at, broker, note) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, status, at, broker.username, text])
            try Store.audit(db, broker: broker.username, action: "note", entity: "referral", id: String(id), details: text)
        }
    }
}

extension Store {
    /// How to reach each of these members (ranked helpers), by number.
    public func contacts(of members: [Int]) throws -> [Int: MemberContact] {
        guard !members.isEmpty else { return [:] }
        return try read { db in
            let marks = Array(repeating: "?", count: members.count).joined(separator: ", ")
            var out: [Int: MemberContact] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT number, phone, email, consent_phone, consent_email FROM member WHERE number IN (\(marks))",
                                        arguments: StatementArguments(members)) {
                out[row[0]] = MemberContact(phone: row[1], email: row[2], byPhone: row[3], byEmail: row[4])
            }
            return out
        }
    }
}
