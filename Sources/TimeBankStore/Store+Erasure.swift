import Foundation
import GRDB
import TimeBank

/// What happens to an erased member's balance.
public enum ErasureBalance: String, Sendable, CaseIterable {
    /// Moved to the community pot with a ledger entry, so the former member's account ends at zero.
    case donate
    /// Left on the former member's account.
    case keep
}

extension Store {
    /// Erases member `n`'s personal data (admins only): every personal field, note, vetting record,
    /// reference, demographic, how they came to the time bank, offer and need text (and its
    /// search index) and do-not-match entry; the free text of their exchanges and referrals; the
    /// details of audit entries about them and about their vetting, offers, needs and referrals. The member becomes
    /// "Former member N"; the ledger's dates, accounts and minutes stay. Afterwards the file is
    /// cleared of the old bytes: secure delete, the search indexes merged, the WAL checkpointed
    /// and truncated. Returns false when another connection kept the checkpoint from finishing
    /// (the old bytes then go at the next checkpoint).
    @discardableResult
    public func erase(member n: Int, reason: String, balance choice: ErasureBalance?, by broker: Broker,
                      today: CalendarDate = .today()) throws -> Bool {
        try authorize(.eraseMembers, by: broker)
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw StoreError.invalid("Give a reason for the erasure (it is kept in the audit log).") }
        guard why.count <= 400 else { throw StoreError.invalid("The reason is longer than 400 characters.") }
        guard !why.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw StoreError.invalid("The reason contains control characters.")
        }
        let pool = try writer()
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                try db.inTransaction(.immediate) {
                    try Store.eraseInTransaction(db, member: n, reason: why, balance: choice, by: broker, today: today)
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
        // The erasure is committed; if another broker's connection keeps VACUUM or the checkpoint
        // from finishing, the old bytes go at the next checkpoint, and the caller says so.
        return (try? clearFreedBytes()) ?? false
    }

    /// Whether member `n` has been erased (the console refuses to open a second erasure).
    public func isErased(member n: Int) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT erased FROM member WHERE number = ?", arguments: [n]) ?? false
        }
    }

    static func eraseInTransaction(_ db: Database, member n: Int, reason: String, balance choice: ErasureBalance?, by broker: Broker,
                                   today: CalendarDate) throws {
        guard let member = try member(db, n) else { throw StoreError.memberNotFound(n) }
        guard try Bool.fetchOne(db, sql: "SELECT erased FROM member WHERE number = ?", arguments: [n]) != true else {
            throw StoreError.invalid("Member \(n) is already erased.")
        }
        // The reason stays in the audit log: it must not carry what is being erased.
        let former = [member.name, member.preferredName, member.email, member.phone, member.address].filter { $0.count >= 3 }
        if former.contains(where: { reason.localizedCaseInsensitiveContains($0) }) {
            throw StoreError.invalid("The reason repeats the member's own details; give it without their name, phone, email or address.")
        }
        let account = try accountID(db, .member(n))
        let balance = try Store.balance(db, .member(n)).balanceMinutes
        if balance != 0 {
            guard let choice else {
                throw StoreError.invalid("Member \(n) has a balance of \(MinutesFormat.signedClock(balance)): choose --balance donate (to the community pot) or --balance keep.")
            }
            if choice == .donate {
                try requireOpenMonth(db, today)
                try ensureCategory(db, code: "donation", group: "Time bank", name: "Donation to the pot")
                let pot = try accountID(db, .pot)
                // Credit goes to the pot (the pot gives), a debt is taken over by it (the pot receives).
                let (giver, receiver) = balance > 0 ? (pot, account) : (account, pot)
                var left = abs(balance)
                while left > 0 {
                    let minutes = min(left, DurationParser.maximum)
                    try db.execute(sql: """
                        INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, 'donation', 'Balance donated to the pot at erasure', ?, ?)
                        """, arguments: [UUID().uuidString.lowercased(), today.iso, giver, receiver, minutes, broker.username, timestamp()])
                    left -= minutes
                }
            }
        }
        try db.execute(sql: """
            UPDATE member SET name = ?, preferred_name = '', phone = '', email = '', address = '', postcode = '', area = '',
                status = 'left', status_reason = 'erased', emergency_contact = '', contact_person = '', languages = '',
                availability = 0, can_travel = 0, has_transport = 0, accessibility_needs = '',
                consent_phone = 0, consent_email = 0, consent_share = 0, consent_photos = 0,
                age_band = '', gender = '', ethnicity = '', disability = '', came_through = '', erased = 1,
                version = version + 1, updated_at = ?, updated_by = ?
            WHERE number = ?
            """, arguments: ["Former member \(n)", timestamp(), broker.username, n])
        try db.execute(sql: "DELETE FROM do_not_match WHERE member = ?1 OR other = ?1", arguments: [n])
        try db.execute(sql: "DELETE FROM member_note WHERE member = ?", arguments: [n])
        try db.execute(sql: "DELETE FROM vetting_reference WHERE member = ?", arguments: [n])
        try db.execute(sql: """
            UPDATE vetting SET id_seen = NULL, induction = NULL, dbs_required = 0, dbs_level = NULL, dbs_certificate = NULL,
                dbs_issued = NULL, dbs_review = NULL, review = NULL, complete = 0, next_review = NULL,
                completed_on = NULL
            WHERE member = ?
            """, arguments: [n])
        for table in ["offer", "need"] {
            try db.execute(sql: """
                UPDATE \(table) SET title = 'Erased', description = '', area = '', availability = 0, status = 'closed' WHERE member = ?
                """, arguments: [n])
        }
        try db.execute(sql: """
            UPDATE referral SET note = '' WHERE note <> '' AND (helper = ?1 OR need IN (SELECT id FROM need WHERE member = ?1))
            """, arguments: [n])
        try db.execute(sql: """
            UPDATE referral_step SET note = '' WHERE note <> '' AND referral IN
                (SELECT r.id FROM referral r WHERE r.helper = ?1 OR r.need IN (SELECT id FROM need WHERE member = ?1))
            """, arguments: [n])
        try db.execute(sql: "UPDATE exchange SET description = '' WHERE (giver = ?1 OR receiver = ?1) AND description <> ''", arguments: [account])
        try db.execute(sql: "UPDATE audit SET details = '' WHERE entity IN ('member', 'vetting') AND entity_id = ? AND details <> ''",
                       arguments: [String(n)])
        // The versioned saves of their offers, needs and referrals carry titles, descriptions and
        // notes, before and after (migration v10-erasable-record-audit lets these be emptied).
        for table in ["offer", "need"] {
            try db.execute(sql: """
                UPDATE audit SET details = '' WHERE entity = '\(table)' AND details <> ''
                    AND entity_id IN (SELECT CAST(id AS TEXT) FROM \(table) WHERE member = ?)
                """, arguments: [n])
        }
        try db.execute(sql: """
            UPDATE audit SET details = '' WHERE entity = 'referral' AND details <> '' AND entity_id IN
                (SELECT CAST(r.id AS TEXT) FROM referral r WHERE r.helper = ?1 OR r.need IN (SELECT id FROM need WHERE member = ?1))
            """, arguments: [n])
        try MemberSearchIndex.reindex(db, member: n)
        let balanceWord = balance == 0 ? "zero" : (choice?.rawValue ?? "keep")
        try audit(db, broker: broker.username, action: "erase", entity: "member", id: String(n),
                  details: "reason: \(reason); balance \(MinutesFormat.signedClock(balance)): \(balanceWord)")
        // Written after the details were emptied: the erasure's own entry keeps its reason.
    }

    /// Merges the full-text indexes (so no old term lingers in a segment), then checkpoints the
    /// WAL into the file and truncates it. With secure_delete on, freed space is zeroed.
    func clearFreedBytes() throws -> Bool {
        let pool = try writer()
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "INSERT INTO member_search (member_search) VALUES ('optimize')")
            try db.execute(sql: "INSERT INTO offer_search (offer_search) VALUES ('optimize')")
            try db.execute(sql: "INSERT INTO offer_text (offer_text) VALUES ('optimize')")
            try db.execute(sql: "INSERT INTO need_text (need_text) VALUES ('optimize')")
            try db.execute(sql: "INSERT INTO exchange_text (exchange_text) VALUES ('optimize')")
            // Pages freed by the merge are on the free list; incremental vacuum is not enabled,
            // so VACUUM rebuilds the file without them.
            try db.execute(sql: "VACUUM")
        }
        return try pool.writeWithoutTransaction { db in
            let result = try db.checkpoint(.truncate)
            return result.walFrameCount == result.checkpointedFrameCount
        }
    }
}
