import Testing
@testable import TimeBank

private let joined = CalendarDate(year: 2026, month: 1, day: 5)!

private func fields(_ m: Member) -> [MemberField] { MemberValidation.problems(in: m).map(\.field) }

@Suite("Member validation")
struct MemberValidationTests {
    @Test("A plain member with every field well filled has no problems")
    func good() {
        let m = Member(name: "Zoë 王 O'Brien", preferredName: "Zoë", phone: "07700 900123", email: "zoe@example.org",
                       address: "1 High St", postcode: "GL1 2AB", area: "Barton", joined: joined)
        #expect(MemberValidation.problems(in: m).isEmpty)
    }

    @Test("A name is required", arguments: ["", "   ", "\t"])
    func nameRequired(name: String) {
        let problems = MemberValidation.problems(in: Member(name: name, joined: joined))
        #expect(problems.contains(FieldProblem(field: .name, message: "A name is required.")))
    }

    @Test("Names are limited to 200 characters")
    func nameLength() {
        #expect(fields(Member(name: String(repeating: "é", count: 200), joined: joined)).isEmpty)
        let long = MemberValidation.problems(in: Member(name: String(repeating: "a", count: 201), joined: joined))
        #expect(long == [FieldProblem(field: .name, message: "The name is longer than 200 characters.")])
        #expect(fields(Member(name: "Zoë", preferredName: String(repeating: "z", count: 201), joined: joined)) == [.preferredName])
    }

    @Test("Control characters in a name are refused", arguments: ["Zoë\u{07}", "Zo\u{1B}[31më", "Zoë\nBrown", "A\u{0}B", "A\u{7F}B", "A\u{85}B", "A\u{9B}2J"])
    func controlInName(name: String) {
        #expect(fields(Member(name: name, joined: joined)).contains(.name))
    }

    @Test("Control characters in a preferred name are refused too: it is what every screen shows")
    func controlInPreferredName() {
        #expect(fields(Member(name: "Zoë Brown", preferredName: "Zo\u{1B}[2Jë", joined: joined)).contains(.preferredName))
    }

    @Test("UK and international phone numbers", arguments: ["01452 123456", "07700 900123", "07700900123", "(01452) 123-456", "020 7946 0958", "+44 7700 900123", "+353 1 234 5678", ""])
    func goodPhones(phone: String) {
        #expect(MemberValidation.phoneProblem(phone) == nil)
    }

    @Test("Implausible phone numbers", arguments: ["12345", "0770090012345", "1234567890", "+44", "07700 90012a", "07700.900123", "call me", "0"])
    func badPhones(phone: String) {
        #expect(MemberValidation.phoneProblem(phone) != nil)
        #expect(fields(Member(name: "A", phone: phone, joined: joined)) == [.phone])
    }

    @Test("A plus sign is allowed only at the start, as the message says", arguments: ["07700+900123", "++447700900123", "07700 900123+"])
    func plusOnlyLeading(phone: String) {
        #expect(MemberValidation.phoneProblem(phone) != nil)
    }

    @Test("Email addresses", arguments: [("zoe@example.org", true), ("a.b+c@sub.example.co.uk", true), ("", true),
                                         ("zoe", false), ("zoe@", false), ("@example.org", false), ("zoe@example", false),
                                         ("zoe@@example.org", false), ("zoe @example.org", false), ("zoe@.org", false),
                                         ("zoe@example.org.", false), ("zoe@exa\u{7}mple.org", false)])
    func emails(email: String, ok: Bool) {
        #expect((MemberValidation.emailProblem(email) == nil) == ok)
    }

    @Test("UK postcodes of every outward-code shape", arguments: ["GL1 2AB", "SW1A 1AA", "gl12ab", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", " gl1 2ab "])
    func goodPostcodes(postcode: String) {
        #expect(MemberValidation.postcodeProblem(postcode) == nil)
    }

    @Test("Things that are not postcodes", arguments: ["GL1", "12345", "GL1 2A", "GLL1 2AB", "GL1 2ABC", "G1 AAB", "SW1A-1AA", "1GL 2AB", "GL1 2A1"])
    func badPostcodes(postcode: String) {
        let p = MemberValidation.postcodeProblem(postcode)
        #expect(p == "'\(postcode)' is not a UK postcode (for example GL1 2AB).")
    }

    @Test("Postcodes are normalised to upper case with one space before the inward code",
          arguments: [("gl12ab", "GL1 2AB"), ("GL1 2AB", "GL1 2AB"), (" sw1a1aa ", "SW1A 1AA"), ("gl1  2ab", "GL1 2AB"), ("m11ae", "M1 1AE"),
                      ("not one", "not one"), ("", "")])
    func normalised(input: String, expected: String) {
        #expect(MemberValidation.normalisedPostcode(input) == expected)
    }

    @Test("Organisations need a contact person; on-hold and left need a reason")
    func conditionalFields() {
        #expect(fields(Member(kind: .organisation, name: "St Mary's School", joined: joined)) == [.contactPerson])
        #expect(fields(Member(kind: .organisation, name: "St Mary's School", joined: joined, contactPerson: "Mrs Patel")).isEmpty)
        #expect(fields(Member(name: "A", joined: joined, status: .onHold)) == [.statusReason])
        #expect(fields(Member(name: "A", joined: joined, status: .left)) == [.statusReason])
        #expect(MemberValidation.problems(in: Member(name: "A", joined: joined, status: .left)).first?.message == "Say why the member is left.")
        #expect(fields(Member(name: "A", joined: joined, status: .left, statusReason: "Moved away")).isEmpty)
    }

    @Test("Long free-text fields have limits")
    func limits() {
        #expect(fields(Member(name: "A", address: String(repeating: "x", count: 201), joined: joined)) == [.address])
        #expect(fields(Member(name: "A", address: String(repeating: "x", count: 200), joined: joined)).isEmpty)
        #expect(fields(Member(name: "A", joined: joined, accessibilityNeeds: String(repeating: "x", count: 2001))) == [.accessibilityNeeds])
    }
}
