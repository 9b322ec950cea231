import Testing
@testable import TimeBank

private func day(_ m: Int, _ d: Int, _ y: Int = 2026) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

/// Issue #13 (safeguarding): a helper counts as vetted on a day of service only when the vetting
/// was complete on that day. It was completed on the day its last required step was done: the
/// second reference received, the ID seen, the induction, and a required DBS certificate issued.
@Suite("Vetting completed on")
struct VettingCompletedOnTests {
    static func refs(_ a: CalendarDate, _ b: CalendarDate) -> [VettingReference] {
        [VettingReference(referee: "A", received: a), VettingReference(referee: "B", received: b)]
    }
    static func dbs(issued: CalendarDate) -> DBSCheck {
        DBSCheck(level: "enhanced", certificateNumber: "001234567890", issued: issued, review: day(1, 1, 2029))
    }

    @Test("Whichever step came last is the day the vetting was completed")
    func eachStepLastInTurn() {
        // Second reference last.
        #expect(Vetting(references: Self.refs(day(1, 5), day(3, 9)), idSeen: day(1, 2), induction: day(2, 10)).completedOn == day(3, 9))
        // ID last.
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(4, 2), induction: day(2, 10)).completedOn == day(4, 2))
        // Induction last.
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: day(6, 1)).completedOn == day(6, 1))
        // A required DBS certificate issued last.
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: day(2, 10),
                        dbsRequired: true, dbs: Self.dbs(issued: day(7, 20))).completedOn == day(7, 20))
    }

    @Test("References entered out of order: the second one received completes them, not the second one entered")
    func referencesOutOfOrder() {
        let refs = [VettingReference(referee: "Late", received: day(5, 30)), VettingReference(referee: "Early", received: day(1, 5)),
                    VettingReference(referee: "Middle", received: day(3, 3))]
        #expect(Vetting(references: refs, idSeen: day(1, 2), induction: day(2, 10)).completedOn == day(3, 3))
        let two = [VettingReference(referee: "Late", received: day(5, 30)), VettingReference(referee: "Early", received: day(1, 5))]
        #expect(Vetting(references: two, idSeen: day(1, 2), induction: day(2, 10)).completedOn == day(5, 30))
    }

    @Test("A DBS check held but not required does not date the completion")
    func dbsNotRequired() {
        let v = Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: day(2, 10),
                        dbsRequired: false, dbs: Self.dbs(issued: day(9, 1)))
        #expect(v.completedOn == day(2, 10))
    }

    @Test("Vetting not complete has no completion day")
    func incompleteIsNil() {
        #expect(Vetting().completedOn == nil)
        #expect(Vetting(references: [VettingReference(referee: "A", received: day(1, 5))], idSeen: day(1, 2), induction: day(2, 10)).completedOn == nil)
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: nil, induction: day(2, 10)).completedOn == nil)
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: nil).completedOn == nil)
        #expect(Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: day(2, 10), dbsRequired: true).completedOn == nil)
    }

    @Test("Vetting counts on a day from its completion to its next review, both included")
    func countsOnADay() {
        let v = Vetting(references: Self.refs(day(1, 5), day(1, 9)), idSeen: day(1, 2), induction: day(6, 1), review: day(6, 1, 2027))
        #expect(!v.counts(on: day(5, 31)))
        #expect(v.counts(on: day(6, 1)))
        #expect(v.counts(on: day(6, 1, 2027)))
        #expect(!v.counts(on: day(6, 2, 2027)))
        #expect(!Vetting().counts(on: day(6, 1)))
        // Today's state is unchanged: complete, whatever the day it was completed.
        #expect(v.state(today: day(5, 31)) == .complete)
    }
}
