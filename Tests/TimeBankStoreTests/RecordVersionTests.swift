import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// Issue #16: two brokers editing the same offer, need or referral: the second save is refused
/// with the first broker's name and change, instead of silently overwriting it.
@Suite("Record versions")
struct RecordVersionTests {
    /// Alice (admin) and Bob (broker) on one file; an offer and a need of Ann's.
    static func twoBrokers() throws -> (Fixture, bob: Broker, offer: Offer, need: Need) {
        let f = try Fixture()
        let bob = try f.store.addBroker(username: "bob", displayName: "Bob Broker", role: .broker, by: f.admin)
        let category = try #require(try f.store.categories().first).id
        let offer = try f.store.addOffer(Offer(member: f.ann, categoryID: category, title: "Gardening", created: Fixture.today), by: f.admin)
        let need = try f.store.addNeed(Need(member: f.bob, categoryID: category, title: "Lift to the shops", created: Fixture.today), by: f.admin)
        return (f, bob, offer, need)
    }

    static func conflict(_ error: any Error) -> RecordConflict? {
        if case StoreError.recordChanged(let c) = error { return c }
        return nil
    }

    @Test("Two brokers edit one offer: the second save is refused naming the first and the change; the first's title stays")
    func offer() throws {
        let (f, bob, offer, _) = try Self.twoBrokers()
        var alices = offer, bobs = offer
        alices.title = "Garden help"
        bobs.description = "Weekends only"
        let saved = try f.store.updateOffer(alices, by: f.admin)
        #expect(saved.version == offer.version + 1)
        do {
            _ = try f.store.updateOffer(bobs, by: bob)
            Issue.record("Bob's save was accepted over Alice's")
        } catch {
            let c = try #require(Self.conflict(error), "\(error)")
            #expect(c.otherBroker == "Alice Admin")
            #expect(c.changes == ["title: “Gardening” → “Garden help”"])
            #expect(c.description.hasPrefix("Alice Admin saved offer \(offer.id) at "))
            #expect(c.description.hasSuffix("; your edits are kept, check them and save again."))
        }
        #expect(try f.store.offer(offer.id)?.title == "Garden help")
        // Bob starts again from what is saved now: his save goes through.
        var again = try #require(try f.store.offer(offer.id))
        again.description = "Weekends only"
        #expect(try f.store.updateOffer(again, by: bob).description == "Weekends only")
    }

    @Test("Two brokers edit one need: the same")
    func need() throws {
        let (f, bob, _, need) = try Self.twoBrokers()
        var alices = need, bobs = need
        alices.needsVettedHelper = true
        bobs.title = "A lift"
        _ = try f.store.updateNeed(alices, by: f.admin)
        #expect(performing: { try f.store.updateNeed(bobs, by: bob) }, throws: { Self.conflict($0)?.changes == ["needs a vetted helper: “false” → “true”"] })
        #expect(try f.store.need(need.id)?.title == "Lift to the shops")
    }

    @Test("A referral moved meanwhile by another broker is not moved again from what was shown")
    func referral() throws {
        let (f, bob, offer, need) = try Self.twoBrokers()
        let proposed = try f.store.propose(need: need.id, helper: f.ann, offer: offer.id, by: f.admin)
        let shown = proposed.version
        _ = try f.store.move(referral: proposed.id, to: .contacted, expecting: shown, by: f.admin)
        #expect(performing: { try f.store.move(referral: proposed.id, to: .declined, expecting: shown, by: bob) },
                throws: { Self.conflict($0)?.changes == ["status: “proposed” → “contacted”"] })
        #expect(try f.store.referralRow(proposed.id)?.referral.status == .contacted)
    }
}

extension RecordVersionTests {
    @Test("Two brokers edit one member's vetting: B's third reference does not wipe A's, B is told")
    func vetting() throws {
        let (f, bob, _, _) = try Self.twoBrokers()
        let today = Fixture.today
        let start = try f.store.vetting(member: f.ann)
        var alices = start, bobs = start
        alices.references = [VettingReference(referee: "Rev. Green", received: today)]
        bobs.references = [VettingReference(referee: "Dr White", received: today)]
        try f.store.saveVetting(member: f.ann, alices, by: f.admin)
        #expect(performing: { try f.store.saveVetting(member: f.ann, bobs, by: bob) },
                throws: { Self.conflict($0)?.otherBroker == "Alice Admin" && Self.conflict($0)?.changes.first?.hasPrefix("references:") == true })
        #expect(try f.store.vetting(member: f.ann).references.map(\.referee) == ["Rev. Green"])
    }
}
