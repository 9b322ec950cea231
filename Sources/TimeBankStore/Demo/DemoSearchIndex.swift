import GRDB
import TimeBank

/// Fills `member_search` in one pass with the same folding as `MemberSearchIndex.reindex`,
/// which would re-read each member and their offers: too slow for a large demo.
enum DemoSearchIndex {
    static func write(_ members: [DemoMember], offers: [DemoListing], listings: DemoListings, db: Database,
                      progress: (Double) -> Void) throws {
        var words = [[String]](repeating: [], count: members.count)
        // Offers were written in plan order, so ascending ids: the order reindex reads them in.
        for o in offers where o.status != .closed {
            words[o.member].append(listings.offerTemplates[o.template].searchWords)
        }
        let insert = try db.makeStatement(sql: "INSERT INTO member_search (rowid, names, contact, offers) VALUES (?, ?, ?, ?)")
        for (i, d) in members.enumerated() {
            let m = d.member
            try insert.execute(arguments: [
                m.number, MemberSearchIndex.names(m.name, m.preferredName),
                MemberSearchIndex.contact(number: m.number, phone: m.phone, email: m.email, postcode: m.postcode),
                words[i].joined(separator: " "),
            ])
            if i % 5000 == 0 { progress(Double(i) / Double(members.count)) }
        }
    }
}
