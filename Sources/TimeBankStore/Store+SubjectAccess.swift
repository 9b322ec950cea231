import Foundation
import GRDB
import TimeBank

/// Everything the time bank holds about one member, for a subject access request.
public struct SubjectAccessRecord: Sendable {
    public struct ReferralLine: Sendable {
        public var id: Int
        /// "helper" or "member in need".
        public var role: String
        public var needTitle: String
        public var status: String
        public var created: String
        public var updated: String
        public var note: String
        public var steps: [(at: String, status: String, note: String)]
    }

    public struct ExchangeLine: Sendable {
        public var date: String
        public var minutes: Int
        /// "given" or "received".
        public var direction: String
        public var counterparty: String
        public var category: String
        public var description: String
        public var reversal: Bool
    }

    public var member: Member
    public var erased: Bool
    public var balance: AccountBalance
    public var notes: [Store.Note]
    public var vetting: Vetting
    public var offers: [Offer]
    public var needs: [Need]
    public var referrals: [ReferralLine]
    public var exchanges: [ExchangeLine]
    public var audit: [AuditEntry]
    public var retentionYears: Int
}

extension Store {
    /// The whole record of member `n`. Other members appear as "another member" unless the
    /// privacy setting names them; the community pot is named (it is nobody's personal data).
    public func subjectAccess(member n: Int) throws -> SubjectAccessRecord {
        try read { db in
            guard let member = try Store.member(db, n) else { throw StoreError.memberNotFound(n) }
            let privacy = try Store.privacySettings(db)
            let erased = try Bool.fetchOne(db, sql: "SELECT erased FROM member WHERE number = ?", arguments: [n]) ?? false
            let notes = try Row.fetchAll(db, sql: "SELECT * FROM member_note WHERE member = ? ORDER BY at, id", arguments: [n]).map {
                Note(id: $0["id"], at: $0["at"], broker: $0["broker"], text: $0["text"])
            }
            let offers = try Row.fetchAll(db, sql: "SELECT * FROM offer WHERE member = ? ORDER BY id", arguments: [n]).map(Store.offer(from:))
            let needs = try Row.fetchAll(db, sql: "SELECT * FROM need WHERE member = ? ORDER BY id", arguments: [n]).map(Store.need(from:))
            var referrals: [SubjectAccessRecord.ReferralLine] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT r.id, r.helper, n.member AS in_need, n.title, r.status, r.created_at, r.updated_at, r.note
                FROM referral r JOIN need n ON n.id = r.need WHERE r.helper = ?1 OR n.member = ?1 ORDER BY r.id
                """, arguments: [n]) {
                let id: Int = row["id"]
                let steps = try Row.fetchAll(db, sql: "SELECT at, status, note FROM referral_step WHERE referral = ? ORDER BY at, id", arguments: [id])
                    .map { (at: $0["at"] as String, status: $0["status"] as String, note: $0["note"] as String) }
                referrals.append(.init(id: id, role: (row["helper"] as Int) == n ? "helper" : "member in need", needTitle: row["title"],
                                       status: row["status"], created: row["created_at"], updated: row["updated_at"], note: row["note"], steps: steps))
            }
            let account = try Store.accountID(db, .member(n))
            var exchanges: [SubjectAccessRecord.ExchangeLine] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT e.date, e.minutes, e.giver = ?1 AS gave, o.kind, o.member, m.name, coalesce(e.category, '') AS category,
                       e.description, e.reverses IS NOT NULL AS reversal
                FROM exchange e JOIN account o ON o.id = CASE WHEN e.giver = ?1 THEN e.receiver ELSE e.giver END
                LEFT JOIN member m ON m.number = o.member
                WHERE e.giver = ?1 OR e.receiver = ?1 ORDER BY e.date, e.seq
                """, arguments: [account]) {
                let kind: String = row["kind"]
                let counterparty: String
                switch kind {
                case "pot": counterparty = Store.potName
                case "opening": counterparty = Store.openingName
                default:
                    counterparty = privacy.namesCounterparties ? "\(row["name"] as String? ?? "") (\(row["member"] as Int? ?? 0))" : "another member"
                }
                exchanges.append(.init(date: row["date"], minutes: row["minutes"], direction: row["gave"] ? "given" : "received",
                                       counterparty: counterparty, category: row["category"], description: row["description"],
                                       reversal: row["reversal"]))
            }
            let audit = try Row.fetchAll(db, sql: """
                SELECT * FROM audit WHERE entity = 'member' AND entity_id = ?
                   OR (entity IN ('offer', 'need') AND details = 'member=' || ?)
                ORDER BY id
                """, arguments: [String(n), String(n)]).map {
                AuditEntry(id: $0["id"], at: $0["at"], broker: $0["broker"], action: $0["action"], entity: $0["entity"],
                           entityID: $0["entity_id"], details: $0["details"])
            }
            return SubjectAccessRecord(member: member, erased: erased, balance: try Store.balance(db, .member(n)), notes: notes,
                                       vetting: try Store.vetting(db, n), offers: offers, needs: needs, referrals: referrals,
                                       exchanges: exchanges, audit: audit, retentionYears: privacy.retentionYears)
        }
    }

    /// Records in the audit log that member `n`'s data was exported, by whom (the log holds no copy of it).
    public func recordSubjectAccessExport(member n: Int, by broker: Broker) throws {
        try authorize(.exportPersonalData, by: broker)
        try write { db in
            try Store.audit(db, broker: broker.username, action: "subject-access-export", entity: "member", id: String(n))
        }
    }
}
