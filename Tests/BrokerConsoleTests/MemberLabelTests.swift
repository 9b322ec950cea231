import Testing
import TerminalUI
@testable import BrokerConsole

@Suite("Member names in narrow cells")
struct MemberLabelTests {
    @Test("A long name gives way; the member number stays whole and the cell keeps its width")
    func theNumberStaysWhole() {
        let label = MemberLabel.nameAndNumber("Hyacinth Gillespie-Worthington", 100_231, width: 18)
        #expect(label.hasSuffix(" (100231)"))
        #expect(label.hasPrefix("Hyacint"))
        #expect(TextMeasure.width(label) <= 18)
        let wide = MemberLabel.nameAndNumber("陈美玲陈美玲陈美玲", 98_625, width: 18)
        #expect(wide.hasSuffix(" (98625)") && TextMeasure.width(wide) <= 18)
        #expect(MemberLabel.nameAndNumber("Ann Lee", 1001, width: 20) == "Ann Lee (1001)")
    }
}
