import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// The Match screen at 80x24: ranked helpers with their reasons in words, proposing with one key.
@Suite struct MatchScreenTests {
    @Test func helpersShowTheirReasonsInWordsAt80Columns() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.openMatch(for: need.id)
        let ranked = try f.store.rankHelpers(forNeed: need.id, limit: 20, today: MatchFixture.today)
        let lines = f.lines
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
        #expect(try #require(f.line(containing: "Need \(need.id):")).contains(need.title.prefix(30)))
        // Each visible helper: a line with rank, score and name, then the reasons, wrapped and never cut mid-word.
        for (rank, r) in ranked.prefix(3).enumerated() {
            let head = try #require(lines.firstIndex { $0.contains("\(rank + 1). ") && $0.contains("\(r.name) (\(r.member))") })
            #expect(lines[head].contains(String(r.score)))
            let expected = r.reasons.joined(separator: " · ")
            let wrapped = HelperList.reasonLines(r, width: 78)
            let shown = lines[(head + 1)...(head + wrapped.count)].map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(shown == wrapped)
            if wrapped.count < HelperList.maxReasonLines { #expect(shown.joined(separator: " ") == expected) }
            #expect(r.reasons.contains("vetted"))
        }
        // The selection is visible without colour and holds the terminal cursor.
        let frame = f.frame
        let cursor = try #require(frame.cursor)
        #expect(frame.lines[cursor.row].hasPrefix(" ›  1."))
        #expect(frame[cursor.row, 2].style.reverse)
    }

    @Test func aVettedNeedNeverShowsAnUnvettedHelper() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.openMatch(for: need.id)
        // Every helper the screen shows, page by page: the number in brackets on each helper's line.
        var shown: [Int] = []
        for _ in 0..<12 {
            for line in f.lines.dropFirst(5) {
                guard let match = line.firstMatch(of: /^ [› ] *\d+\. +\d+  .*\((\d+)\)/), let n = Int(match.1) else { continue }
                if !shown.contains(n) { shown.append(n) }
            }
            f.press(.pageDown)
        }
        #expect(shown.count >= 2, "the screen shows helpers:\n\(f.screen)")
        for helper in shown {
            // The member's own vetting record, read as the domain reads it.
            #expect(try f.store.vetting(member: helper).state(today: MatchFixture.today) == .complete, "helper \(helper) is vetted")
        }
    }

    @Test func oneKeyProposesTheSelectedHelper() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.openMatch(for: need.id)
        let before = try f.store.referralRows(need: need.id).count
        f.press(.down)
        let second = try f.store.rankHelpers(forNeed: need.id, limit: 20, today: MatchFixture.today)[1]
        f.press(.ctrl("p"))
        #expect(f.message.hasPrefix("Done: Referral"))
        let made = try f.store.referralRows(need: need.id)
        #expect(made.count == before + 1)
        let referral = try #require(made.first)
        #expect(referral.referral.helper == second.member && referral.referral.status == .proposed && referral.referral.broker == "ann")
        #expect(f.line(containing: "\(second.name) (\(second.member))")?.contains("referral \(referral.id) proposed") == true)
        f.press(.function(3))
        #expect(f.message.contains("already has referral \(referral.id)"))
        #expect(try f.store.referralRows(need: need.id).count == before + 1)
    }

    @Test func enterOnAHelperOpensTheirCard() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.openMatch(for: need.id)
        let first = try f.store.rankHelpers(forNeed: need.id, limit: 1, today: MatchFixture.today)[0]
        f.press(.enter)
        #expect(f.app.current == .members)
        #expect(f.memberShown == first.member)
    }

    @Test func searchingNeedsNarrowsTheList() throws {
        let f = try MatchFixture()
        let need = try f.vettedNeed()
        f.press(.char("4"))
        #expect(f.line(containing: "Open needs (")?.contains("Enter ranks") == true)
        f.press(.char("/"))
        f.type(String(need.id))
        #expect(f.app.screens[.match]?.capturesText == true)
        #expect(f.line(containing: "  \(need.id) ") != nil)
        #expect(f.line(containing: "1 row") != nil)
    }
}
