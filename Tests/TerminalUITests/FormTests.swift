import Testing
@testable import TerminalUI

@Suite("Forms")
struct FormTests {
    func memberForm() -> FormState {
        FormState(fields: [
            .text("name", label: "Name", required: true),
            .text("phone", label: "Phone", width: 12),
            .choice("status", label: "Status", options: ["pending", "active", "on-hold"]),
            .checkbox("transport", label: "Has transport"),
            .multiline("notes", label: "Notes", height: 2),
        ])
    }

    let area = Rect(row: 0, column: 0, width: 40, height: 8)

    func draw(_ form: FormState, in rect: Rect? = nil) -> Frame {
        let rect = rect ?? area
        var frame = Frame(width: rect.width, height: rect.height)
        FormView.render(form, into: &frame, at: rect, focused: true)
        return frame
    }

    @Test func labelsRequiredMarksAndInputs() {
        var form = memberForm()
        form.fields[0] = .text("name", label: "Name", text: "Ann Lee", required: true)
        let frame = draw(form)
        #expect(frame.lines == [
            "Name *        Ann Lee",
            "Phone",
            "Status        < pending >",
            "Has transport [ ]",
            "Notes",
            "",
            "",
            "",
        ])
        #expect(frame.cursor == Position(row: 0, column: 21))
        #expect(frame.style(row: 0, column: 0).bold)
    }

    @Test func tabAndShiftTabFollowTheFieldOrderAndWrap() {
        var form = memberForm()
        let order = (0..<5).map { _ -> FormOutcome in form.handle(.tab, in: area) }
        #expect(order == [
            .focusChanged(fieldID: "phone"), .focusChanged(fieldID: "status"),
            .focusChanged(fieldID: "transport"), .focusChanged(fieldID: "notes"),
            .focusChanged(fieldID: "name"),
        ])
        #expect(form.handle(.backTab, in: area) == .focusChanged(fieldID: "notes"))
    }

    @Test func downAndUpMoveBetweenFieldsButStayInsideANoteFirst() {
        var form = memberForm()
        form.focus("notes")
        _ = form.handle(.char("a"), in: area)
        _ = form.handle(.enter, in: area)
        _ = form.handle(.char("b"), in: area)
        #expect(form.value(of: "notes") == "a\nb")
        #expect(form.handle(.up, in: area) == .handled)
        #expect(form.handle(.up, in: area) == .focusChanged(fieldID: "transport"))
        #expect(form.handle(.up, in: area) == .focusChanged(fieldID: "status"))
    }

    @Test func choiceCyclesAndCheckboxToggles() {
        var form = memberForm()
        form.focus("status")
        #expect(form.handle(.right, in: area) == .edited(fieldID: "status"))
        #expect(form.value(of: "status") == "active")
        _ = form.handle(.char(" "), in: area)
        _ = form.handle(.char(" "), in: area)
        #expect(form.value(of: "status") == "pending")
        _ = form.handle(.left, in: area)
        #expect(form.value(of: "status") == "on-hold")
        form.focus("transport")
        _ = form.handle(.char(" "), in: area)
        #expect(form["transport"]?.isChecked == true)
        #expect(draw(form).lines[3] == "Has transport [x]")
    }

    @Test func enterMovesOnAndSubmitsFromTheLastField() {
        var form = FormState(fields: [.text("a", label: "A"), .text("b", label: "B")])
        #expect(form.handle(.enter, in: area) == .focusChanged(fieldID: "b"))
        #expect(form.handle(.enter, in: area) == .submitted)
    }

    @Test func missingRequiredFieldShowsAMessageBesideIt() {
        var form = memberForm()
        #expect(form.validateRequired() == false)
        form.errors["phone"] = "Digits only"
        let frame = draw(form)
        // A filling input gives way to its message; a fixed-width one keeps its width.
        #expect(frame.lines[0] == TextMeasure.pad("Name *", toWidth: 30) + "! Required")
        #expect(frame.lines[1] == TextMeasure.pad("Phone", toWidth: 27) + "! Digits only")
        #expect(frame.styleMask(row: 1) { $0.bold && $0.role == .error }.hasSuffix(String(repeating: "#", count: 13)))
    }

    @Test func editingAFieldClearsItsMessage() {
        var form = memberForm()
        form.validateRequired()
        #expect(form.handle(.char("A"), in: area) == .edited(fieldID: "name"))
        #expect(form.errors["name"] == nil)
        let nothingMissing = form.validateRequired()
        #expect(nothingMissing)
    }

    @Test func aFormTallerThanItsRectIsSplitIntoPages() {
        let small = Rect(row: 0, column: 0, width: 40, height: 4)
        var form = memberForm()
        let first = draw(form, in: small)
        #expect(first.lines == [
            "Name *        ",
            "Phone",
            "Status        < pending >",
            "Page 1 of 2 (PgUp/PgDn)",
        ].map { $0.trimmingTrailingSpaces })
        #expect(form.handle(.pageDown, in: small) == .focusChanged(fieldID: "transport"))
        let second = draw(form, in: small)
        #expect(second.lines == [
            "Has transport [ ]",
            "Notes",
            "",
            "Page 2 of 2 (PgUp/PgDn)",
        ])
        #expect(second.cursor == Position(row: 0, column: 15))
    }

    @Test func groupsGetAHeading() {
        let form = FormState(fields: [
            .text("name", label: "Name", group: "Contact"),
            .checkbox("dbs", label: "DBS seen", group: "Vetting"),
        ])
        let frame = draw(form, in: Rect(row: 0, column: 0, width: 30, height: 4))
        #expect(frame.lines == ["Contact", "Name", "Vetting", "DBS seen [ ]"])
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
