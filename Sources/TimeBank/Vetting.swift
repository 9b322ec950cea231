/// A reference taken up for a member.
public struct VettingReference: Hashable, Sendable, Codable {
    public var referee: String
    public var received: CalendarDate
    public init(referee: String, received: CalendarDate) {
        self.referee = referee
        self.received = received
    }
}

/// A DBS (criminal record) check, held where the member's role makes one eligible.
public struct DBSCheck: Hashable, Sendable, Codable {
    public var level: String
    public var certificateNumber: String
    public var issued: CalendarDate
    public var review: CalendarDate
    public init(level: String, certificateNumber: String, issued: CalendarDate, review: CalendarDate) {
        self.level = level
        self.certificateNumber = certificateNumber
        self.issued = issued
        self.review = review
    }
}

/// Whether a member may be introduced to vulnerable members.
public enum VettingState: String, Sendable, Codable, CaseIterable {
    case complete
    /// Complete once, but past its review date.
    case expired
    case missing

    /// The vetting rule, stated once: vetting counts on `today` when it was completed and its
    /// next review, if it has one, is not before `today`. The store's queries use the same rule
    /// as one SQL fragment (`VettingSQL` in TimeBankStore).
    public static func of(complete: Bool, nextReview: CalendarDate?, today: CalendarDate) -> VettingState {
        guard complete else { return .missing }
        if let review = nextReview, review < today { return .expired }
        return .complete
    }

    /// The same rule on any day `day`, past ones included: vetting counts on `day` when it was
    /// completed on or before `day` and its next review, if it has one, is not before `day`. A
    /// helper whose last step came after a day of service was not vetted on that day.
    /// (`VettingSQL.completeOn` in TimeBankStore is this rule in SQL.)
    public static func counts(completedOn: CalendarDate?, nextReview: CalendarDate?, on day: CalendarDate) -> Bool {
        guard let completed = completedOn, completed <= day else { return false }
        return of(complete: true, nextReview: nextReview, today: day) == .complete
    }
}

/// The safeguarding record of one member.
public struct Vetting: Hashable, Sendable {
    public static let referencesRequired = 2

    public var references: [VettingReference]
    public var idSeen: CalendarDate?
    public var induction: CalendarDate?
    public var dbsRequired: Bool
    public var dbs: DBSCheck?
    /// When the whole record must be looked at again.
    public var review: CalendarDate?
    /// The saved version this copy was read at; a save names it (see Offer.version). Nil for a
    /// record not read from the store (a script, the demo), which is saved as given.
    public var version: Int?

    public init(references: [VettingReference] = [], idSeen: CalendarDate? = nil, induction: CalendarDate? = nil,
                dbsRequired: Bool = false, dbs: DBSCheck? = nil, review: CalendarDate? = nil) {
        self.references = references
        self.idSeen = idSeen
        self.induction = induction
        self.dbsRequired = dbsRequired
        self.dbs = dbs
        self.review = review
    }

    /// The same record, whatever version each copy was read at.
    public static func == (a: Vetting, b: Vetting) -> Bool {
        a.references == b.references && a.idSeen == b.idSeen && a.induction == b.induction && a.dbsRequired == b.dbsRequired
            && a.dbs == b.dbs && a.review == b.review
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(references)
        hasher.combine(idSeen)
        hasher.combine(induction)
        hasher.combine(dbsRequired)
        hasher.combine(dbs)
        hasher.combine(review)
    }

    /// The earliest date anything in the record falls due.
    public var nextReview: CalendarDate? {
        [review, dbsRequired ? dbs?.review : nil].compactMap { $0 }.min()
    }

    /// What is still to do, in words, for the card and Today.
    public func outstanding(today: CalendarDate) -> [String] {
        var out: [String] = []
        if references.count < Self.referencesRequired {
            out.append("\(Self.referencesRequired - references.count) reference\(Self.referencesRequired - references.count == 1 ? "" : "s") to take up")
        }
        if idSeen == nil { out.append("ID not seen") }
        if induction == nil { out.append("induction not attended") }
        if dbsRequired && dbs == nil { out.append("DBS check missing") }
        if let r = nextReview, r < today { out.append("review was due \(r.iso)") }
        return out
    }

    /// Every step done: references, ID, induction and, where the role needs one, a DBS check.
    public var isComplete: Bool {
        references.count >= Self.referencesRequired && idSeen != nil && induction != nil && (!dbsRequired || dbs != nil)
    }

    /// The day the last required step was done, nil while a step is missing: the latest of the
    /// day the `referencesRequired`-th reference came in (in order of receipt, however they were
    /// entered), the ID seen, the induction and, where the role needs one, the DBS certificate's
    /// issue.
    public var completedOn: CalendarDate? {
        guard isComplete else { return nil }
        let received = references.map(\.received).sorted()
        let steps: [CalendarDate?] = [
            received.count >= Self.referencesRequired ? received[Self.referencesRequired - 1] : nil,
            idSeen, induction, dbsRequired ? dbs?.issued : nil,
        ]
        return steps.compactMap { $0 }.max()
    }

    /// Whether this vetting counted on `day` (see `VettingState.counts`).
    public func counts(on day: CalendarDate) -> Bool {
        VettingState.counts(completedOn: completedOn, nextReview: nextReview, on: day)
    }

    public func state(today: CalendarDate) -> VettingState {
        VettingState.of(complete: isComplete, nextReview: nextReview, today: today)
    }
}
