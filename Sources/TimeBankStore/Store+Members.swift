import Foundation
import GRDB
import TimeBank

extension Store {
    static func member(_ db: Database, _ number: Int) throws -> Member? {
        guard var member = try Member.fetchOne(db, sql: "SELECT * FROM member WHERE number = ?", arguments: [number]) else { return nil }
        member.doNotMatch = try Int.fetchAll(db, sql: "SELECT other FROM do_not_match WHERE member = ? ORDER BY other", arguments: [number])
        return member
    }

    public func member(_ number: Int) throws -> Member? {
        try read { db in try Store.member(db, number) }
    }

    static func columns(of m: Member) -> [String: (any DatabaseValueConvertible)?] {
        [
            "kind": m.kind.rawValue, "name": m.name.trimmingCharacters(in: .whitespaces),
            "preferred_name": m.preferredName.trimmingCharacters(in: .whitespaces),
            "phone": m.phone.trimmingCharacters(in: .whitespaces), "email": m.email.trimmingCharacters(in: .whitespaces),
            "address": m.address, "postcode": MemberValidation.normalisedPostcode(m.postcode), "area": m.area.trimmingCharacters(in: .whitespaces),
            "joined": m.joined.iso, "status": m.status.rawValue, "status_reason": m.statusReason,
            "emergency_contact": m.emergencyContact, "contact_person": m.contactPerson, "languages": m.languages,
            "availability": m.availability.rawValue, "can_travel": m.canTravel, "has_transport": m.hasTransport,
            "accessibility_needs": m.accessibilityNeeds, "consent_phone": m.consent.contactByPhone,
            "consent_email": m.consent.contactByEmail, "consent_share": m.consent.shareDetailsWithMatch,
            "consent_photos": m.consent.photos, "age_band": m.demographics.ageBand, "gender": m.demographics.gender,
            "ethnicity": m.demographics.ethnicity, "disability": m.demographics.disability,
            "came_through": m.demographics.cameThrough?.rawValue ?? "",
        ]
    }

    /// Signs up a member; the store gives the number. Returns the member as saved.
    public func addMember(_ m: Member, by broker: Broker) throws -> Member {
        try authorize(.editMembers, by: broker)
        let problems = MemberValidation.problems(in: m)
        guard problems.isEmpty else { throw StoreError.invalidMember(problems) }
        return try write { db in try Store.insertMember(db, m, by: broker.username) }
    }

    static func insertMember(_ db: Database, _ m: Member, by username: String, number explicit: Int? = nil) throws -> Member {
        let number = try explicit ?? ((Int.fetchOne(db, sql: "SELECT coalesce(max(number), 1000) FROM member") ?? 1000) + 1)
        var cols = columns(of: m)
        cols["number"] = number
        cols["version"] = 1
        cols["updated_at"] = timestamp()
        cols["updated_by"] = username
        let names = Array(cols.keys)
        try db.execute(sql: "INSERT INTO member (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(names.map { cols[$0] ?? nil }))
        for other in Set(m.doNotMatch) where other != number {
            try db.execute(sql: "INSERT OR IGNORE INTO do_not_match (member, other) SELECT ?, number FROM member WHERE number = ?", arguments: [number, other])
        }
        try db.execute(sql: "INSERT INTO vetting (member) VALUES (?)", arguments: [number])
        try MemberSearchIndex.reindex(db, member: number)
        try audit(db, broker: username, action: "create", entity: "member", id: String(number), details: "v=1")
        guard let saved = try member(db, number) else { throw StoreError.memberNotFound(number) }
        return saved
    }

    /// Saves an edit. `m.version` must be the version the broker started from; if someone else
    /// saved in between, nothing is written and the conflict says who and what they changed.
    public func updateMember(_ m: Member, by broker: Broker, today: CalendarDate = .today()) throws -> Member {
        try authorize(.editMembers, by: broker)
        let problems = MemberValidation.problems(in: m)
        guard problems.isEmpty else { throw StoreError.invalidMember(problems) }
        return try write { db in
            guard let current = try Store.member(db, m.number) else { throw StoreError.memberNotFound(m.number) }
            if current.version != m.version {
                throw StoreError.memberChanged(try Store.conflict(db, member: m.number, since: m.version))
            }
            if current.status != .active, m.status == .active {
                let v = try Store.vetting(db, m.number)
                let outstanding = v.outstanding(today: today)
                guard v.state(today: today) == .complete else {
                    throw StoreError.invalid("\(m.name) cannot become active until vetting is complete: \(outstanding.joined(separator: ", ")).")
                }
            }
            let changes = Member.differences(from: current, to: m)
            var cols = Store.columns(of: m)
            cols["version"] = current.version + 1
            cols["updated_at"] = Store.timestamp()
            cols["updated_by"] = broker.username
            let names = Array(cols.keys)
            try db.execute(sql: "UPDATE member SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE number = ?",
                           arguments: StatementArguments(names.map { cols[$0] ?? nil } + [m.number]))
            try db.execute(sql: "DELETE FROM do_not_match WHERE member = ?", arguments: [m.number])
            for other in Set(m.doNotMatch) where other != m.number {
                try db.execute(sql: "INSERT OR IGNORE INTO do_not_match (member, other) SELECT ?, number FROM member WHERE number = ?", arguments: [m.number, other])
            }
            try MemberSearchIndex.reindex(db, member: m.number)
            let details = "v=\(current.version + 1)\n" + changes.map { "\($0.label)\t\($0.before)\t\($0.after)" }.joined(separator: "\n")
            try Store.audit(db, broker: broker.username, action: "update", entity: "member", id: String(m.number), details: details)
            if current.status == .pending, m.status == .active {
                try Store.grantWelcomeCredit(db, member: m.number, today: today, by: broker)
            }
            guard let saved = try Store.member(db, m.number) else { throw StoreError.memberNotFound(m.number) }
            return saved
        }
    }

    /// The welcome credit from settings, paid by the pot, once per member.
    static func grantWelcomeCredit(_ db: Database, member n: Int, today: CalendarDate, by broker: Broker) throws {
        let amount = try settings(db).welcomeCreditMinutes
        guard amount > 0 else { return }
        let account = try accountID(db, .member(n))
        let already = try Int.fetchOne(db, sql: "SELECT count(*) FROM exchange WHERE giver = ? AND category = 'welcome' AND +reverses IS NULL", arguments: [account]) ?? 0
        guard already == 0 else { return }
        try ensureCategory(db, code: "welcome", group: "Time bank", name: "Welcome credit")
        // In a closed month (activation recorded late) there is nothing to date it in; skip rather than fail the edit.
        guard (try? requireOpenMonth(db, today)) != nil else { return }
        _ = try insert(db, ExchangeRequest(date: today, giver: .member(n), receiver: .pot, minutes: amount, categoryCode: "welcome",
                                           description: "Welcome credit"), group: nil, reverses: nil, by: broker, acceptCreditLimit: true)
    }

    static func ensureCategory(_ db: Database, code: String, group: String, name: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO category (code, grp, name) VALUES (?, ?, ?)", arguments: [code, group, name])
    }

    static func conflict(_ db: Database, member n: Int, since version: Int) throws -> MemberConflict {
        let rows = try Row.fetchAll(db, sql: """
            SELECT at, broker, details FROM audit WHERE entity = 'member' AND entity_id = ? AND action IN ('update', 'erase')
            ORDER BY id
            """, arguments: [String(n)])
        var changes: [MemberConflict.FieldChange] = []
        var who = "Another broker", when = ""
        for row in rows {
            let details: String = row["details"]
            let lines = details.split(separator: "\n", omittingEmptySubsequences: false)
            guard let first = lines.first, first.hasPrefix("v="), let v = Int(first.dropFirst(2)), v > version else { continue }
            let username: String = row["broker"]
            who = try String.fetchOne(db, sql: "SELECT display_name FROM broker WHERE username = ?", arguments: [username]) ?? username
            when = String((row["at"] as String).dropFirst(11).prefix(5)) + " UTC"
            for line in lines.dropFirst() {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else { continue }
                changes.removeAll { $0.field == parts[0] }
                changes.append(.init(field: parts[0], before: parts[1], after: parts[2]))
            }
        }
        return MemberConflict(member: n, otherBroker: who, savedAt: when, changes: changes)
    }

    // MARK: notes

    public struct Note: Hashable, Sendable {
        public var id: Int64
        public var at: String
        public var broker: String
        public var text: String
    }

    public func notes(member n: Int) throws -> [Note] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM member_note WHERE member = ? ORDER BY at DESC, id DESC", arguments: [n]).map {
                Note(id: $0["id"], at: $0["at"], broker: $0["broker"], text: $0["text"])
            }
        }
    }

    public func addNote(member n: Int, text: String, by broker: Broker) throws {
        try authorize(.writeNotes, by: broker)
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw StoreError.invalid("A note cannot be empty.") }
        if let problem = TextRules.problem("A note", t, characters: 10_000, multiline: true) { throw StoreError.invalid(problem) }
        try write { db in
            guard try Store.member(db, n) != nil else { throw StoreError.memberNotFound(n) }
            try db.execute(sql: "INSERT INTO member_note (member, at, broker, text) VALUES (?, ?, ?, ?)",
                           arguments: [n, Store.timestamp(), broker.username, t])
            try Store.audit(db, broker: broker.username, action: "note", entity: "member", id: String(n))
        }
    }

    // MARK: vetting

    static func vetting(_ db: Database, _ n: Int) throws -> Vetting {
        let refs = try Row.fetchAll(db, sql: "SELECT id, referee, received FROM vetting_reference WHERE member = ? ORDER BY received", arguments: [n]).map { row in
            VettingReference(referee: try row.stored("referee", of: "vetting_reference"), received: try row.storedDate("received", of: "vetting_reference"))
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM vetting WHERE member = ?", arguments: [n]) else {
            return Vetting(references: refs)
        }
        func date(_ c: String) throws -> CalendarDate? { try row.storedOptionalDate(c, of: "vetting") }
        var dbs: DBSCheck?
        if let issued = try date("dbs_issued"), let review = try date("dbs_review") {
            dbs = DBSCheck(level: row["dbs_level"] ?? "", certificateNumber: row["dbs_certificate"] ?? "", issued: issued, review: review)
        }
        var vetting = Vetting(references: refs, idSeen: try date("id_seen"), induction: try date("induction"), dbsRequired: row["dbs_required"],
                              dbs: dbs, review: try date("review"))
        vetting.version = row["version"] ?? 1
        return vetting
    }

    public func vetting(member n: Int) throws -> Vetting {
        try read { db in try Store.vetting(db, n) }
    }

    public func saveVetting(member n: Int, _ v: Vetting, by broker: Broker) throws {
        try authorize(.recordVetting, by: broker)
        let texts = v.references.map { ("A referee's name", $0.referee) } + [("The DBS level", v.dbs?.level ?? ""), ("The DBS certificate number", v.dbs?.certificateNumber ?? "")]
        for (label, text) in texts {
            if let problem = TextRules.problem(label, text, characters: 200) { throw StoreError.invalid(problem) }
        }
        try write { db in
            guard try Store.member(db, n) != nil else { throw StoreError.memberNotFound(n) }
            let current = try Store.vetting(db, n)
            let currentVersion = current.version ?? 1
            if let expected = v.version {
                try Store.requireVersion(db, current: currentVersion, expected: expected, entity: "vetting", id: String(n),
                                         record: "the vetting of member \(n)")
            }
            try Store.writeVetting(db, member: n, v)
            try db.execute(sql: "UPDATE vetting SET version = ? WHERE member = ?", arguments: [currentVersion + 1, n])
            try Store.audit(db, broker: broker.username, action: "vetting", entity: "member", id: String(n),
                            details: "references=\(v.references.count) id_seen=\(v.idSeen?.iso ?? "-") induction=\(v.induction?.iso ?? "-") dbs=\(v.dbs?.review.iso ?? "-") review=\(v.review?.iso ?? "-")")
            try Store.audit(db, broker: broker.username, action: "update", entity: "vetting", id: String(n),
                            details: Store.versionedDetails(currentVersion + 1, Store.vettingChanges(from: current, to: v)))
        }
    }

    static func writeVetting(_ db: Database, member n: Int, _ v: Vetting) throws {
        let complete = v.isComplete
        try db.execute(sql: """
            INSERT INTO vetting (member, id_seen, induction, dbs_required, dbs_level, dbs_certificate, dbs_issued, dbs_review, review, complete,
                                 next_review, completed_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(member) DO UPDATE SET id_seen = excluded.id_seen, induction = excluded.induction,
                dbs_required = excluded.dbs_required, dbs_level = excluded.dbs_level, dbs_certificate = excluded.dbs_certificate,
                dbs_issued = excluded.dbs_issued, dbs_review = excluded.dbs_review, review = excluded.review,
                complete = excluded.complete, next_review = excluded.next_review, completed_on = excluded.completed_on
            """, arguments: [n, v.idSeen?.iso, v.induction?.iso, v.dbsRequired, v.dbs?.level, v.dbs?.certificateNumber,
                             v.dbs?.issued.iso, v.dbs?.review.iso, v.review?.iso, complete, v.nextReview?.iso, v.completedOn?.iso])
        try db.execute(sql: "DELETE FROM vetting_reference WHERE member = ?", arguments: [n])
        for r in v.references {
            try db.execute(sql: "INSERT INTO vetting_reference (member, referee, received) VALUES (?, ?, ?)", arguments: [n, r.referee, r.received.iso])
        }
    }
}
