import Foundation
import GRDB
import TimeBank
import TimeBankResources

extension Store {
    // MARK: categories

    public func categories(includeInactive: Bool = false) throws -> [TimeBank.Category] {
        try read { db in
            try TimeBank.Category.fetchAll(db, sql: "SELECT * FROM category \(includeInactive ? "" : "WHERE active = 1") ORDER BY grp, name")
        }
    }

    /// The taxonomy shipped in Resources/, loaded on first use of a database.
    func installBundledTaxonomyIfEmpty() throws {
        let empty = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM category WHERE code <> 'welcome'") == 0 }
        guard empty else { return }
        let entries = try TaxonomyFile.loadBundled().map {
            Category(code: $0.code, group: $0.group, name: $0.service, keywords: $0.keywords,
                     suggestsVetting: $0.needsVetting, involvesTravel: $0.involvesTravel)
        }
        try installTaxonomyIfEmpty(entries)
    }

    /// Loads a taxonomy into a database that has none yet; later edits by an admin are kept.
    public func installTaxonomyIfEmpty(_ entries: [TimeBank.Category]) throws {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM category WHERE code <> 'welcome'") == 0 else { return }
            for c in entries {
                try db.execute(sql: """
                    INSERT INTO category (code, grp, name, keywords, suggests_vetting, involves_travel) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO NOTHING
                    """, arguments: [c.code, c.group, c.name, c.keywords.joined(separator: " "), c.suggestsVetting, c.involvesTravel])
            }
        }
    }

    // MARK: offers and needs

    // Kept for the exports and subject access, which map rows; the decoding is `Offer.init(row:)` / `Need.init(row:)`.
    static func offer(from row: Row) throws -> Offer { try Offer(row: row) }
    static func need(from row: Row) throws -> Need { try Need(row: row) }

    static func validateListing(title: String, description: String, area: String = "") throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("A title is required.") }
        if let problem = TextRules.problem("The title", title, characters: 120)
            ?? TextRules.problem("The description", description, characters: 2000, multiline: true)
            ?? TextRules.problem("The area", area, characters: 200) {
            throw StoreError.invalid(problem)
        }
    }

    public func addOffer(_ o: Offer, by broker: Broker) throws -> Offer {
        try authorize(.editOffersAndNeeds, by: broker)
        try Store.validateListing(title: o.title, description: o.description, area: o.area)
        return try write { db in try Store.insertOffer(db, o, by: broker.username) }
    }

    static func insertOffer(_ db: Database, _ o: Offer, by username: String) throws -> Offer {
        guard try Store.member(db, o.member) != nil else { throw StoreError.memberNotFound(o.member) }
        try db.execute(sql: """
            INSERT INTO offer (member, category, title, description, area, availability, status, created, review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [o.member, o.categoryID, o.title, o.description, o.area, o.availability.rawValue, o.status.rawValue, o.created.iso, o.review?.iso])
        let id = db.lastInsertedRowID
        try MemberSearchIndex.reindex(db, member: o.member)
        try Store.audit(db, broker: username, action: "create", entity: "offer", id: String(id), details: "member=\(o.member)")
        return try Offer.fetchExisting(db, sql: "SELECT * FROM offer WHERE id = ?", arguments: [id], missing: "The offer was not found.")
    }

    public func addNeed(_ n: Need, by broker: Broker) throws -> Need {
        try authorize(.editOffersAndNeeds, by: broker)
        try Store.validateListing(title: n.title, description: n.description, area: n.area)
        return try write { db in
            guard try Store.member(db, n.member) != nil else { throw StoreError.memberNotFound(n.member) }
            try db.execute(sql: """
                INSERT INTO need (member, category, title, description, area, availability, needs_vetted_helper, requires_travel, status, created, review)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [n.member, n.categoryID, n.title, n.description, n.area, n.availability.rawValue, n.needsVettedHelper,
                                 n.requiresTravel, n.status.rawValue, n.created.iso, n.review?.iso])
            let id = db.lastInsertedRowID
            try Store.audit(db, broker: broker.username, action: "create", entity: "need", id: String(id), details: "member=\(n.member)")
            return try Need.fetchExisting(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [id], missing: "The need was not found.")
        }
    }

    public func offers(member: Int? = nil) throws -> [Offer] {
        try read { db in
            try Offer.fetchAll(db, sql: "SELECT * FROM offer \(member == nil ? "" : "WHERE member = ?") ORDER BY id",
                             arguments: member.map { [$0] } ?? [])
        }
    }

    public func needs(member: Int? = nil) throws -> [Need] {
        try read { db in
            try Need.fetchAll(db, sql: "SELECT * FROM need \(member == nil ? "" : "WHERE member = ?") ORDER BY id",
                             arguments: member.map { [$0] } ?? [])
        }
    }

    // MARK: referrals

    static func referral(from row: Row) throws -> Referral { try Referral(row: row) }

    public func referrals(member: Int? = nil) throws -> [Referral] {
        try read { db in
            let sql = member == nil ? "SELECT * FROM referral ORDER BY id"
                : "SELECT r.* FROM referral r JOIN need n ON n.id = r.need WHERE r.helper = ?1 OR n.member = ?1 ORDER BY r.updated_at DESC"
            return try Referral.fetchAll(db, sql: sql, arguments: member.map { [$0] } ?? [])
        }
    }

    /// Introduces a helper to a need.
    public func propose(need: Int, helper: Int, offer: Int?, note: String = "", by broker: Broker) throws -> Referral {
        if let problem = TextRules.problem("The note", note, characters: 2000, multiline: true) { throw StoreError.invalid(problem) }
        try authorize(.referMembers, by: broker)
        return try write { db in
            guard let needRow = try Row.fetchOne(db, sql: "SELECT * FROM need WHERE id = ?", arguments: [need]) else {
                throw StoreError.notFound("There is no need number \(need).")
            }
            guard try Store.member(db, helper) != nil else { throw StoreError.memberNotFound(helper) }
            guard (needRow["member"] as Int) != helper else { throw StoreError.invalid("A member cannot be referred to their own need.") }
            let now = Store.timestamp()
            try db.execute(sql: "INSERT INTO referral (need, offer, helper, status, created_at, updated_at, broker, note) VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?)",
                           arguments: [need, offer, helper, now, now, broker.username, note])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO referral_step (referral, status, at, broker, note) VALUES (?, 'proposed', ?, ?, ?)",
                           arguments: [id, now, broker.username, note])
            try Store.audit(db, broker: broker.username, action: "propose", entity: "referral", id: String(id), details: "need=\(need) helper=\(helper)")
            return try Referral.fetchExisting(db, sql: "SELECT * FROM referral WHERE id = ?", arguments: [id], missing: "The referral was not found.")
        }
    }

    /// Moves a referral one step along, dated and signed. With `expecting`, the version the broker
    /// was shown: if another broker moved it since, nothing is written and the refusal says who.
    /// `on` dates the step a few days back (see `ReferralStepDate`); nil is now.
    public func move(referral id: Int, to status: ReferralStatus, note: String = "", expecting version: Int? = nil,
                     by broker: Broker, on day: CalendarDate? = nil, today: CalendarDate = .today()) throws -> Referral {
        if let problem = TextRules.problem("The note", note, characters: 2000, multiline: true) { throw StoreError.invalid(problem) }
        try authorize(.referMembers, by: broker)
        let at = try Store.stepMoment(day, today: today)
        return try write { db in try Store.moveReferral(db, id, to: status, note: note, expecting: version, by: broker, at: at) }
    }

    /// One step of a referral inside the caller's transaction (recording its hours marks it done).
    static func moveReferral(_ db: Database, _ id: Int, to status: ReferralStatus, note: String, expecting version: Int? = nil,
                             by broker: Broker, at: String = Store.timestamp()) throws -> Referral {
        do {
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM referral WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("There is no referral number \(id).")
            }
            let current = try Referral(row: row)
            if let version {
                try Store.requireVersion(db, current: current.version, expected: version, entity: "referral", id: String(id), record: "referral \(id)",
                                         advice: "nothing was moved; look at it again before moving it")
            }
            guard current.status.canMove(to: status) else {
                throw StoreError.invalid("A referral that is \(current.status.rawValue) cannot become \(status.rawValue).")
            }
            let now = at
            try db.execute(sql: "UPDATE referral SET status = ?, updated_at = ?, broker = ?, note = ?, version = version + 1 WHERE id = ?",
                           arguments: [status.rawValue, now, broker.username, note, id])
            try db.execute(sql: "INSERT INTO referral_step (referral, status, at, broker, note) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, status.rawValue, now, broker.username, note])
            if status == .agreed || status == .done {
                try db.execute(sql: "UPDATE need SET status = 'matched' WHERE id = ? AND status = 'open'", arguments: [current.need])
            }
            try Store.audit(db, broker: broker.username, action: "move", entity: "referral", id: String(id),
                            details: Store.versionedDetails(current.version + 1, [("status", current.status.rawValue, status.rawValue)]))
            return try Referral.fetchExisting(db, sql: "SELECT * FROM referral WHERE id = ?", arguments: [id], missing: "The referral was not found.")
        }
    }
}
