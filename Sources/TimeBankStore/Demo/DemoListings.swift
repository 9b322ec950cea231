import GRDB
import TimeBank
import TimeBankResources

/// A category as the database has it (the admin may have edited the shipped taxonomy).
struct DemoCategory {
    var id: Int64
    var code: String
    var name: String
    var keywords: String
    var suggestsVetting: Bool
    var involvesTravel: Bool
}

/// An offer or a need template whose category exists in this database.
struct DemoTemplate {
    var template: ListingTemplate
    var category: Int
    /// The words the search index holds for an offer made from it, folded once rather than per member.
    var searchWords: String
}

/// One offer or need, planned; `id` is set once written.
struct DemoListing {
    var id: Int64 = 0
    var member: Int
    var template: Int
    var status: ListingStatus
    var created: Int
}

struct DemoListings {
    let categories: [DemoCategory]
    let offerTemplates: [DemoTemplate]
    let needTemplates: [DemoTemplate]
    let calendar: DemoCalendar

    init(_ db: Database, lists: DemoWordLists, calendar: DemoCalendar) throws {
        let categories = try Row.fetchAll(db, sql: "SELECT id, code, name, keywords, suggests_vetting, involves_travel FROM category WHERE active = 1 ORDER BY id").map {
            DemoCategory(id: $0["id"], code: $0["code"], name: $0["name"], keywords: $0["keywords"],
                         suggestsVetting: $0["suggests_vetting"], involvesTravel: $0["involves_travel"])
        }
        var index: [String: Int] = [:]
        for (i, c) in categories.enumerated() { index[c.code] = i }
        func templates(_ list: [ListingTemplate]) -> [DemoTemplate] {
            list.compactMap { t in
                guard let c = index[t.code] else { return nil }
                let cat = categories[c]
                // The same text, in the same order, as MemberSearchIndex.reindex builds per offer.
                let words = SearchText.fold(t.title + " " + t.description + " " + cat.name + " " + cat.keywords)
                return DemoTemplate(template: t, category: c, searchWords: words)
            }
        }
        self.categories = categories
        offerTemplates = templates(lists.offers)
        needTemplates = templates(lists.needs)
        self.calendar = calendar
    }

    /// Created in the past year, never before the member joined.
    private func created(_ m: DemoMember, _ rng: inout DemoRandom) -> Int {
        rng.int(max(m.member.joined.dayNumber, calendar.today - 365)...calendar.lastDay)
    }

    func planOffers(_ members: [DemoMember], rng: inout DemoRandom) -> [DemoListing] {
        guard !offerTemplates.isEmpty else { return [] }
        var out: [DemoListing] = []
        out.reserveCapacity(members.count * 2)
        for (i, m) in members.enumerated() where m.isPerson {
            let count: Int
            switch m.member.status {
            case .active: count = 1 + rng.weighted([45, 35, 20])
            case .pending: count = rng.weighted([30, 50, 20])
            case .onHold, .left: count = 1 + rng.weighted([60, 40])
            }
            for t in rng.distinct(count, below: offerTemplates.count) {
                let status: ListingStatus
                switch m.member.status {
                case .left: status = .closed
                case .onHold: status = rng.chance(0.6) ? .open : .closed
                case .pending: status = .open
                case .active: status = [.open, .matched, .closed][rng.weighted([88, 4, 8])]
                }
                out.append(DemoListing(member: i, template: t, status: status, created: created(m, &rng)))
            }
        }
        return out
    }

    /// Needs start open; the referral planner decides which got matched or closed.
    func planNeeds(_ members: [DemoMember], rng: inout DemoRandom) -> [DemoListing] {
        guard !needTemplates.isEmpty else { return [] }
        var out: [DemoListing] = []
        out.reserveCapacity(members.count)
        for (i, m) in members.enumerated() {
            let count = m.member.status == .pending ? rng.weighted([60, 40]) : rng.weighted([45, 40, 15])
            for t in rng.distinct(count, below: needTemplates.count) {
                out.append(DemoListing(member: i, template: t, status: m.member.status == .left ? .closed : .open, created: created(m, &rng)))
            }
        }
        return out
    }

    func writeOffers(_ offers: inout [DemoListing], _ members: [DemoMember], db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO offer (member, category, title, description, area, availability, status, created, review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for i in offers.indices {
            let o = offers[i], m = members[o.member], t = offerTemplates[o.template]
            try insert.execute(arguments: [
                m.number, categories[t.category].id, t.template.title, t.template.description, m.member.area,
                m.member.availability.rawValue, o.status.rawValue, calendar.iso(o.created), calendar.iso(o.created + 365),
            ])
            offers[i].id = db.lastInsertedRowID
        }
    }

    func writeNeeds(_ needs: inout [DemoListing], _ members: [DemoMember], db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO need (member, category, title, description, area, availability, needs_vetted_helper, requires_travel, status, created, review)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for i in needs.indices {
            let n = needs[i], m = members[n.member], t = needTemplates[n.template], c = categories[t.category]
            try insert.execute(arguments: [
                m.number, c.id, t.template.title, t.template.description, m.member.area, m.member.availability.rawValue,
                c.suggestsVetting, c.involvesTravel, n.status.rawValue, calendar.iso(n.created), calendar.iso(n.created + 90),
            ])
            needs[i].id = db.lastInsertedRowID
        }
    }
}
