import Foundation
import GRDB
import TimeBank
import TimeBankImport

/// What an import did, or would do: rows to create, rows that match what is already here
/// (skipped, so importing a file twice creates nothing), and rows that cannot be imported.
public struct ImportOutcome: Sendable, Equatable {
    public var created = 0
    public var skipped: [RowProblem] = []
    public var invalid: [RowProblem] = []
    public var committed = false

    public init() {}
}

extension Store {
    /// Imports the rows of a file in one transaction. Every row is tried, in file order, so the
    /// preview (`commit: false`) finds exactly what a commit would; then the transaction is
    /// committed only when asked and when no row is invalid, otherwise nothing is written.
    public func importRows(_ file: ImportFile, kind: ImportKind, source: String, commit: Bool, by broker: Broker) throws -> ImportOutcome {
        try authorize(.importData, by: broker)
        var outcome = ImportOutcome()
        outcome.invalid = file.problems
        do {
            try writer().writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let context = try ImportContext(db)
                    for row in file.rows {
                        context.pending = nil
                        do {
                            try db.inSavepoint {
                                try Store.importRow(db, row, context: context, by: broker)
                                return .commit
                            }
                            outcome.created += 1
                            if let p = context.pending { context.remember(number: p.number, email: p.email, phone: p.phone, name: p.name) }
                        } catch let skip as ImportRowOutcome {
                            switch skip {
                            case .skipped(let reason): outcome.skipped.append(RowProblem(line: row.line, reason))
                            case .invalid(let reason): outcome.invalid.append(RowProblem(line: row.line, reason))
                            }
                        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
                            let rule = error.message ?? "a rule of the ledger"
                            outcome.invalid.append(RowProblem(line: row.line, "the database refuses it: \(rule)."))
                        } catch let error as StoreError {
                            outcome.invalid.append(RowProblem(line: row.line, error.description))
                        }
                    }
                    outcome.invalid.sort { $0.line < $1.line }
                    guard commit, outcome.invalid.isEmpty else { return .rollback }
                    try Store.audit(db, broker: broker.username, action: "import", entity: kind.rawValue, id: "",
                                    details: "\(outcome.created) created, \(outcome.skipped.count) already here, from \(source)")
                    outcome.committed = true
                    return .commit
                }
            }
        } catch let error as DatabaseError {
            throw Store.translate(error, path: path)
        }
        return outcome
    }

    /// What an import reads once: category codes, the clock, and the members' emails and
    /// phone-and-name keys, so matching a row costs a lookup rather than a walk of every member.
    final class ImportContext {
        let categories: [String: Int]
        let now: String
        var emails: [String: Int] = [:]
        var phoneNames: [String: Int] = [:]
        /// The member the current row inserted, remembered once its savepoint commits.
        var pending: (number: Int, email: String, phone: String, name: String)?

        init(_ db: Database) throws {
            var codes: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, id FROM category") { codes[(row[0] as String).lowercased()] = row[1] }
            categories = codes
            now = Store.timestamp()
            let rows = try Row.fetchCursor(db, sql: "SELECT number, email, phone, name FROM member")
            while let row = try rows.next() { remember(number: row[0], email: row[1], phone: row[2], name: row[3]) }
        }

        func remember(number: Int, email: String, phone: String, name: String) {
            if let key = ImportContext.emailKey(email) { emails[key] = number }
            if let key = ImportContext.phoneNameKey(phone, name) { phoneNames[key] = number }
        }

        static func emailKey(_ email: String) -> String? {
            let e = email.trimmingCharacters(in: .whitespaces).lowercased()
            return e.isEmpty ? nil : e
        }

        static func phoneNameKey(_ phone: String, _ name: String) -> String? {
            let d = Store.digits(phone)
            return d.isEmpty ? nil : d + "\u{1F}" + name.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }

    enum ImportRowOutcome: Error {
        case skipped(String)
        case invalid(String)
    }

    static func importRow(_ db: Database, _ row: ImportedRow, context: ImportContext, by broker: Broker) throws {
        switch row {
        case .member(let m): try importMember(db, m, context: context, by: broker)
        case .offer(let l): try importListing(db, l, table: "offer", context: context, by: broker)
        case .need(let l): try importListing(db, l, table: "need", context: context, by: broker)
        case .exchange(let e): try importExchange(db, e, context: context, by: broker)
        case .balance(let b): try importBalance(db, b, context: context, by: broker)
        }
    }

    // MARK: members

    static func importMember(_ db: Database, _ m: ImportedMember, context: ImportContext, by broker: Broker) throws {
        if let n = m.number, try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE number = ?", arguments: [n]) != nil {
            throw ImportRowOutcome.skipped("member \(n) is already here.")
        }
        if let key = ImportContext.emailKey(m.member.email), let n = context.emails[key] {
            throw ImportRowOutcome.skipped("matches member \(n) by email.")
        }
        if let key = ImportContext.phoneNameKey(m.member.phone, m.member.name), let n = context.phoneNames[key] {
            throw ImportRowOutcome.skipped("matches member \(n) by phone and name.")
        }
        let saved = try insertMember(db, m.member, by: broker.username, number: m.number)
        for note in m.notes {
            try db.execute(sql: "INSERT INTO member_note (member, at, broker, text) VALUES (?, ?, ?, ?)",
                           arguments: [saved.number, timestamp(), broker.username, note])
        }
        if let vetting = m.vetting {
            try writeVetting(db, member: saved.number, vetting)
            try audit(db, broker: broker.username, action: "vetting", entity: "member", id: String(saved.number),
                      details: "imported: \(vetting.isComplete ? "complete" : "not complete") review=\(vetting.review?.iso ?? "-")")
        }
        // Remembered only once the row's savepoint holds; a row refused later in its savepoint leaves nothing behind.
        context.pending = (saved.number, saved.email, saved.phone, saved.name)
    }

    static func digits(_ phone: String) -> String { String(phone.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init)) }

    // MARK: offers and needs

    static func importListing(_ db: Database, _ l: ImportedListing, table: String, context: ImportContext, by broker: Broker) throws {
        let word = table == "offer" ? "offer" : "need"
        if let id = l.id, let existing = try Row.fetchOne(db, sql: "SELECT member, title FROM \(table) WHERE id = ?", arguments: [id]) {
            guard existing[0] as Int == l.member, existing[1] as String == l.title else {
                throw ImportRowOutcome.invalid("\(word) id \(id) is already another \(word) here (\"\((existing[1] as String).prefix(40))\").")
            }
            throw ImportRowOutcome.skipped("\(word) \(id) is already here.")
        }
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE number = ?", arguments: [l.member]) != nil else {
            throw ImportRowOutcome.invalid("there is no member \(l.member); import the members first.")
        }
        guard let category = context.categories[l.categoryCode] else {
            throw ImportRowOutcome.invalid("the category '\(l.categoryCode.prefix(30))' is not one of this time bank's; 'timebank categories' lists them.")
        }
        var columns: [String] = ["member", "category", "title", "description", "area", "availability", "status", "created"]
        var values: [(any DatabaseValueConvertible)?] = [l.member, category, l.title, l.description, l.area, l.availability.rawValue,
                                                         l.status.rawValue, l.created.iso]
        if table == "need" {
            columns += ["needs_vetted_helper", "requires_travel"]
            values += [l.needsVettedHelper, l.requiresTravel]
        }
        if let id = l.id {
            columns.append("id")
            values.append(id)
        }
        try db.execute(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(values))
        if table == "offer" { try MemberSearchIndex.reindex(db, member: l.member) }
    }

    // MARK: exchanges

    /// The file's recorded-at kept exactly when it is in our own form; a date alone is that day's start.
    static func importedTimestamp(_ text: String, now: String) -> String {
        if text.isEmpty { return now }
        let shape = text.utf8.count == 24 && text.hasSuffix("Z") && Array(text.utf8)[10] == UInt8(ascii: "T")
        if shape, parseTimestamp(text).timeIntervalSince1970 != 0 { return text }
        if text.split(whereSeparator: { "-T:. Z".contains($0) }).count >= 6 { return timestamp(parseTimestamp(text)) }
        return String(text.prefix(10)) + "T00:00:00.000Z"
    }

    static func importExchange(_ db: Database, _ e: ImportedExchange, context: ImportContext, by broker: Broker) throws {
        let id = e.id.uuidString.lowercased()
        if let existing = try exchange(db, id: e.id) {
            guard existing.date == e.date, existing.giver == e.giver, existing.receiver == e.receiver, existing.minutes == e.minutes,
                  existing.reverses == e.reverses else {
                throw ImportRowOutcome.invalid("exchange \(id) is already here with other details.")
            }
            throw ImportRowOutcome.skipped("exchange \(id.prefix(8)) is already recorded.")
        }
        for (side, ref) in [("giver", e.giver), ("receiver", e.receiver)] {
            if case .member(let n) = ref, try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE number = ?", arguments: [n]) == nil {
                throw ImportRowOutcome.invalid("the \(side) \(n) is not a member here; import the members first.")
            }
        }
        // The time bank's own categories exist once first used; an exported ledger carries them.
        let ownCategories = ["welcome": "Welcome credit", "donation": "Donation to the pot", openingCategory: "Opening balances"]
        if let code = e.categoryCode, context.categories[code] == nil, let name = ownCategories[code] {
            try ensureCategory(db, code: code, group: code == openingCategory ? "Ledger" : "Time bank", name: name)
        } else if let code = e.categoryCode, context.categories[code] == nil {
            throw ImportRowOutcome.invalid("the category '\(code.prefix(30))' is not one of this time bank's; 'timebank categories' lists them.")
        }
        if try Int.fetchOne(db, sql: "SELECT 1 FROM closed_month WHERE month = ?", arguments: [e.date.monthKey]) != nil {
            throw ImportRowOutcome.invalid("\(e.date.monthKey) is a closed month; nothing can be added to it.")
        }
        if let original = e.reverses {
            guard let o = try exchange(db, id: original), o.reverses == nil, o.giver == e.receiver, o.receiver == e.giver, o.minutes == e.minutes else {
                throw ImportRowOutcome.invalid("it reverses \(original.uuidString.lowercased().prefix(8)), which is not an earlier exchange it mirrors.")
            }
        }
        try db.execute(sql: """
            INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, reverses, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                id, e.date.iso, try accountID(db, e.giver), try accountID(db, e.receiver), e.minutes, e.categoryCode, e.description,
                e.reverses?.uuidString.lowercased(), e.recordedBy.isEmpty ? broker.username : e.recordedBy,
                importedTimestamp(e.recordedAt, now: context.now),
            ])
    }
}

extension Store {
    /// The category of opening-balance entries: reports leave it out of hours exchanged.
    public static let openingCategory = "opening"

    /// A balance brought from another system, posted against the opening-balances account
    /// (never the pot). One exchange may hold at most 24 hours, so a larger balance is posted as
    /// several entries of at most 24 hours, all dated the day of the import.
    static func importBalance(_ db: Database, _ b: ImportedBalance, context: ImportContext, by broker: Broker) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE number = ?", arguments: [b.member]) != nil else {
            throw ImportRowOutcome.invalid("there is no member \(b.member); import the members first.")
        }
        let account = try accountID(db, .member(b.member))
        let opening = try accountID(db, .opening)
        if try Int.fetchOne(db, sql: """
            SELECT 1 FROM exchange WHERE (giver = ? AND receiver = ?) OR (giver = ? AND receiver = ?) LIMIT 1
            """, arguments: [account, opening, opening, account]) != nil {
            throw ImportRowOutcome.skipped("member \(b.member) has an opening balance already.")
        }
        guard b.minutes != 0 else { throw ImportRowOutcome.skipped("member \(b.member)'s balance is zero: nothing to post.") }
        let today = CalendarDate.today(now: parseTimestamp(context.now), timeZone: TimeZone(identifier: "UTC") ?? .current)
        if try Int.fetchOne(db, sql: "SELECT 1 FROM closed_month WHERE month = ?", arguments: [today.monthKey]) != nil {
            throw ImportRowOutcome.invalid("\(today.monthKey) is a closed month; opening balances are dated the day of the import.")
        }
        try ensureCategory(db, code: openingCategory, group: "Ledger", name: "Opening balances")
        // Positive: the member gave more than they received, so the member is the giver.
        let (giver, receiver) = b.minutes > 0 ? (account, opening) : (opening, account)
        var left = abs(b.minutes)
        var part = 0
        while left > 0 {
            let minutes = min(left, DurationParser.maximum)
            let id = ImportValues.stableID("opening-balance\u{1F}\(b.member)\u{1F}\(part)").uuidString.lowercased()
            try db.execute(sql: """
                INSERT INTO exchange (id, date, giver, receiver, minutes, category, description, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, today.iso, giver, receiver, minutes, openingCategory, "Opening balance brought from the previous system",
                                 broker.username, context.now])
            left -= minutes
            part += 1
        }
    }
}
