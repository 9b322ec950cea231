import TimeBank
import TimeBankStore

/// A member named on the command line: a number, `pot`, or a name (any part of it, accents,
/// case and apostrophes ignored as in the Members search: "zoe obrien") that fits one member.
/// A name that fits several is refused in one sentence naming a few, so the caller can choose.
func accountRef(_ text: String, option: String, in store: Store) throws -> AccountRef {
    if let ref = AccountRef(text) { return ref }
    let typed = text.trimmingCharacters(in: .whitespaces)
    let shown = String(typed.prefix(40))
    let words = SearchText.words(typed)
    guard !words.isEmpty else { throw CommandFailure.user("\(option) '\(shown)' is not a member number, a name or 'pot'.") }
    let limit = 6
    // The Record hours picker's search: names first, then phone, email or postcode.
    let found = try attempt { try store.accountMatches(typed, limit: limit) }
    if found.count == 1 { return .member(found[0].number) }
    // "ann lee" is Ann Lee even when Anna Leeson exists: a whole name typed in full decides.
    let whole = found.filter { SearchText.words($0.name) == words || SearchText.words($0.preferredName) == words }
    if whole.count == 1 { return .member(whole[0].number) }
    guard !found.isEmpty else {
        throw CommandFailure.user("\(option) '\(shown)' fits no member; 'timebank members --search' finds one by any part of the name.")
    }
    let listed = found.prefix(3).map { "\($0.number) \($0.name)" }.joined(separator: ", ")
    let more = found.count > 3 ? (found.count == limit ? " and more" : " and \(found.count - 3) more") : ""
    throw CommandFailure.user("\(option) '\(shown)' fits several members (\(listed)\(more)); give the number or more of the name.")
}
