import Testing
import TimeBank

@Suite("Vetting review date when completed")
struct VettingReviewTests {
    let today = CalendarDate(year: 2026, month: 3, day: 15)!

    func complete(review: CalendarDate? = nil) -> Vetting {
        Vetting(references: [VettingReference(referee: "Jo", received: today), VettingReference(referee: "Al", received: today)],
                idSeen: today, induction: today, review: review)
    }

    @Test func completeWithoutAReviewDateIsReviewedTheSettingsYearsAhead() {
        #expect(complete().reviewDefaulted(today: today, years: 3).review == CalendarDate(year: 2029, month: 3, day: 15))
        #expect(complete().reviewDefaulted(today: today, years: 1).review == CalendarDate(year: 2027, month: 3, day: 15))
    }

    @Test func aTypedReviewDateStands() {
        let typed = CalendarDate(year: 2026, month: 9, day: 1)!
        #expect(complete(review: typed).reviewDefaulted(today: today, years: 3).review == typed)
    }

    @Test func anIncompleteRecordGetsNoReviewDate() {
        var v = complete()
        v.induction = nil
        #expect(v.reviewDefaulted(today: today, years: 3).review == nil)
    }

    @Test func theTwentyNinthOfFebruaryBecomesTheTwentyEighthInACommonYear() {
        let leap = CalendarDate(year: 2028, month: 2, day: 29)!
        #expect(leap.adding(years: 3) == CalendarDate(year: 2031, month: 2, day: 28))
        #expect(leap.adding(years: 4) == CalendarDate(year: 2032, month: 2, day: 29))
    }
}
