import Testing
import TimeBank

@Suite("Report periods")
struct ReportPeriodTests {
    func d(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func parsed(_ text: String, fy: Int = 4) -> ReportPeriod? {
        if case .success(let p) = ReportPeriodParser.parse(text, financialYearStartMonth: fy) { return p }
        return nil
    }

    func problem(_ text: String) -> String? {
        if case .failure(let f) = ReportPeriodParser.parse(text) { return f.message }
        return nil
    }

    @Test func periodsNamedTheWayFundersNameThem() {
        #expect(parsed("2026-11").map { [$0.first, $0.last] } == [d("2026-11-01"), d("2026-11-30")])
        #expect(parsed("2024-02").map { $0.last } == d("2024-02-29"))
        #expect(parsed("2026-Q3").map { [$0.first, $0.last] } == [d("2026-07-01"), d("2026-09-30")])
        #expect(parsed("2026-q1").map { [$0.first, $0.last] } == [d("2026-01-01"), d("2026-03-31")])
        #expect(parsed("2026").map { [$0.first, $0.last] } == [d("2026-01-01"), d("2026-12-31")])
        #expect(parsed("FY2026").map { [$0.first, $0.last] } == [d("2026-04-01"), d("2027-03-31")])
        #expect(parsed("FY2026", fy: 9).map { [$0.first, $0.last] } == [d("2026-09-01"), d("2027-08-31")])
        #expect(parsed("FY2026", fy: 1).map { [$0.first, $0.last] } == [d("2026-01-01"), d("2026-12-31")])
        #expect(parsed("2026-01-05..2026-02-04").map { [$0.first, $0.last] } == [d("2026-01-05"), d("2026-02-04")])
    }

    @Test func badPeriodTextGetsOneSentence() {
        for bad in ["2026-13", "2026-00", "2026-Q5", "2026-Q0", "FY20x", "FY", "20x6", "", "  ", "2026-1", "November",
                    "2026-11-31", "٢٠٢٦", "2026-02-10..2026-01-01", "2026-11-01"] {
            let message = problem(bad)
            #expect(message != nil, "'\(bad)' was accepted")
            if let message {
                #expect(message.hasSuffix("."), "\(message)")
                #expect(!message.dropLast().contains(". "), "more than one sentence: \(message)")
            }
        }
        #expect(problem("2026-13") == "'2026-13' is not a month: months are 01 to 12, such as 2026-11.")
        #expect(problem("2026-Q5") == "'2026-Q5' is not a quarter: quarters are Q1 to Q4, such as 2026-Q3.")
        #expect(problem("FY20x") == "'FY20x' is not a financial year: write FY and four digits, such as FY2026.")
        if case .failure(let f) = ReportPeriodParser.range(from: "2026-05-01", to: "2026-04-01") {
            #expect(f.message == "The period's start 2026-05-01 is after its end 2026-04-01.")
        } else {
            Issue.record("--from after --to was accepted")
        }
    }

    @Test func previousPeriodHasTheSameLengthAndTheYearBeforeTheSameDates() {
        #expect(parsed("2026-01")?.previous?.code == "2025-12")
        #expect(parsed("2026-03")?.previous?.code == "2026-02")
        #expect(parsed("2026-Q1")?.previous?.code == "2025-Q4")
        #expect(parsed("2026")?.previous?.code == "2025")
        #expect(parsed("FY2026")?.previous.map { [$0.first, $0.last] } == [d("2025-04-01"), d("2026-03-31")])
        #expect(parsed("2026-Q3")?.yearBefore?.code == "2025-Q3")
        #expect(parsed("2026-11")?.next?.code == "2026-12")
        #expect(parsed("2026-12")?.next?.code == "2027-01")
        let range = parsed("2026-03-10..2026-03-19")
        #expect(range?.previous.map { [$0.first, $0.last] } == [d("2026-02-28"), d("2026-03-09")])
        #expect(range?.next.map { [$0.first, $0.last] } == [d("2026-03-20"), d("2026-03-29")])
        let leap = ReportPeriod.range(d("2024-02-29"), d("2024-03-01"))
        #expect(leap?.yearBefore.map { [$0.first, $0.last] } == [d("2023-02-28"), d("2023-03-01")])
    }

    @Test func thePeriodHoldingADate() {
        #expect(ReportPeriod.containing(d("2026-11-29"), kind: .quarter).code == "2026-Q4")
        #expect(ReportPeriod.containing(d("2026-02-10"), kind: .financialYear).code == "FY2025")
        #expect(ReportPeriod.containing(d("2026-04-01"), kind: .financialYear).code == "FY2026")
        #expect(ReportPeriod.containing(d("2026-11-29"), kind: .month).monthKeys == ["2026-11"])
        #expect(parsed("FY2026")?.monthKeys.first == "2026-04")
        #expect(parsed("FY2026")?.monthKeys.count == 12)
    }
}

@Suite("Report values")
struct ReportValueTests {
    @Test func countsOfOneToFourPeopleAreSuppressedAndHoursAreNot() {
        #expect(ReportValue.people(0).data == "0")
        #expect((1...4).allSatisfy { ReportValue.people($0).data == "<5" && ReportValue.people($0).printed == "<5" })
        #expect(ReportValue.people(5).data == "5")
        #expect(ReportValue.minutes(3).data == "3")
        #expect(ReportValue.count(2).data == "2")
    }

    @Test func formatsOfTheContract() {
        #expect(ReportValue.minutes(75_030).printed == "1,250:30")
        #expect(ReportValue.rate(0.32031).data == "0.3203")
        #expect(ReportValue.rate(nil).data == "")
        #expect(ReportValue.rate(2.0 / 3).printed == "67%")
        #expect(ReportValue.days(12.5).data == "12.5")
        #expect(ReportValue.minutes(90).change(from: .minutes(120)) == "-0:30")
        #expect(ReportValue.count(1200).change(from: .count(100)) == "+1,100")
    }

    @Test func reciprocityFromTheDefinition() {
        // Ann gives Bob 60 and Bob gives Ann 30: both gave and received. Cat only receives 30 from Ann.
        let p = ReportPeriod.month(2026, 5)!
        let day = CalendarDate(year: 2026, month: 5, day: 3)!
        var facts = ReportFacts(period: p)
        facts.exchanges = [
            ReportExchange(date: day, giver: 1, receiver: 2, minutes: 60, category: "a"),
            ReportExchange(date: day, giver: 2, receiver: 1, minutes: 30, category: "a"),
            ReportExchange(date: day, giver: 1, receiver: 3, minutes: 30, category: "a"),
            // Reversed within the month: Dee does not count as active; the hours net to zero.
            ReportExchange(date: day, giver: 4, receiver: 1, minutes: 45, category: "a", reversedOn: day.adding(days: 2)),
            ReportExchange(date: day.adding(days: 2), giver: 4, receiver: 1, minutes: -45, category: "a", isReversal: true),
        ]
        var people = ReportPeople()
        for n in 1...4 {
            people.append(number: n, kind: .person, cameThrough: "", area: "", ageBand: "", gender: "", ethnicity: "", disability: "",
                          mayBeNamed: false)
        }
        people.finish()
        let tally = ReportTally(facts: facts, people: people, today: CalendarDate(year: 2026, month: 11, day: 1)!)
        let f = ReportFigures.compute(tally, people: people)
        #expect(f.value("exchanges") == .count(3))
        #expect(f.value("minutes_exchanged") == .minutes(120))
        #expect(f.value("active_members") == .count(3))
        #expect(f.value("gave_and_received") == .count(2))
        #expect(f.value("reciprocity_rate") == .rate(2.0 / 3))
        // Ann: |90 − 30| / 120 = 0.5; Bob: |30 − 60| / 90 = 1/3; Cat: 1.
        let balance = 1 - (0.5 + 1.0 / 3 + 1) / 3
        #expect(f.value("reciprocity_balance")?.number.map { abs($0 - balance) < 1e-12 } == true)
        #expect(f.value("connections") == .count(2))
        #expect(f.value("median_partners") == .measure(1))
    }

    @Test func medianFromHowOftenEachValueOccurs() {
        // {1, 1, 2}: the middle is 1.
        #expect(ReportFigures.median(counts: [0, 2, 1]) == 1)
        // {1, 2}: between 1 and 2.
        #expect(ReportFigures.median(counts: [0, 1, 1]) == 1.5)
        // {0, 0, 0, 3, 3}: the middle is 0.
        #expect(ReportFigures.median(counts: [3, 0, 0, 2]) == 0)
        #expect(ReportFigures.median(counts: []) == nil)
        #expect(ReportFigures.median(counts: [0, 0]) == nil)
    }
}
