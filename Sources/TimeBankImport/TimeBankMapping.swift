import Foundation
import TimeBank

/// Rows in the export contract's own columns, so `export` then `import` round-trips.
struct TimeBankMapping {
    let kind: ImportKind
    let header: ImportHeader

    static let memberColumns: Set<String> = [
        "number", "name", "preferred_name", "status", "area", "postcode", "phone", "email", "joined", "vetting", "vetting_review",
        "balance_minutes", "balance_hours", "open_needs", "kind", "address", "came_through", "status_reason", "contact_person",
    ]
    static let listingColumns: Set<String> = ["id", "member", "category", "title", "description", "area", "availability", "status", "created"]
    static let needColumns = listingColumns.union(["needs_vetted_helper", "requires_travel"])
    static let exchangeColumns: Set<String> = [
        "id", "date", "giver", "receiver", "minutes", "hours", "category", "description", "reverses", "recorded_by", "recorded_at",
    ]
    static let balanceColumns: Set<String> = ["member", "name", "balance_minutes", "balance_hours"]

    init(kind: ImportKind, header record: CSVRecord) throws(CSVFileError) {
        self.kind = kind
        switch kind {
        case .members: header = try ImportHeader(record, required: ["name"], known: Self.memberColumns)
        case .offers: header = try ImportHeader(record, required: ["member", "category", "title"], known: Self.listingColumns)
        case .needs: header = try ImportHeader(record, required: ["member", "category", "title"], known: Self.needColumns)
        case .exchanges: header = try ImportHeader(record, required: ["date", "giver", "receiver"], known: Self.exchangeColumns)
        case .balances: header = try ImportHeader(record, required: ["member"], known: Self.balanceColumns)
        }
        if kind == .exchanges, !header.has("minutes"), !header.has("hours") {
            throw CSVFileError(line: record.line, "the header needs a 'minutes' or an 'hours' column.")
        }
        if kind == .balances, !header.has("balance_minutes"), !header.has("balance_hours") {
            throw CSVFileError(line: record.line, "the header needs a 'balance_minutes' or a 'balance_hours' column.")
        }
    }

    func map(_ r: CSVRecord, today: CalendarDate) throws(RowProblemError) -> ImportedRow {
        guard r.fields.count == header.columnCount else {
            throw RowProblemError(r.line, "has \(r.fields.count) fields where the header has \(header.columnCount).")
        }
        switch kind {
        case .members: return .member(try member(r, today: today))
        case .offers: return .offer(try listing(r))
        case .needs: return .need(try listing(r))
        case .exchanges: return .exchange(try exchange(r))
        case .balances: return .balance(try balance(r))
        }
    }

    private func v(_ name: String, _ r: CSVRecord) -> String { header.value(name, in: r) }

    private func member(_ r: CSVRecord, today: CalendarDate) throws(RowProblemError) -> ImportedMember {
        var number: Int?
        if !v("number", r).isEmpty {
            guard let n = ImportValues.integer(v("number", r)), n > 0, n < 1_000_000_000 else {
                throw RowProblemError(r.line, "the member number '\(v("number", r).prefix(20))' is not a whole number above 0.")
            }
            number = n
        }
        var joined = today
        if !v("joined", r).isEmpty {
            guard let d = ImportValues.date(v("joined", r)) else {
                throw RowProblemError(r.line, "the joined date '\(v("joined", r).prefix(20))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
            }
            joined = d
        }
        var status = MemberStatus.pending
        if !v("status", r).isEmpty {
            guard let s = MemberStatus(rawValue: v("status", r).lowercased()) else {
                throw RowProblemError(r.line, "the status '\(v("status", r).prefix(20))' is not one of pending, active, on-hold, left.")
            }
            status = s
        }
        var kind = MemberKind.person
        if !v("kind", r).isEmpty {
            guard let k = MemberKind(rawValue: v("kind", r).lowercased()) else {
                throw RowProblemError(r.line, "the kind '\(v("kind", r).prefix(20))' is not person or organisation.")
            }
            kind = k
        }
        // The export has no column for why a member is on hold or left, or for an organisation's
        // contact person, which the member rules require: the import says so rather than inventing one.
        var reason = v("status_reason", r)
        if reason.isEmpty, status == .onHold || status == .left { reason = Self.notInFile }
        var contact = v("contact_person", r)
        if contact.isEmpty, kind == .organisation { contact = Self.notInFile }
        var cameThrough: CameThrough?
        if !v("came_through", r).isEmpty {
            guard let c = CameThrough(text: v("came_through", r)) else {
                throw RowProblemError(r.line, "the came_through value '\(v("came_through", r).prefix(30))' is not one of \(CameThrough.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            cameThrough = c
        }
        let m = Member(kind: kind, name: v("name", r), preferredName: v("preferred_name", r), phone: v("phone", r), email: v("email", r),
                       address: header.text("address", in: r), postcode: v("postcode", r), area: v("area", r), joined: joined, status: status,
                       statusReason: reason, contactPerson: contact, demographics: Demographics(cameThrough: cameThrough))
        try Self.validate(m, line: r.line)
        return ImportedMember(line: r.line, number: number, member: m, notes: [], vetting: try vetting(r, today: today))
    }

    /// The vetting the export's two columns state: `complete` or `expired` with the review date
    /// (when there is one), or `missing`, perhaps with a review date already set. A members file
    /// says only that vetting was complete, not who gave the references or when ID was seen, so
    /// those steps are recorded as done on the day of the import (or the review date, if earlier)
    /// with the referee "not given in the imported file", as the import does for other facts
    /// the member rules require.
    private func vetting(_ r: CSVRecord, today: CalendarDate) throws(RowProblemError) -> Vetting? {
        var review: CalendarDate?
        if !v("vetting_review", r).isEmpty {
            guard let d = ImportValues.date(v("vetting_review", r)) else {
                throw RowProblemError(r.line, "the vetting review date '\(v("vetting_review", r).prefix(20))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
            }
            review = d
        }
        let stated = v("vetting", r).lowercased()
        guard !stated.isEmpty else { return review.map { Vetting(review: $0) } }
        guard let state = VettingState(rawValue: stated) else {
            throw RowProblemError(r.line, "the vetting '\(v("vetting", r).prefix(20))' is not one of complete, expired, missing.")
        }
        switch state {
        case .missing:
            return review.map { Vetting(review: $0) }
        case .complete, .expired:
            if state == .expired, review == nil {
                throw RowProblemError(r.line, "the vetting is expired but the row has no vetting_review date saying when it fell due.")
            }
            if state == .expired, let review, review >= today {
                throw RowProblemError(r.line, "the vetting is expired but its review date \(review.iso) has not passed.")
            }
            let done = min(review ?? today, today)
            let reference = VettingReference(referee: Self.notInFile, received: done)
            return Vetting(references: Array(repeating: reference, count: Vetting.referencesRequired), idSeen: done, induction: done,
                           review: review)
        }
    }

    /// A member number, `pot`, or `opening` (the other side of imported opening balances).
    static func account(_ text: String) -> AccountRef? {
        text.trimmingCharacters(in: .whitespaces).lowercased() == "opening" ? .opening : AccountRef(text)
    }

    static let notInFile = "not given in the imported file"

    static func validate(_ m: Member, line: Int) throws(RowProblemError) {
        if let problem = MemberValidation.problems(in: m).first {
            throw RowProblemError(line, problem.message)
        }
    }

    private func listing(_ r: CSVRecord) throws(RowProblemError) -> ImportedListing {
        var id: Int?
        if !v("id", r).isEmpty {
            guard let n = ImportValues.integer(v("id", r)), n > 0 else { throw RowProblemError(r.line, "the id '\(v("id", r).prefix(20))' is not a whole number above 0.") }
            id = n
        }
        guard let member = ImportValues.integer(v("member", r)), member > 0 else {
            throw RowProblemError(r.line, "the member '\(v("member", r).prefix(20))' is not a member number.")
        }
        let title = v("title", r)
        guard !title.isEmpty else { throw RowProblemError(r.line, "the title is empty.") }
        guard title.count <= 120 else { throw RowProblemError(r.line, "the title is longer than 120 characters.") }
        let description = header.text("description", in: r)
        guard description.count <= 2000 else { throw RowProblemError(r.line, "the description is longer than 2,000 characters.") }
        guard let availability = Availability(text: v("availability", r)) else {
            throw RowProblemError(r.line, "the availability '\(v("availability", r).prefix(40))' is not days and parts of days like 'Mon am, Sat'.")
        }
        var status = ListingStatus.open
        if !v("status", r).isEmpty {
            guard let s = ListingStatus(rawValue: v("status", r).lowercased()) else {
                throw RowProblemError(r.line, "the status '\(v("status", r).prefix(20))' is not one of open, matched, closed.")
            }
            status = s
        }
        guard let created = v("created", r).isEmpty ? CalendarDate.today() : ImportValues.date(v("created", r)) else {
            throw RowProblemError(r.line, "the created date '\(v("created", r).prefix(20))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
        }
        guard let vetted = ImportValues.bool(v("needs_vetted_helper", r)), let travel = ImportValues.bool(v("requires_travel", r)) else {
            throw RowProblemError(r.line, "needs_vetted_helper and requires_travel are true or false.")
        }
        let code = v("category", r).lowercased()
        guard !code.isEmpty else { throw RowProblemError(r.line, "the category is empty; 'timebank categories' lists the codes.") }
        return ImportedListing(line: r.line, id: id, member: member, categoryCode: code, title: title, description: description,
                               area: v("area", r), availability: availability, status: status, created: created,
                               needsVettedHelper: vetted, requiresTravel: travel)
    }

    private func exchange(_ r: CSVRecord) throws(RowProblemError) -> ImportedExchange {
        let id: UUID
        if v("id", r).isEmpty {
            id = ImportValues.stableID("exchange\u{1F}" + r.fields.joined(separator: "\u{1F}"))
        } else {
            guard let u = UUID(uuidString: v("id", r)) else { throw RowProblemError(r.line, "the id '\(v("id", r).prefix(40))' is not a UUID.") }
            id = u
        }
        guard let date = ImportValues.date(v("date", r)) else {
            throw RowProblemError(r.line, "the date '\(v("date", r).prefix(20))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
        }
        guard let giver = Self.account(v("giver", r)) else { throw RowProblemError(r.line, "the giver '\(v("giver", r).prefix(20))' is not a member number or 'pot'.") }
        guard let receiver = Self.account(v("receiver", r)) else {
            throw RowProblemError(r.line, "the receiver '\(v("receiver", r).prefix(20))' is not a member number or 'pot'.")
        }
        guard giver != receiver else { throw RowProblemError(r.line, "the giver and the receiver are the same account.") }
        let minutes: Int
        if header.has("minutes"), !v("minutes", r).isEmpty {
            guard let m = ImportValues.integer(v("minutes", r)) else { throw RowProblemError(r.line, "the minutes '\(v("minutes", r).prefix(20))' are not a whole number.") }
            minutes = m
            // The export writes hours to two decimals (20 minutes is 0.33): they agree when they say the same to that precision.
            if header.has("hours"), !v("hours", r).isEmpty, v("hours", r) != MinutesFormat.decimalHours(m),
               ImportValues.hoursAsMinutes(v("hours", r)) != m {
                throw RowProblemError(r.line, "the hours '\(v("hours", r).prefix(20))' do not agree with the minutes \(m).")
            }
        } else {
            guard let m = ImportValues.hoursAsMinutes(v("hours", r)) else {
                throw RowProblemError(r.line, "the hours '\(v("hours", r).prefix(20))' are not a whole number of minutes written as decimal hours.")
            }
            minutes = m
        }
        guard minutes > 0, minutes <= DurationParser.maximum else {
            throw RowProblemError(r.line, "\(minutes) minutes is not more than 0 and at most 24 hours, as one exchange must be.")
        }
        var reverses: UUID?
        if !v("reverses", r).isEmpty {
            guard let u = UUID(uuidString: v("reverses", r)) else {
                throw RowProblemError(r.line, "reverses '\(v("reverses", r).prefix(40))' is not the UUID of an exchange.")
            }
            reverses = u
        }
        let description = header.text("description", in: r)
        guard description.count <= 400 else { throw RowProblemError(r.line, "the description is longer than 400 characters.") }
        let recordedAt = v("recorded_at", r)
        if !recordedAt.isEmpty, ImportValues.date(recordedAt) == nil {
            throw RowProblemError(r.line, "recorded_at '\(recordedAt.prefix(30))' is not a timestamp like 2026-11-28T10:22:33Z.")
        }
        let category = v("category", r).lowercased()
        return ImportedExchange(line: r.line, id: id, date: date, giver: giver, receiver: receiver, minutes: minutes,
                                categoryCode: category.isEmpty ? nil : category, description: description, reverses: reverses,
                                recordedBy: v("recorded_by", r), recordedAt: recordedAt)
    }

    private func balance(_ r: CSVRecord) throws(RowProblemError) -> ImportedBalance {
        guard let member = ImportValues.integer(v("member", r)), member > 0 else {
            throw RowProblemError(r.line, "the member '\(v("member", r).prefix(20))' is not a member number.")
        }
        let minutes: Int
        if header.has("balance_minutes"), !v("balance_minutes", r).isEmpty {
            guard let m = ImportValues.integer(v("balance_minutes", r)), abs(m) <= 10_000_000 else {
                throw RowProblemError(r.line, "the balance '\(v("balance_minutes", r).prefix(20))' is not a whole number of minutes.")
            }
            minutes = m
        } else {
            guard let m = ImportValues.hoursAsMinutes(v("balance_hours", r)), abs(m) <= 10_000_000 else {
                throw RowProblemError(r.line, "the balance '\(v("balance_hours", r).prefix(20))' is not a whole number of minutes written as decimal hours.")
            }
            minutes = m
        }
        return ImportedBalance(line: r.line, member: member, minutes: minutes)
    }
}

/// A row's problem while mapping; becomes a `RowProblem`.
struct RowProblemError: Error {
    let problem: RowProblem
    init(_ line: Int, _ reason: String) { problem = RowProblem(line: line, reason) }
}
