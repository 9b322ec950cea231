import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole
@testable import TimeBankStore

@Suite("Member forms")
struct MembersFormTests {
    let fixture: MembersFixture

    init() throws {
        fixture = try MembersFixture()
    }

    func addForm() -> ConsoleDriver {
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.press(.char("+"))
        return d
    }

    func editForm(_ search: String, broker: Broker? = nil) -> ConsoleDriver {
        var d = ConsoleDriver(fixture, broker: broker)
        d.openMembers()
        d.type(search)
        d.press(.enter, .ctrl("e"))
        return d
    }

    /// Tabs to the field with this id (the form starts on its first field).
    func focus(_ d: inout ConsoleDriver, _ id: String) {
        for _ in 0..<40 where d.members.memberForm?.form.focusedField?.id != id { d.press(.tab) }
    }

    func fill(_ d: inout ConsoleDriver, _ id: String, _ text: String) {
        focus(&d, id)
        d.press(.ctrl("u"))
        d.type(text)
    }

    func line(_ d: ConsoleDriver, containing text: String) -> String {
        d.lines.first { $0.contains(text) } ?? ""
    }

    @Test func addFormMarksRequiredFieldsAndFitsThreePagesWithItsOffersStep() {
        var d = addForm()
        #expect(d.lines[2].contains("Add a member") && d.lines[2].contains("* required"))
        #expect(d.screen.contains("Full name *"))
        #expect(d.screen.contains("Date joined *"))
        #expect(d.screen.contains("Page 1 of 3"))
        #expect(d.lines[23].contains("Ctrl-S Save") && d.lines[23].contains("Esc Back"))
        #expect(d.lines[23].contains("F1 Help") && !d.lines[23].contains("q Quit"))
        d.press(.pageDown)
        #expect(d.screen.contains("Page 2 of 3"))
        #expect(d.screen.contains("Share details w/ match"))
        d.press(.pageDown)
        #expect(d.screen.contains("Page 3 of 3"))
        #expect(d.screen.contains("Offer 3 title"))
    }

    @Test func editFormHasEveryFieldInTwoPagesAt80x24() {
        let d = editForm("zoe")
        let form = d.members.memberForm!.form
        #expect(d.screen.contains("Page 1 of 2"))
        for id in ["status", "statusReason", "contactPerson", "emergencyContact", "availability", "consentPhotos", "ageBand", "doNotMatch"] {
            #expect(form[id] != nil, "\(id)")
        }
    }

    @Test func aBadPhoneIsNamedBesideTheFieldAsTheBrokerLeavesIt() {
        var d = addForm()
        fill(&d, "phone", "12345")
        #expect(!line(d, containing: "Phone").contains("!"))
        d.press(.tab)
        let phone = line(d, containing: "Phone")
        #expect(phone.contains("12345") && phone.contains("! '12345' is not a plausible"))
        #expect(d.lines[22].contains("Error: '12345' is not a plausible UK phone number"))
        // Correcting it clears the message.
        focus(&d, "phone")
        d.press(.ctrl("u"))
        d.type("01452 123456")
        d.press(.tab)
        #expect(!line(d, containing: "Phone").contains("!"))
    }

    @Test func badEmailAndPostcodeAndAvailabilityAreNamedBesideThem() {
        var d = addForm()
        fill(&d, "email", "zoe@")
        d.press(.tab)
        #expect(line(d, containing: "Email").contains("! 'zoe@' is not a plausib"))
        #expect(d.lines[22].contains("Error: 'zoe@' is not a plausible email address."))
        fill(&d, "postcode", "GLX")
        d.press(.tab)
        #expect(line(d, containing: "Postcode").contains("! 'GLX' is not a UK postcode"))
        fill(&d, "availability", "sometimes")
        d.press(.tab)
        #expect(line(d, containing: "Available").contains("! Write days"))
    }

    @Test func aNameOf200CharactersIsTypedSavedAndShownWithin80Columns() throws {
        var d = addForm()
        let long = "Zoë " + String(repeating: "Abcdefghi ", count: 18) + "Abcdef 王王O'Brien"
        #expect(long.count == 200)
        fill(&d, "name", long)
        let frame = d.frame
        let row = frame.lines.firstIndex { $0.contains("Full name *") }!
        #expect(frame.line(row).displayWidth <= 80)
        #expect(frame.cursor?.row == row)
        d.press(.tab)
        #expect(!line(d, containing: "Full name *").contains("!"))
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Added member"))
        for r in 0..<24 { #expect(d.frame.line(r).displayWidth <= 80) }
        #expect(d.lines[2].contains("Zoë Abcdefghi") && d.lines[2].contains("…"))
        #expect(d.screen.contains("王王O'Brien"))   // the profile wraps the whole name
        d.press(.escape)
        d.type("zoe abcdef")
        #expect(d.lines[3].hasSuffix("1 row"))
        #expect(d.lines[5].contains("Zoë Abcdefghi") && d.lines[5].contains("…"))
        for r in 0..<24 { #expect(d.frame.line(r).displayWidth <= 80) }
    }

    @Test func aNameOverTheLimitIsNamedBesideTheFieldAndNotSaved() throws {
        var d = addForm()
        fill(&d, "name", String(repeating: "Abcdefghij", count: 21))
        d.press(.tab)
        #expect(line(d, containing: "Full name *").contains("! The name is longer than"))
        #expect(d.lines[22].contains("Error: The name is longer than 200 characters."))
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Error: Not saved"))
        #expect(d.members.memberForm?.form.focusedField?.id == "name")
        #expect(try fixture.store.members(MemberQuery(search: "abcdefghij"), today: membersToday).total == 0)
    }

    @Test func aLongButValidNameFitsTheListAndTheCard() throws {
        let name = "Zoë " + String(repeating: "王", count: 50) + " Long"
        try fixture.add(Member(name: name, joined: membersToday))
        var d = ConsoleDriver(fixture)
        d.openMembers()
        d.type("long")
        for row in 0..<24 { #expect(d.frame.line(row).displayWidth <= 80) }
        #expect(d.screen.contains("…"))
        d.press(.enter)
        for row in 0..<24 { #expect(d.frame.line(row).displayWidth <= 80) }
        #expect(d.lines[2].contains("Zoë 王王"))
    }

    @Test func aMemberIsAddedFromTheKeyboardAndTheirCardOpens() throws {
        var d = addForm()
        fill(&d, "name", "Priya Shah")
        fill(&d, "phone", "07700 900456")
        fill(&d, "postcode", "gl1 3cd")
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Added member"))
        #expect(d.members.mode == .card)
        #expect(d.lines[2].contains("Priya Shah") && d.lines[2].contains("pending"))
        #expect(d.screen.contains("GL1 3CD"))
        let audit = try fixture.store.auditLog(entity: "member", limit: 1)
        #expect(audit.first?.action == "create" && audit.first?.broker == "ann")
    }

    @Test func anOrganisationNeedsAContactPerson() {
        var d = addForm()
        d.press(.backTab, .right) // back from Full name to the kind: organisation
        fill(&d, "name", "Tuffley Primary School")
        d.press(.ctrl("s"))
        #expect(line(d, containing: "Contact (organisation)").contains("! An organisation needs"))
        #expect(d.members.memberForm?.form.focusedField?.id == "contactPerson")
    }

    @Test func aDuplicateIsWarnedAboutAsItIsTypedAndConfirmedOnSave() throws {
        var d = addForm()
        fill(&d, "name", "zoe 王 obrien")
        fill(&d, "phone", "07700900123")
        d.press(.tab)
        #expect(d.lines[3].contains("Possible duplicate: \(fixture.number("Zoë 王 O'Brien")) Zoë 王 O'Brien"))
        d.press(.ctrl("s"))
        #expect(d.screen.contains("Add a new member anyway?"))
        d.press(.enter)           // "Go back" is the default
        #expect(d.members.mode == .memberForm)
        d.press(.ctrl("s"), .char("a"))
        #expect(d.lines[22].contains("Done: Added member"))
    }

    @Test func escOnADirtyFormAsksAndCleanFormCloses() {
        var d = addForm()
        d.press(.escape)
        #expect(d.members.mode == .list)
        d.press(.char("+"))
        fill(&d, "name", "Half typed")
        d.press(.escape)
        #expect(d.screen.contains("Discard?"))
        d.press(.escape)          // backs out of the question, keeping the form
        #expect(d.members.mode == .memberForm)
        #expect(d.members.hasUnsavedInput)
        d.press(.escape, .char("d"))
        #expect(d.members.mode == .list)
    }

    @Test func statusChangesNeedAReasonAndActivationNeedsVetting() throws {
        var d = editForm("zoe")
        focus(&d, "status")
        d.press(.right)           // active
        d.press(.tab)
        #expect(line(d, containing: "Status").contains("! Cannot be active until"))
        #expect(d.lines[22].contains("Cannot be active until vetting is complete: 2 references to take up"))
        focus(&d, "status")
        d.press(.right)           // on-hold
        d.press(.ctrl("s"))
        #expect(line(d, containing: "Reason for status").contains("! Say why the member is on"))
        fill(&d, "statusReason", "Moving house until May")
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Saved member"))
        let m = try #require(try fixture.store.member(fixture.number("Zoë 王 O'Brien")))
        #expect(m.status == .onHold && m.statusReason == "Moving house until May")
    }

    @Test func activationGrantsTheWelcomeCreditOnceVettingIsComplete() throws {
        let zoe = fixture.number("Zoë 王 O'Brien")
        try fixture.store.saveVetting(member: zoe, Vetting(
            references: [VettingReference(referee: "A", received: membersToday), VettingReference(referee: "B", received: membersToday)],
            idSeen: membersToday, induction: membersToday), by: fixture.ann)
        var d = editForm("zoe")
        focus(&d, "status")
        d.press(.right, .tab)
        #expect(!line(d, containing: "Status").contains("!"))
        d.press(.ctrl("s"))
        #expect(d.lines[22].contains("Done: Saved member"))
        #expect(d.lines[2].contains("active") && d.lines[2].contains("balance +2:00"))
    }

    @Test func theSecondSaveIsRefusedNamingTheOtherBrokerAndKeepsTheEdit() throws {
        var ann = editForm("zoe")
        var bob = editForm("zoe", broker: fixture.bob)
        fill(&bob, "phone", "07700 900777")
        fill(&bob, "area", "Kingsholm")
        bob.press(.ctrl("s"))
        #expect(bob.lines[22].contains("Done: Saved member"))

        fill(&ann, "email", "zoe.obrien@example.org")
        fill(&ann, "area", "Barton")
        ann.otherBrokerWrote()
        #expect(ann.lines[3].contains("Bob Broker saved this member just now"))
        ann.press(.ctrl("s"))
        #expect(ann.lines[22].contains("Error: Bob Broker saved this member"))
        #expect(ann.lines[3].contains("NOT SAVED: Bob Broker changed Phone → 07700 900777"))
        #expect(ann.members.mode == .memberForm)
        let form = ann.members.memberForm!.form
        #expect(form.value(of: "email") == "zoe.obrien@example.org")   // her edit is kept
        #expect(form.value(of: "area") == "Barton")                     // kept, theirs shown beside
        #expect(form.errors["area"] == "Bob Broker saved: Kingsholm")
        #expect(form.value(of: "phone") == "07700 900777")              // theirs, untouched by her
        #expect(form.errors["phone"] == "Updated by Bob Broker")
        var stored = try #require(try fixture.store.member(fixture.number("Zoë 王 O'Brien")))
        #expect(stored.email == "zoe@example.org" && stored.area == "Kingsholm")

        ann.press(.ctrl("s"))     // the deliberate second save
        #expect(ann.lines[22].contains("Done: Saved member"))
        stored = try #require(try fixture.store.member(fixture.number("Zoë 王 O'Brien")))
        #expect(stored.email == "zoe.obrien@example.org" && stored.area == "Barton" && stored.phone == "07700 900777")
    }

    @Test func viewersCannotOpenForms() throws {
        let viewer = try fixture.store.addBroker(username: "vic", displayName: "Vic Viewer", role: .viewer, by: fixture.ann)
        var d = ConsoleDriver(fixture, broker: viewer)
        d.openMembers()
        d.press(.char("+"))
        #expect(d.members.mode == .list)
        #expect(d.lines[22].contains("viewer"))
    }
}

@Suite("Members: signing someone up starts with their name")
struct MembersAddFocusTests {
    @Test func theAddFormOpensWithTheCursorInFullName() {
        let form = MemberFormState(adding: CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(form.form.focusedField?.id == "name")
    }
}
