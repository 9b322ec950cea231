import GRDB
import TimeBank

/// Help that a referral led to, to be recorded in the ledger on the day it was done.
struct DemoReferralExchange {
    var day: Int
    var helper: Int
    var receiver: Int
    var category: Int
    var description: String
    var referral: Int64
}

/// Introductions of helpers to needs, in every state a broker sees, each step dated and signed.
struct DemoReferrals {
    struct Plan {
        var need: Int
        var offer: Int
        var helper: Int
        var steps: [(status: ReferralStatus, day: Int)]
    }

    let calendar: DemoCalendar
    let brokers: [String]

    static let notes: [ReferralStatus: [String]] = [
        .proposed: ["Suggested on the phone", "Looks a good fit, same area", "Asked the helper by email", "Mentioned at the drop-in"],
        .contacted: ["Both happy to be put in touch", "Passed on phone numbers", "Helper will ring this week"],
        .agreed: ["Meeting Tuesday morning", "First visit arranged", "Agreed to try an hour a week"],
        .done: ["Went well; hours recorded", "Both pleased, will carry on", "Finished; thank-you card sent"],
        .declined: ["Helper too busy this month", "Member preferred someone else", "Too far to travel"],
        .cancelled: ["Need no longer there", "Member in hospital", "Family sorted it out"],
    ]

    /// Decides what happened to each need; sets the needs' status to match.
    func plan(_ members: [DemoMember], offers: [DemoListing], needs: inout [DemoListing], listings: DemoListings,
              rng: inout DemoRandom) -> [Plan] {
        var byCategory: [Int: [Int]] = [:]
        for (i, o) in offers.enumerated() where o.status != .closed && members[o.member].member.status == .active {
            byCategory[listings.offerTemplates[o.template].category, default: []].append(i)
        }
        let last = calendar.lastDay
        var plans: [Plan] = []
        for n in needs.indices {
            let need = needs[n], owner = members[need.member]
            guard owner.member.status == .active, let ownerFrom = owner.activeFrom else { continue }
            let template = listings.needTemplates[need.template]
            let outcome = rng.weighted([22, 8, 7, 7, 36, 8, 6])  // none, proposed, contacted, agreed, done, declined, cancelled
            guard outcome > 0, let candidates = byCategory[template.category] else {
                if rng.chance(0.15) { needs[n].status = .closed }
                continue
            }
            let vetted = listings.categories[template.category].suggestsVetting
            var chosen: (offer: Int, helper: Int, from: Int)?
            for _ in 0..<8 {
                let o = rng.pick(candidates), h = offers[o].member
                let helper = members[h]
                guard h != need.member, !helper.member.doNotMatch.contains(owner.number), !owner.member.doNotMatch.contains(helper.number),
                      !vetted || helper.vettedToday, let from = helper.activeFrom else { continue }
                let lo = max(need.created, from, ownerFrom)
                if lo <= last - 1 { chosen = (o, h, lo); break }
            }
            guard let chosen else { continue }
            let open = outcome <= 3
            let start = open ? max(chosen.from, last - rng.int(0...40)) : rng.int(chosen.from...max(chosen.from, last - 30))
            var path: [ReferralStatus] = [.proposed]
            switch outcome {
            case 1: break
            case 2: path.append(.contacted)
            case 3: path += rng.chance(0.7) ? [.contacted, .agreed] : [.agreed]
            case 4: path += rng.chance(0.7) ? [.contacted, .agreed, .done] : [.agreed, .done]
            case 5: path += rng.chance(0.5) ? [.contacted, .declined] : [.declined]
            default: path += [[.cancelled], [.contacted, .cancelled], [.contacted, .agreed, .cancelled]][rng.below(3)]
            }
            var steps: [(ReferralStatus, Int)] = []
            var day = start
            for (k, status) in path.enumerated() {
                if k > 0 {
                    switch status {
                    case .contacted: day += rng.int(1...4)
                    case .agreed: day += rng.int(1...7)
                    case .done: day += rng.int(3...21)
                    default: day += rng.int(1...10)
                    }
                }
                // History stops at yesterday: what would come later has not happened yet.
                if day > last { break }
                steps.append((status, day))
            }
            let final = steps.last!.0
            switch final {
            case .agreed: needs[n].status = .matched
            case .done: needs[n].status = rng.chance(0.4) ? .closed : .matched
            case .cancelled: needs[n].status = rng.chance(0.5) ? .closed : .open
            default: break
            }
            plans.append(Plan(need: n, offer: chosen.offer, helper: chosen.helper, steps: steps))
        }
        return plans
    }

    func write(_ plans: [Plan], members: [DemoMember], offers: [DemoListing], needs: [DemoListing], listings: DemoListings,
               db: Database, rng: inout DemoRandom) throws -> [DemoReferralExchange] {
        let insert = try db.makeStatement(sql: """
            INSERT INTO referral (need, offer, helper, status, created_at, updated_at, broker, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertStep = try db.makeStatement(sql: "INSERT INTO referral_step (referral, status, at, broker, note) VALUES (?, ?, ?, ?, ?)")
        var done: [DemoReferralExchange] = []
        for p in plans {
            let signed = p.steps.map { step in
                (step.status, calendar.officeStamp(step.day, &rng), rng.pick(brokers), rng.pick(Self.notes[step.status]!))
            }
            let first = signed.first!, last = signed.last!
            try insert.execute(arguments: [needs[p.need].id, offers[p.offer].id, members[p.helper].number, last.0.rawValue,
                                            first.1, last.1, last.2, last.3])
            let id = db.lastInsertedRowID
            for s in signed {
                try insertStep.execute(arguments: [id, s.0.rawValue, s.1, s.2, s.3])
            }
            if last.0 == .done {
                let t = listings.needTemplates[needs[p.need].template]
                done.append(DemoReferralExchange(day: p.steps.last!.day, helper: p.helper, receiver: needs[p.need].member,
                                                 category: t.category, description: t.template.title, referral: id))
            }
        }
        return done
    }
}
