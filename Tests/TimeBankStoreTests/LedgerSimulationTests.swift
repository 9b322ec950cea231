import Foundation
import Testing
import TimeBank
@testable import TimeBankStore

/// A small, fast, seeded generator so every run of a seed replays the same operations.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The ledger as the rules say it should be, kept in Swift alongside the store.
struct LedgerModel {
    struct Entry { var request: ExchangeRequest; var reverses: UUID?; var reversedBy: UUID? }
    var given: [AccountRef: Int] = [:]
    var received: [AccountRef: Int] = [:]
    var entries: [UUID: Entry] = [:]
    var order: [UUID] = []
    var closed: Set<String> = []
    var left: Set<Int> = []
    var members: Set<Int> = []
    var creditLimit = 0

    func balance(_ a: AccountRef) -> Int { given[a, default: 0] - received[a, default: 0] }

    /// Every error the rules allow for this new request; empty means it must be recorded.
    func problems(_ r: ExchangeRequest, acceptCredit: Bool) -> (errors: [StoreError], credit: Int?) {
        var out: [StoreError] = []
        if r.minutes <= 0 { out.append(.ledger(.durationNotPositive)) }
        if r.minutes > 1440 { out.append(.ledger(.durationTooLong(r.minutes))) }
        if r.giver == r.receiver { out.append(.ledger(.sameAccount)) }
        if closed.contains(r.date.monthKey) {
            let last = closed.max()!
            let y = Int(last.prefix(4))!, m = Int(last.suffix(2))!
            let open = m == 12 ? day(y + 1, 1, 1) : day(y, m + 1, 1)
            out.append(.ledger(.closedMonth(month: r.date.monthKey, openFrom: open.iso)))
        }
        for side in [r.giver, r.receiver] {
            guard case .member(let n) = side else { continue }
            if !members.contains(n) { out.append(.ledger(.unknownAccount(String(n)))) }
            if left.contains(n) { out.append(.ledger(.accountNotActive(String(n)))) }
        }
        if out.isEmpty, !acceptCredit, r.receiver != .pot, balance(r.receiver) - r.minutes < -creditLimit {
            return ([], balance(r.receiver) - r.minutes)
        }
        return (out, nil)
    }

    mutating func apply(_ r: ExchangeRequest, reverses: UUID?) {
        entries[r.id] = Entry(request: r, reverses: reverses, reversedBy: nil)
        order.append(r.id)
        if let o = reverses {
            entries[o]!.reversedBy = r.id
            given[r.receiver, default: 0] -= r.minutes
            received[r.giver, default: 0] -= r.minutes
        } else {
            given[r.giver, default: 0] += r.minutes
            received[r.receiver, default: 0] += r.minutes
        }
    }
}

/// TigerBeetle-style simulation: random operations, valid and invalid, against the store and a model;
/// after every step the ledger's invariants are checked.
@Suite("Ledger simulation")
struct LedgerSimulationTests {
    @Test("Random records, retries, reversals and month closings keep every invariant",
          arguments: [1 as UInt64, 2, 3, 20261128])
    func simulate(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let f = try Fixture(creditLimit: 180, welcomeCredit: 0)
        var model = LedgerModel()
        model.creditLimit = 180
        var people = [f.ann, f.bob, f.cat]
        for name in ["Dee Dixon", "Eli Evans", "Fay Fox"] {
            people.append(try f.store.addMember(Member(name: name, joined: day(Fixture.lastYear, 1, 1)), by: f.admin).number)
        }
        model.members = Set(people)
        // One member has left before the simulation starts.
        var gone = try #require(try f.store.member(people.last!))
        gone.status = .left; gone.statusReason = "Moved away"
        _ = try f.store.updateMember(gone, by: f.admin)
        model.left = [gone.number]

        let accounts: [AccountRef] = [.pot] + people.map { .member($0) }
        let steps = 300
        var accepted: [ExchangeRequest] = []
        var reversals: [(original: UUID, reversal: UUID, date: CalendarDate)] = []
        var counts: [String: Int] = [:]

        func randomAccount() -> AccountRef {
            Int.random(in: 0..<40, using: &rng) == 0 ? .member(9000 + Int.random(in: 0..<5, using: &rng)) : accounts.randomElement(using: &rng)!
        }
        func randomMinutes() -> Int {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: return [0, -1, -60, 1441, 2000, Int.random(in: 1441...10_000, using: &rng)].randomElement(using: &rng)!
            case 1: return [1, 1440].randomElement(using: &rng)!
            default: return Int.random(in: 1...240, using: &rng)
            }
        }
        func randomDate() -> CalendarDate {
            day(Fixture.lastYear, Int.random(in: 1...12, using: &rng), Int.random(in: 1...28, using: &rng))
        }

        for step in 0..<steps {
            let before = try f.snapshot()
            var changed = false
            let roll = Int.random(in: 0..<100, using: &rng)

            if step == steps / 3 || step == 2 * steps / 3 {
                // Close a month part-way (the earlier months first, then one further on).
                let month = step == steps / 3 ? 3 : 7
                for m in (month - 2)...month {
                    let key = String(format: "%04d-%02d", Fixture.lastYear, m)
                    if model.closed.contains(key) {
                        #expect(throws: StoreError.invalid("\(key) is already closed.")) { try f.store.closeMonth(key, by: f.admin) }
                    } else {
                        try f.store.closeMonth(key, by: f.admin)
                        model.closed.insert(key)
                        changed = true
                    }
                }
                counts["close", default: 0] += 1
            } else if roll < 55 {
                // A new record.
                let r = ExchangeRequest(date: randomDate(), giver: randomAccount(), receiver: randomAccount(), minutes: randomMinutes())
                let accept = Bool.random(using: &rng)
                let expected = model.problems(r, acceptCredit: accept)
                do {
                    let outcome = try f.store.record(r, by: f.admin, acceptCreditLimit: accept)
                    #expect(expected.errors.isEmpty && expected.credit == nil, "step \(step): recorded \(r) although \(expected)")
                    guard case .recorded(let e) = outcome else { Issue.record("step \(step): a new id was not recorded"); continue }
                    #expect(e.giver == r.giver && e.receiver == r.receiver && e.minutes == r.minutes && e.date == r.date && e.reverses == nil)
                    model.apply(r, reverses: nil)
                    accepted.append(r)
                    changed = true
                    counts["recorded", default: 0] += 1
                } catch let error as StoreError {
                    if case .creditLimit(let w) = error {
                        #expect(expected.credit == w.balanceAfter, "step \(step): credit warning \(w) for \(r), model \(expected)")
                        #expect(w.limit == 180 && w.account == r.receiver)
                        counts["credit", default: 0] += 1
                    } else {
                        #expect(expected.errors.contains(error), "step \(step): \(error) for \(r); model expected \(expected)")
                        counts["refused", default: 0] += 1
                    }
                }
            } else if roll < 68, let original = accepted.randomElement(using: &rng) {
                // A retry: the same submission again records nothing; the same id for something else is an error.
                if Bool.random(using: &rng) {
                    let outcome = try f.store.record(original, by: f.admin, acceptCreditLimit: Bool.random(using: &rng))
                    guard case .alreadyRecorded(let e) = outcome else { Issue.record("step \(step): retry recorded twice"); continue }
                    #expect(e.id == original.id && e.minutes == original.minutes)
                    counts["retry", default: 0] += 1
                } else {
                    var other = original
                    other.minutes = original.minutes == 1440 ? 1 : original.minutes + 1
                    #expect(throws: StoreError.ledger(.idReusedForDifferentExchange(original.id)), "step \(step)") {
                        try f.store.record(other, by: f.admin, acceptCreditLimit: true)
                    }
                    counts["reuse", default: 0] += 1
                }
            } else if roll < 95, !model.order.isEmpty {
                // A reversal of any earlier entry (original or reversal), a resubmitted reversal, or of nothing.
                let choice = Int.random(in: 0..<10, using: &rng)
                let date = Bool.random(using: &rng) ? randomDate() : Fixture.today
                if choice == 0 {
                    let ghost = UUID()
                    #expect(throws: StoreError.ledger(.noSuchExchange(ghost.uuidString.lowercased()))) {
                        try f.store.reverse(ghost, reason: "ghost", date: date, by: f.admin)
                    }
                } else if choice == 1, let done = reversals.randomElement(using: &rng) {
                    // A true retry repeats the reason too: another reason under the same id is refused (#16).
                    let again = try f.store.reverse(done.original, reason: "simulated mistake", date: done.date, by: f.admin, reversalID: done.reversal)
                    #expect(again.id == done.reversal && again.reverses == done.original, "step \(step)")
                    counts["reverse-retry", default: 0] += 1
                } else {
                    let target = model.order.randomElement(using: &rng)!
                    let entry = model.entries[target]!
                    let rid = UUID()
                    do {
                        let r = try f.store.reverse(target, reason: "simulated mistake", date: date, by: f.admin, reversalID: rid)
                        #expect(entry.reverses == nil && entry.reversedBy == nil && !model.closed.contains(date.monthKey),
                                "step \(step): reversed \(target) which the rules forbid")
                        #expect(r.giver == entry.request.receiver && r.receiver == entry.request.giver && r.minutes == entry.request.minutes)
                        #expect(r.reverses == target && r.date == date)
                        var mirror = entry.request
                        mirror = ExchangeRequest(id: rid, date: date, giver: mirror.receiver, receiver: mirror.giver, minutes: mirror.minutes)
                        model.apply(mirror, reverses: target)
                        reversals.append((target, rid, date))
                        changed = true
                        counts["reversed", default: 0] += 1
                    } catch let error as StoreError {
                        var allowed: [StoreError] = []
                        if entry.reverses != nil { allowed.append(.ledger(.reversingAReversal(target))) }
                        if entry.reversedBy != nil { allowed.append(.ledger(.alreadyReversed(target))) }
                        if date < entry.request.date {
                            allowed.append(.ledger(.refused("A reversal cannot be dated \(date.iso), before the exchange it corrects (\(entry.request.date.iso)); date it on or after that day.")))
                        }
                        var probe = model
                        probe.left = []
                        allowed += probe.problems(ExchangeRequest(id: rid, date: date, giver: entry.request.receiver, receiver: entry.request.giver,
                                                                  minutes: entry.request.minutes), acceptCredit: true).errors
                        #expect(allowed.contains(error), "step \(step): \(error) reversing \(target); allowed \(allowed)")
                        counts["reverse-refused", default: 0] += 1
                    }
                }
            } else {
                // Reads in between writes change nothing.
                _ = try f.store.statement(for: accounts.randomElement(using: &rng)!)
            }

            // Invariants after every step.
            let balances = try f.store.balances()
            #expect(balances.map(\.balanceMinutes).reduce(0, +) == 0, "step \(step): balances do not sum to zero")
            for b in balances {
                #expect(b.givenMinutes == model.given[b.account, default: 0] && b.receivedMinutes == model.received[b.account, default: 0],
                        "step \(step): \(b.account) is \(b.givenMinutes)/\(b.receivedMinutes), model \(model.given[b.account, default: 0])/\(model.received[b.account, default: 0])")
            }
            #expect(try f.store.exchangeCount() == model.order.count)
            if !changed {
                #expect(try f.snapshot() == before, "step \(step): a refused or repeated operation changed the file")
            }
        }
        #expect(try f.store.check() == [])
        // Every kind of operation actually happened, or the test proves little.
        for kind in ["recorded", "refused", "credit", "retry", "reuse", "reversed", "reverse-refused", "reverse-retry", "close"] {
            #expect(counts[kind, default: 0] > 0, "seed \(seed) never exercised \(kind): \(counts)")
        }
        // Statements agree with balances for every account.
        for a in accounts {
            let s = try f.store.statement(for: a)
            let b = try f.store.balance(a)
            #expect((s.givenMinutes, s.receivedMinutes, s.closingBalance) == (b.givenMinutes, b.receivedMinutes, b.balanceMinutes))
        }
    }
}
