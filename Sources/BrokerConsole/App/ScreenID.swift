/// The six top-level screens, on keys 1 to 6.
public enum ScreenID: Int, CaseIterable, Sendable {
    case today = 1, members, offersAndNeeds, match, recordHours, reports

    public var title: String {
        switch self {
        case .today: return "Today"
        case .members: return "Members"
        case .offersAndNeeds: return "Offers & needs"
        case .match: return "Match"
        case .recordHours: return "Record hours"
        case .reports: return "Reports"
        }
    }

    public var key: Character { Character(String(rawValue)) }
}
