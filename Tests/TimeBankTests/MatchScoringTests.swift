import Testing
@testable import TimeBank

@Suite("Matching: each factor moves a helper up or down, and says why")
struct MatchScoringTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    static func need(vetted: Bool = false, travel: Bool = false, area: String = "Kingsholm",
                     availability: Availability = [.slot(day: 1, part: .morning)]) -> MatchNeed {
        MatchNeed(need: Need(id: 1, member: 100, categoryID: 7, title: "Weeding", area: area, availability: availability,
                             needsVettedHelper: vetted, requiresTravel: travel, created: today),
                  categoryName: "Gardening", categoryGroup: "Garden and outdoors", neighbouringAreas: ["Barton"])
    }

    /// A helper with nothing in their favour, so each test adds one thing.
    static func plain(_ member: Int = 200) -> MatchCandidate {
        MatchCandidate(member: member, name: "Helper \(member)", status: .active, area: "Elsewhere", availability: [],
                       canTravel: false, hasTransport: false, vetting: .missing, balanceMinutes: 0, recentGivenMinutes: MatchScoring.busyHelperMinutes,
                       pastExchangesWithMember: 0, offersNeedCategory: false, offersNeedGroup: false, bestOfferTitle: nil,
                       textRelevance: 0, doNotMatch: false)
    }

    func score(_ c: MatchCandidate, _ n: MatchNeed = need()) -> MatchResult { MatchScoring.score(c, for: n)! }

    @Test func anOfferInTheNeedsCategoryCountsMostAndIsNamed() {
        var c = Self.plain()
        c.offersNeedCategory = true
        #expect(score(c).score - score(Self.plain()).score == MatchScoring.Weight.sameCategory)
        #expect(score(c).reasons.first == "Gardening")
    }

    @Test func anOfferInTheSameGroupCountsLess() {
        var c = Self.plain()
        c.offersNeedGroup = true
        #expect(score(c).score - score(Self.plain()).score == MatchScoring.Weight.sameGroup)
        #expect(score(c).reasons.contains("also offers garden and outdoors"))
    }

    @Test func textRelevanceScalesWithTheBm25Share() {
        var strong = Self.plain(), weak = Self.plain()
        strong.textRelevance = 1; strong.bestOfferTitle = "Weeding and borders"
        weak.textRelevance = 0.25; weak.bestOfferTitle = "Lawns"
        #expect(score(strong).score > score(weak).score)
        #expect(score(weak).score > score(Self.plain()).score)
        #expect(score(strong).reasons.contains("offers “Weeding and borders”"))
    }

    @Test func sameAreaBeatsNeighbouringAreaBeatsFarAway() {
        var same = Self.plain(), next = Self.plain()
        same.area = "Kingsholm"
        next.area = "Barton"
        #expect(score(same).score > score(next).score)
        #expect(score(next).score > score(Self.plain()).score)
        #expect(score(same).reasons.contains("same area (Kingsholm)"))
        #expect(score(next).reasons.contains("next door (Barton)"))
    }

    @Test func availabilityOverlapCountsAndIsSpelledOut() {
        var free = Self.plain()
        free.availability = [.slot(day: 1, part: .morning), .slot(day: 4, part: .evening)]
        #expect(score(free).score - score(Self.plain()).score == MatchScoring.Weight.availability)
        #expect(score(free).reasons.contains("free Tue mornings"))
    }

    @Test func transportMattersOnlyWhenTheNeedRequiresTravel() {
        var driver = Self.plain()
        driver.hasTransport = true
        #expect(score(driver).score == score(Self.plain()).score)
        let travelling = Self.need(travel: true)
        #expect(score(driver, travelling).score - score(driver).score == MatchScoring.Weight.transport)
        #expect(score(driver, travelling).reasons.contains("has transport"))
        // Issue 12: a helper who cannot travel is never ranked for a need that needs travel.
        #expect(MatchScoring.score(Self.plain(), for: travelling) == nil)
        #expect(MatchScoring.exclusion(Self.plain(), for: travelling) == "cannot travel, and the need needs the helper to")
    }

    @Test func pastExchangesBetweenTheTwoCountUpToACap() {
        var one = Self.plain(), many = Self.plain()
        one.pastExchangesWithMember = 1
        many.pastExchangesWithMember = 10
        #expect(score(one).score - score(Self.plain()).score == MatchScoring.Weight.pastExchangeEach)
        #expect(score(many).score - score(Self.plain()).score == MatchScoring.Weight.pastExchangeMax)
        #expect(score(many).reasons.contains("10 past exchanges"))
    }

    @Test func fairSpreadFavoursWhoeverGaveFewerHoursLately() {
        var idle = Self.plain(), some = Self.plain()
        idle.recentGivenMinutes = 0
        some.recentGivenMinutes = MatchScoring.busyHelperMinutes / 2
        #expect(score(idle).score > score(some).score)
        #expect(score(some).score > score(Self.plain()).score)
        #expect(score(idle).reasons.contains("no hours given lately"))
    }

    @Test func aNegativeBalanceGetsANudgeToEarnBack() {
        var owing = Self.plain()
        owing.balanceMinutes = -90
        #expect(score(owing).score - score(Self.plain()).score == MatchScoring.Weight.earnBack)
        #expect(score(owing).reasons.contains("can earn back 1:30"))
    }

    @Test func rankingBreaksTiesByFewerRecentHoursThenNumber() {
        var a = Self.plain(300), b = Self.plain(200), c = Self.plain(150)
        a.recentGivenMinutes = 50 * 60; b.recentGivenMinutes = 50 * 60; c.recentGivenMinutes = 60 * 60
        let order = MatchScoring.rank([a, b, c], for: Self.need(), limit: 10).map(\.member)
        #expect(order == [200, 300, 150])
    }

    @Test func hardRulesExcludeWhateverTheScore() {
        var best = Self.plain()
        best.offersNeedCategory = true; best.area = "Kingsholm"; best.vetting = .complete
        var inNeed = best; inNeed.member = 100
        var onHold = best; onHold.status = .onHold
        var blocked = best; blocked.doNotMatch = true
        var expired = best; expired.vetting = .expired
        var missing = best; missing.vetting = .missing
        #expect(MatchScoring.score(inNeed, for: Self.need()) == nil)
        #expect(MatchScoring.score(onHold, for: Self.need()) == nil)
        #expect(MatchScoring.score(blocked, for: Self.need()) == nil)
        #expect(MatchScoring.score(expired, for: Self.need(vetted: true)) == nil)
        #expect(MatchScoring.score(missing, for: Self.need(vetted: true)) == nil)
        #expect(MatchScoring.score(expired, for: Self.need()) != nil)
        #expect(MatchScoring.score(best, for: Self.need(vetted: true)) != nil)
    }

    @Test("Property: over random helpers and needs, no ranked helper ever breaks a hard rule")
    func hardRulesHoldOverRandomData() {
        var rng = SplitMix(seed: 20261129)
        let statuses = MemberStatus.allCases, states = VettingState.allCases
        for round in 0..<300 {
            let n = Self.need(vetted: rng.next() % 2 == 0, travel: rng.next() % 2 == 0,
                              availability: Availability(rawValue: Int(rng.next() % 0x1F_FFFF)))
            let candidates = (0..<40).map { i -> MatchCandidate in
                var c = Self.plain(rng.next() % 7 == 0 ? 100 : 1000 + i)
                c.status = statuses[Int(rng.next() % UInt64(statuses.count))]
                c.vetting = states[Int(rng.next() % UInt64(states.count))]
                c.doNotMatch = rng.next() % 5 == 0
                c.offersNeedCategory = rng.next() % 2 == 0
                c.textRelevance = Double(rng.next() % 100) / 100
                c.area = ["Kingsholm", "Barton", "Matson"][Int(rng.next() % 3)]
                c.availability = Availability(rawValue: Int(rng.next() % 0x1F_FFFF))
                c.balanceMinutes = Int(rng.next() % 1200) - 600
                c.recentGivenMinutes = Int(rng.next() % 3000)
                c.canTravel = rng.next() % 3 == 0
                c.hasTransport = rng.next() % 3 == 0
                return c
            }
            let byMember = Dictionary(candidates.map { ($0.member, $0) }, uniquingKeysWith: { a, _ in a })
            let ranked = MatchScoring.rank(candidates, for: n, limit: 15)
            for r in ranked {
                let c = byMember[r.member]!
                #expect(c.status == .active, "round \(round)")
                #expect(c.member != n.need.member, "round \(round)")
                #expect(!c.doNotMatch, "round \(round)")
                #expect(!n.need.requiresTravel || c.canTravel || c.hasTransport, "round \(round)")
                if n.need.needsVettedHelper { #expect(c.vetting == .complete, "round \(round)") }
            }
            #expect(ranked.map(\.score) == ranked.map(\.score).sorted(by: >))
        }
    }
}


@Suite("Match reasons read as words")
struct MatchReasonWordingTests {
    @Test func groupNamesAreLowercasedMidSentenceButAcronymsKeepTheirCapitals() {
        #expect(MatchScoring.sentenceCase("Garden and outdoors") == "garden and outdoors")
        #expect(MatchScoring.sentenceCase("IT and digital help") == "IT and digital help")
    }
}
