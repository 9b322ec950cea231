import GRDB
import TimeBank

/// Writes members and everything hanging off them with prepared statements: the per-member
/// helpers re-read the member after each insert and would take minutes at 100,000 members.
struct DemoMemberWriter {
    let db: Database
    let calendar: DemoCalendar
    let brokers: [String]

    static let memberColumns = [
        "number", "kind", "name", "preferred_name", "phone", "email", "address", "postcode", "area", "joined", "status",
        "status_reason", "emergency_contact", "contact_person", "languages", "availability", "can_travel", "has_transport",
        "accessibility_needs", "consent_phone", "consent_email", "consent_share", "consent_photos", "age_band", "gender",
        "ethnicity", "disability", "came_through", "version", "updated_at", "updated_by",
    ]

    private func iso(_ date: CalendarDate) -> String { calendar.iso(date.dayNumber) }

    func write(_ members: inout [DemoMember], notes: [String], rng: inout DemoRandom, progress: (Double) -> Void) throws {
        let cols = Self.memberColumns
        let insertMember = try db.makeStatement(sql: "INSERT INTO member (\(cols.joined(separator: ", "))) VALUES (\(cols.map { _ in "?" }.joined(separator: ", ")))")
        let insertVetting = try db.makeStatement(sql: """
            INSERT INTO vetting (member, id_seen, induction, dbs_required, dbs_level, dbs_certificate, dbs_issued, dbs_review, review, complete,
                                 next_review, completed_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertReference = try db.makeStatement(sql: "INSERT INTO vetting_reference (member, referee, received) VALUES (?, ?, ?)")
        let insertNote = try db.makeStatement(sql: "INSERT INTO member_note (member, at, broker, text) VALUES (?, ?, ?, ?)")
        for i in members.indices {
            let d = members[i]
            let m = d.member
            let lastChange = d.activeFrom.map { max($0, d.activeUntil == calendar.lastDay ? $0 : d.activeUntil) } ?? m.joined.dayNumber
            try insertMember.execute(arguments: [
                m.number, m.kind.rawValue, m.name, m.preferredName, m.phone, m.email, m.address, m.postcode, m.area, iso(m.joined),
                m.status.rawValue, m.statusReason, m.emergencyContact, m.contactPerson, m.languages, m.availability.rawValue,
                m.canTravel, m.hasTransport, m.accessibilityNeeds, m.consent.contactByPhone, m.consent.contactByEmail,
                m.consent.shareDetailsWithMatch, m.consent.photos, m.demographics.ageBand, m.demographics.gender,
                m.demographics.ethnicity, m.demographics.disability, m.demographics.cameThrough?.rawValue ?? "", 1, calendar.officeStamp(lastChange, &rng), rng.pick(brokers),
            ])
            let v = d.vetting
            let complete = v.state(today: CalendarDate(dayNumber: calendar.today)) != .missing
            try insertVetting.execute(arguments: [
                m.number, v.idSeen.map(iso), v.induction.map(iso), v.dbsRequired, v.dbs?.level, v.dbs?.certificateNumber,
                v.dbs.map { iso($0.issued) }, v.dbs.map { iso($0.review) }, v.review.map(iso), complete, v.nextReview.map(iso),
                v.completedOn.map(iso),
            ])
            for r in v.references {
                try insertReference.execute(arguments: [m.number, r.referee, iso(r.received)])
            }
            if rng.chance(0.25) {
                let joined = m.joined.dayNumber
                let days = (0..<rng.int(1...3)).map { _ in rng.int(joined...calendar.lastDay) }.sorted()
                for day in days {
                    try insertNote.execute(arguments: [m.number, calendar.officeStamp(day, &rng), rng.pick(brokers), rng.pick(notes)])
                }
            }
            if i % 2000 == 0 { progress(Double(i) / Double(members.count)) }
        }
        try writeDoNotMatch(&members, rng: &rng)
        let accounts = try Row.fetchAll(db, sql: "SELECT member, id FROM account WHERE kind = 'member'")
        var byNumber: [Int: Int64] = [:]
        byNumber.reserveCapacity(accounts.count)
        for row in accounts { byNumber[row["member"]] = row["id"] }
        for i in members.indices { members[i].account = byNumber[members[i].number]! }
    }

    /// A few people who must never be introduced to each other, usually neighbours.
    private func writeDoNotMatch(_ members: inout [DemoMember], rng: inout DemoRandom) throws {
        let people = members.indices.filter { members[$0].isPerson }
        guard people.count > 2 else { return }
        let insert = try db.makeStatement(sql: "INSERT OR IGNORE INTO do_not_match (member, other) VALUES (?, ?)")
        for _ in 0..<max(2, people.count / 200) {
            let a = rng.pick(people), b = rng.pick(people)
            guard a != b else { continue }
            let pairs = rng.chance(0.5) ? [(a, b), (b, a)] : [(a, b)]
            for (x, y) in pairs where !members[x].member.doNotMatch.contains(members[y].number) {
                members[x].member.doNotMatch.append(members[y].number)
                try insert.execute(arguments: [members[x].number, members[y].number])
            }
        }
    }
}
