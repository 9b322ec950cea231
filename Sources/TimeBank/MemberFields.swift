/// A member's fields as labelled text, in the order a broker reads them: used for the profile,
/// for showing what another broker changed, for the audit log and for subject-access exports.
extension Member {
    public var labelledFields: [(label: String, value: String)] {
        [
            ("Kind", kind.rawValue), ("Name", name), ("Preferred name", preferredName), ("Phone", phone), ("Email", email),
            ("Address", address), ("Postcode", postcode), ("Area", area), ("Joined", joined.iso), ("Status", status.rawValue),
            ("Status reason", statusReason), ("Emergency contact", emergencyContact), ("Contact person", contactPerson),
            ("Languages", languages), ("Availability", availability.text), ("Can travel", canTravel ? "yes" : "no"),
            ("Has transport", hasTransport ? "yes" : "no"), ("Accessibility needs", accessibilityNeeds),
            ("Contact by phone", consent.contactByPhone ? "yes" : "no"), ("Contact by email", consent.contactByEmail ? "yes" : "no"),
            ("Share details with match", consent.shareDetailsWithMatch ? "yes" : "no"), ("Photos", consent.photos ? "yes" : "no"),
            ("Age band", demographics.ageBand), ("Gender", demographics.gender), ("Ethnicity", demographics.ethnicity),
            ("Disability", demographics.disability), ("Came through", demographics.cameThrough?.label ?? ""),
            ("Do not match with", doNotMatch.map(String.init).joined(separator: ", ")),
        ]
    }

    /// The fields whose values differ between two versions of a member, as (label, before, after).
    public static func differences(from before: Member, to after: Member) -> [(label: String, before: String, after: String)] {
        zip(before.labelledFields, after.labelledFields).compactMap { b, a in
            b.value == a.value ? nil : (b.label, b.value, a.value)
        }
    }
}
