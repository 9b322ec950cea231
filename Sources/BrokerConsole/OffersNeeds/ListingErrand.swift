import TimeBank
import TimeBankStore

/// A new offer or need the broker came here to add for one member from their card (`o`, `w`):
/// the member is filled in, and Esc goes back to the card.
struct ListingErrand: Equatable, Sendable {
    var member: Int
    var memberName: String
}

extension OffersNeedsScreen {
    mutating func startErrand(offer: Bool, member: Int, _ context: ConsoleContext) {
        guard !hasUnsavedInput else { return }  // never throw typing away behind the broker's back
        let name = ((try? context.store.member(member)) ?? nil)?.name ?? "member \(member)"
        errand = ListingErrand(member: member, memberName: name)
        memberFilter = member
        categoryFilter = nil
        fitting = nil
        tab = offer ? .offers : .needs
        reload(context)
        var form = ListingForm(kind: offer ? .offer : .need, member: member, category: nil)
        form.heading = "New \(offer ? "offer" : "need") for \(name) (\(member)) · Esc back to the card"
        editor = .listing(form)
    }
}
