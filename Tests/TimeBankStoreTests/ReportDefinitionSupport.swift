import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// A small hand-built ledger for report definition tests: a real store on a temporary file,
/// no welcome credit (so the pot holds only what a test puts there), and a credit limit high
/// enough that no entry is refused.
final class ReportLedger: @unchecked Sendable {
    static let today = CalendarDate(year: 2026, month: 11, day: 20)!

    let temp = TempDatabase()
    let store: Store
    let broker: Broker

    init() throws {
        store = try Store(path: temp.path)
        broker = try store.signIn(username: "tester", displayName: "Test Broker")
        try store.updateSettings(Settings(creditLimitMinutes: 500 * 60, welcomeCreditMinutes: 0), by: broker)
    }

    /// A member who joined long before the periods tested, unless `joined` says otherwise.
    func member(_ name: String, kind: MemberKind = .person, area: String = "", cameThrough: CameThrough? = nil,
                named: Bool = false, joined: CalendarDate = CalendarDate(year: 2025, month: 1, day: 1)!,
                status: MemberStatus = .pending) throws -> Int {
        var m = Member(kind: kind, name: name, area: area, joined: joined, status: status,
                       consent: Consent(shareDetailsWithMatch: named), demographics: Demographics(cameThrough: cameThrough))
        if kind == .organisation { m.contactPerson = "Jo Contact" }   // an organisation must name one
        return try store.addMember(m, by: broker).number
    }

    /// An original entry; `giver` is credited, as everywhere in the ledger.
    @discardableResult
    func give(_ giver: AccountRef, _ receiver: AccountRef, _ minutes: Minutes, on date: CalendarDate, category: String? = nil,
              referral: Int? = nil) throws -> UUID {
        try store.record(ExchangeRequest(date: date, giver: giver, receiver: receiver, minutes: minutes, categoryCode: category,
                                         referral: referral), by: broker, acceptCreditLimit: true).exchange.id
    }

    @discardableResult
    func give(_ giver: Int, _ receiver: Int, _ minutes: Minutes, on date: CalendarDate, category: String? = nil,
              referral: Int? = nil) throws -> UUID {
        try give(.member(giver), .member(receiver), minutes, on: date, category: category, referral: referral)
    }

    /// Vetting complete for `member`: references on 5 and 6 January 2026, ID seen on the 7th, the
    /// induction (the last step) on `induction`, the review due on `review`.
    func vetted(_ member: Int, induction: CalendarDate = reportDay(1, 8), review: CalendarDate = reportDay(6, 1, 2027)) throws {
        let refs = [VettingReference(referee: "A", received: reportDay(1, 5)), VettingReference(referee: "B", received: reportDay(1, 6))]
        try store.saveVetting(member: member, Vetting(references: refs, idSeen: reportDay(1, 7), induction: induction, review: review),
                              by: broker)
    }

    /// A need of `member`'s opened on 1 April 2026 that asks for a vetted helper, with `helper`
    /// referred to it and agreed: the referral, for exchanges made on it.
    func agreedReferral(toVettedNeedOf member: Int, helper: Int) throws -> Int {
        let category = try #require(try store.categories().first).id
        let need = try store.addNeed(Need(member: member, categoryID: category, title: "Bathing", needsVettedHelper: true,
                                          created: reportDay(4, 1)), by: broker).id
        let referral = try store.proposeSomeoneElse(need: need, helper: helper, offer: nil, by: broker, today: reportDay(4, 1))
        _ = try store.move(referral: referral.id, to: .agreed, by: broker)
        return referral.id
    }

    func reverse(_ id: UUID, on date: CalendarDate) throws {
        _ = try store.reverse(id, reason: "entered in error", date: date, by: broker)
    }

    func report(_ period: ReportPeriod?) throws -> Report {
        try store.report(try #require(period), today: Self.today)
    }
}

/// A day of 2026 (or of `year`): shorter in tables of hand-worked entries.
func reportDay(_ month: Int, _ day: Int, _ year: Int = 2026) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

/// Each named headline figure has the hand-worked number (nil: the figure shows none, as a rate
/// with nothing to divide by). Numbers are compared to 1e-9 so a fraction may be written as one.
func expectFigures(_ figures: ReportFigures?, _ expected: KeyValuePairs<String, Double?>, _ label: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    guard let figures else {
        Issue.record("\(label): no figures", sourceLocation: sourceLocation)
        return
    }
    for (figure, want) in expected {
        guard let value = figures.value(figure) else {
            Issue.record("\(label): no figure \(figure)", sourceLocation: sourceLocation)
            continue
        }
        let got = value.number
        if let want {
            #expect(got.map { abs($0 - want) < 1e-9 } == true, "\(label) \(figure): \(String(describing: got)), expected \(want)",
                    sourceLocation: sourceLocation)
        } else {
            #expect(got == nil, "\(label) \(figure): \(String(describing: got)), expected none", sourceLocation: sourceLocation)
        }
    }
}
