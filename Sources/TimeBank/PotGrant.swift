/// Credits the community pot grants a member (the welcome credit) are not hours the member
/// gave: statements show them on their own lines and in their own total.
public enum PotGrant {
    /// The category the welcome credit is recorded under.
    public static let welcomeCategory = "welcome"

    /// Whether an entry seen from one account is a grant from the pot to that account: the pot
    /// is the partner and the entry is a welcome credit (or the reversal of one, which keeps its category).
    public static func isGrant(partner: AccountRef, categoryCode: String?) -> Bool {
        partner == .pot && categoryCode == welcomeCategory
    }

    /// How a grant reads on a statement.
    public static func wording(categoryCode: String?) -> String {
        categoryCode == welcomeCategory ? "Welcome credit from the community pot" : "Grant from the community pot"
    }
}
