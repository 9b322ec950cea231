/// The sections of a report, in the order printed; the names are the stable `section` column
/// of the csv/json contract and the words `--section` takes.
public enum ReportSection: String, CaseIterable, Sendable {
    case headline
    case coProduction = "co_production"
    case connections
    case referrals
    case recognition
    case safeguarding
    case byMonth = "by_month"
    case byCategory = "by_category"
    case byCategoryGroup = "by_category_group"
    case byArea = "by_area"
    case byMemberKind = "by_member_kind"
    case demographics

    public var title: String {
        switch self {
        case .headline: return "Headline"
        case .coProduction: return "Co-production"
        case .connections: return "Connections"
        case .referrals: return "Needs and referrals"
        case .recognition: return "Recognition"
        case .safeguarding: return "Safeguarding"
        case .byMonth: return "By month"
        case .byCategory: return "By category"
        case .byCategoryGroup: return "By category group"
        case .byArea: return "By area"
        case .byMemberKind: return "People and organisations"
        case .demographics: return "Active members"
        }
    }

    /// Sections that read more than the period's exchanges; the console draws them a moment later.
    public var isHeavy: Bool {
        switch self {
        case .connections, .recognition, .byArea, .demographics: return true
        default: return false
        }
    }
}

/// One line of the tidy table: a figure, and for a breakdown the group it counts.
public struct ReportRow: Hashable, Sendable {
    public var section: ReportSection
    public var figure: String
    public var breakdown: String
    public var value: ReportValue

    public init(_ section: ReportSection, _ figure: String, _ value: ReportValue, breakdown: String = "") {
        self.section = section
        self.figure = figure
        self.breakdown = breakdown
        self.value = value
    }

    public struct Key: Hashable, Sendable {
        public let section: ReportSection
        public let figure: String
        public let breakdown: String
    }

    public var key: Key { Key(section: section, figure: figure, breakdown: breakdown) }
}

/// Words for each figure, for the printed report and the console. The csv/json name is the key.
public enum ReportWording {
    public static func label(_ figure: String) -> String {
        labels[figure] ?? figure.replacingUnderscores
    }

    /// Short words for a figure beside a group's name in a breakdown ("Tuffley given").
    public static func short(_ figure: String) -> String {
        switch figure {
        case "minutes_exchanged": return "hours"
        case "exchanges": return "exchanges"
        case "active_members": return "members"
        case "minutes_given": return "given"
        case "minutes_received": return "received"
        default: return label(figure).lowercased()
        }
    }

    static let labels: [String: String] = [
        "exchanges": "Exchanges", "minutes_exchanged": "Hours exchanged", "active_members": "Active members",
        "givers": "Gave", "receivers": "Received", "gave_and_received": "Gave and received",
        "reciprocity_rate": "Reciprocity rate", "reciprocity_balance": "Reciprocity balance",
        "new_members": "New members", "left_members": "Members who left", "activation_rate": "Activation in 90 days",
        "median_days_to_first_exchange": "Median days to first exchange", "too_soon_to_tell": "New, too soon to tell",
        "retention_rate": "Retention", "connections": "Connections", "new_connections": "New connections",
        "repeat_pairs": "Repeat pairs", "median_partners": "Median partners per member",
        "minutes_given_by_came_through_service": "Given, came via a service",
        "minutes_received_by_came_through_service": "Received, came via a service",
        "active_came_through_service": "Active, came via a service",
        "organisation_minutes_given": "Given by organisations", "organisation_minutes_received": "Received by organisations",
        "people_helped_by_organisations": "People helped by organisations",
        "pot_granted_minutes": "Granted from the pot", "pot_donated_minutes": "Donated to the pot",
        "needs_opened": "Needs opened", "needs_met": "Needs met", "median_days_to_first_referral": "Median days to a referral",
        "median_days_to_done": "Median days to done", "referrals_declined": "Referrals declined",
        "referrals_cancelled": "Referrals cancelled", "needs_open_over_30_days": "Needs open over 30 days",
        "milestone_members": "Passed", "vetted_need_exchanges": "On needs for a vetted helper",
        "vetted_need_exchanges_helper_vetted": "... helper vetted that day",
        "vetting_reviews_overdue": "Vetting reviews overdue",
        "minutes_given": "Hours given", "minutes_received": "Hours received",
        "active_members_by_age_band": "Age band", "active_members_by_gender": "Gender",
        "active_members_by_ethnicity": "Ethnicity", "active_members_by_disability": "Disability",
        "active_members_by_came_through": "Came through",
    ]
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
