import GRDB
import TimeBank

extension Store {
    /// Signs a member up together with what they offer, in one transaction: the member and
    /// every offer are saved, or (on any problem) nothing is. Each offer's `member` is ignored
    /// and set to the new number.
    public func signUp(_ m: Member, offers: [Offer], by broker: Broker) throws -> (member: Member, offers: [Offer]) {
        try authorize(.editMembers, by: broker)
        let problems = MemberValidation.problems(in: m)
        guard problems.isEmpty else { throw StoreError.invalidMember(problems) }
        for o in offers { try Store.validateListing(title: o.title, description: o.description) }
        return try write { db in
            let member = try Store.insertMember(db, m, by: broker.username)
            var saved: [Offer] = []
            for var o in offers {
                try Store.requireCategory(db, o.categoryID)
                o.member = member.number
                saved.append(try Store.insertOffer(db, o, by: broker.username))
            }
            return (member, saved)
        }
    }
}
