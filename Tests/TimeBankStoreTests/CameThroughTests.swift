import GRDB
import Testing
import TimeBank
@testable import TimeBankStore

@Suite("How a member came to the time bank")
struct CameThroughTests {
    @Test func keptWithTheMemberAndListed() throws {
        let f = try Fixture()
        var m = Member(name: "Zoë 王 O'Brien", joined: day(2026, 3, 1))
        m.demographics.cameThrough = .gpOrSocialPrescriber
        let saved = try f.store.addMember(m, by: f.admin)
        #expect(try f.store.member(saved.number)?.demographics.cameThrough == .gpOrSocialPrescriber)
        var edited = try #require(try f.store.member(saved.number))
        edited.demographics.cameThrough = nil
        _ = try f.store.updateMember(edited, by: f.admin)
        #expect(try f.store.member(saved.number)?.demographics.cameThrough == nil)
        edited = try #require(try f.store.member(saved.number))
        edited.demographics.cameThrough = .housing
        _ = try f.store.updateMember(edited, by: f.admin)
        let listed = try f.store.members(MemberQuery(search: "O'Brien")).rows
        #expect(listed.map(\.cameThrough) == [.housing])
        #expect(Member.differences(from: saved, to: try #require(try f.store.member(saved.number))).contains {
            $0.label == "Came through" && $0.after == "Housing"
        })
    }

    @Test func theFileRefusesAnythingButTheCodes() throws {
        let f = try Fixture()
        let queue = try f.temp.rawQueue()
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE member SET came_through = 'doctor' WHERE number = ?", arguments: [f.ann]) }
        }
    }

    @Test func readFromWordsBrokersUse() {
        #expect(CameThrough(text: "GP or social prescriber") == .gpOrSocialPrescriber)
        #expect(CameThrough(text: "gp") == .gpOrSocialPrescriber)
        #expect(CameThrough(text: "council-or-social-services") == .councilOrSocialServices)
        #expect(CameThrough(text: "Self") == .selfReferred)
        #expect(CameThrough(text: "a neighbour") == nil)
        #expect(CameThrough.allCases.filter(\.isService) == [.gpOrSocialPrescriber, .councilOrSocialServices, .housing, .charityOrGroup])
    }
}
