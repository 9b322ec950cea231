/// How a broker reaches a member from a list or panel: the phone or email the member agreed to be
/// contacted by, the preferred one first, so the broker can ring from where they are.
public struct MemberContact: Hashable, Sendable {
    public var phone: String
    public var email: String
    public var byPhone: Bool
    public var byEmail: Bool

    public init(phone: String, email: String, byPhone: Bool, byEmail: Bool) {
        self.phone = phone
        self.email = email
        self.byPhone = byPhone
        self.byEmail = byEmail
    }

    /// "tel 01452 123456 (prefers phone)", "email ann@example.org (prefers email)", or why not.
    public var line: String {
        let phone = phone.trimmingWhitespace(), email = email.trimmingWhitespace()
        switch (byPhone && !phone.isEmpty, byEmail && !email.isEmpty) {
        case (true, true): return "tel \(phone) (prefers phone) · \(email)"
        case (true, false): return "tel \(phone) (prefers phone)"
        case (false, true): return "email \(email) (prefers email)" + (phone.isEmpty ? "" : " · tel \(phone) not to be rung")
        case (false, false): return phone.isEmpty && email.isEmpty ? "no phone or email on file" : "not to be contacted directly: through the broker"
        }
    }
}
