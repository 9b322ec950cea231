import GRDB
import TimeBank

/// A member row (`SELECT * FROM member`). The do-not-match list lives in its own table and is
/// filled in by `Store.member(_:_:)`.
extension Member: FetchableRecord {
    public init(row: Row) throws {
        func text(_ column: String) throws -> String { try row.stored(column, of: "member") }
        func flag(_ column: String) throws -> Bool { try row.stored(column, of: "member") }
        self.init(
            number: try row.stored("number", of: "member"), kind: try row.storedCase("kind", of: "member"), name: try text("name"),
            preferredName: try text("preferred_name"), phone: try text("phone"), email: try text("email"), address: try text("address"),
            postcode: try text("postcode"), area: try text("area"), joined: try row.storedDate("joined", of: "member"),
            status: try row.storedCase("status", of: "member"), statusReason: try text("status_reason"),
            emergencyContact: try text("emergency_contact"), contactPerson: try text("contact_person"), languages: try text("languages"),
            availability: Availability(rawValue: try row.stored("availability", of: "member")),
            canTravel: try flag("can_travel"), hasTransport: try flag("has_transport"), accessibilityNeeds: try text("accessibility_needs"),
            consent: Consent(contactByPhone: try flag("consent_phone"), contactByEmail: try flag("consent_email"),
                             shareDetailsWithMatch: try flag("consent_share"), photos: try flag("consent_photos")),
            demographics: Demographics(ageBand: try text("age_band"), gender: try text("gender"), ethnicity: try text("ethnicity"),
                                       disability: try text("disability"),
                                       cameThrough: try row.storedOptionalCase("came_through", of: "member")),
            version: try row.stored("version", of: "member"))
    }
}
