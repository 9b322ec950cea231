import Testing
@testable import TimeBank

private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

/// SPEC: references, ID seen, induction, and a DBS check where required; `expired` is past its review date.
@Suite("Vetting state")
struct VettingTests {
    static let today = day(2026, 11, 28)
    static let refs = [VettingReference(referee: "A", received: day(2026, 1, 5)), VettingReference(referee: "B", received: day(2026, 1, 9))]
    static func complete(review: CalendarDate? = day(2027, 6, 1), dbsRequired: Bool = false, dbs: DBSCheck? = nil) -> Vetting {
        Vetting(references: refs, idSeen: day(2026, 1, 2), induction: day(2026, 1, 10), dbsRequired: dbsRequired, dbs: dbs, review: review)
    }

    @Test("Nothing done is missing, and says what is outstanding")
    func nothing() {
        let v = Vetting()
        #expect(v.state(today: Self.today) == .missing)
        #expect(v.outstanding(today: Self.today) == ["2 references to take up", "ID not seen", "induction not attended"])
    }

    @Test("Each missing piece alone keeps the record missing")
    func eachPieceMatters() {
        var v = Self.complete()
        #expect(v.state(today: Self.today) == .complete)
        #expect(v.outstanding(today: Self.today).isEmpty)
        var oneRef = v; oneRef.references.removeLast()
        #expect(oneRef.state(today: Self.today) == .missing)
        #expect(oneRef.outstanding(today: Self.today) == ["1 reference to take up"])
        var noID = v; noID.idSeen = nil
        #expect(noID.state(today: Self.today) == .missing)
        var noInduction = v; noInduction.induction = nil
        #expect(noInduction.state(today: Self.today) == .missing)
        v.dbsRequired = true
        #expect(v.state(today: Self.today) == .missing)
        #expect(v.outstanding(today: Self.today) == ["DBS check missing"])
    }

    @Test("A required DBS check completes the record, and its review date counts")
    func dbs() {
        let current = DBSCheck(level: "enhanced", certificateNumber: "001234567890", issued: day(2025, 1, 1), review: day(2027, 1, 1))
        #expect(Self.complete(dbsRequired: true, dbs: current).state(today: Self.today) == .complete)
        let old = DBSCheck(level: "enhanced", certificateNumber: "001234567890", issued: day(2023, 1, 1), review: day(2026, 1, 1))
        let v = Self.complete(dbsRequired: true, dbs: old)
        #expect(v.nextReview == day(2026, 1, 1))
        #expect(v.state(today: Self.today) == .expired)
        #expect(v.outstanding(today: Self.today) == ["review was due 2026-01-01"])
        // A DBS check held but not required does not make the record expire.
        #expect(Self.complete(dbsRequired: false, dbs: old).state(today: Self.today) == .complete)
    }

    @Test("Expired is past the review date; on the review date itself it is still complete")
    func reviewDate() {
        #expect(Self.complete(review: day(2026, 11, 27)).state(today: Self.today) == .expired)
        #expect(Self.complete(review: day(2026, 11, 28)).state(today: Self.today) == .complete)
        #expect(Self.complete(review: nil).state(today: Self.today) == .complete)
        // An incomplete record stays missing, whatever its dates.
        var v = Self.complete(review: day(2020, 1, 1)); v.idSeen = nil
        #expect(v.state(today: Self.today) == .missing)
    }

    @Test("The next review is the earlier of the record's and the DBS check's")
    func nextReview() {
        let dbs = DBSCheck(level: "basic", certificateNumber: "1", issued: day(2025, 1, 1), review: day(2027, 1, 1))
        #expect(Self.complete(review: day(2027, 6, 1), dbsRequired: true, dbs: dbs).nextReview == day(2027, 1, 1))
        #expect(Self.complete(review: day(2026, 12, 1), dbsRequired: true, dbs: dbs).nextReview == day(2026, 12, 1))
        #expect(Self.complete(review: nil).nextReview == nil)
    }
}
