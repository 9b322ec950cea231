import Testing
import TerminalUI
import TimeBank
@testable import BrokerConsole

@Suite("Member form: came through")
struct MemberCameThroughFormTests {
    @Test func theFormOffersEveryAnswerAndKeepsTheOneChosen() {
        var m = Member(name: "Zoë 王 O'Brien", joined: CalendarDate(year: 2026, month: 3, day: 1)!)
        m.demographics.cameThrough = .councilOrSocialServices
        let form = MemberFormFields.form(for: m, isNew: false)
        #expect(form.value(of: "cameThrough") == "Council or social services")
        let (back, errors) = MemberFormFields.member(from: form, base: m, today: CalendarDate(year: 2026, month: 11, day: 1)!)
        #expect(errors.isEmpty)
        #expect(back.demographics.cameThrough == .councilOrSocialServices)

        m.demographics.cameThrough = nil
        let unanswered = MemberFormFields.form(for: m, isNew: true)
        #expect(unanswered.value(of: "cameThrough") == "Not said")
        #expect(MemberFormFields.member(from: unanswered, base: m, today: m.joined).0.demographics.cameThrough == nil)
        #expect(MemberFormFields.cameThroughOptions == ["Not said", "Self", "Friend or family", "GP or social prescriber",
                                                         "Council or social services", "Housing", "Another charity or group", "Other"])
    }
}
