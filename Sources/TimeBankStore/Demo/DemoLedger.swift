import GRDB
import TimeBank
import TimeBankResources

/// A year of ledger history ending yesterday: help between members, welcome credits,
/// donations to the pot, classes and events, and the odd correction. Events are planned
/// first, then played in date order so each choice can look at the balances of that day.
struct DemoLedger {
    enum Kind: UInt8 {
        case welcome, help, referral, donation, group, reversal
    }

    struct Event {
        var day: Int
        var kind: Kind
        /// The member (welcome, help, donation), the referral index, the group-activity
        /// template, or the planned index of the entry to reverse.
        var subject: Int
        var minutes: Int = 0
        var area: Int = 0
    }

    /// The original entry, kept only for entries that a later event reverses.
    struct Recorded {
        var id: String
        var giver: Int
        var receiver: Int
        var minutes: Int
        var category: String?
        var description: String
        var referral: Int64?
    }

    let members: [DemoMember]
    let offersOf: [[Int]]
    let offers: [DemoListing]
    let listings: DemoListings
    let lists: DemoWordLists
    let calendar: DemoCalendar
    let settings: Settings
    let referralExchanges: [DemoReferralExchange]
    let activity: DemoActivity

    static let durations = [20, 30, 45, 60, 75, 90, 120, 150, 180]
    static let durationWeights = [2, 10, 8, 30, 4, 16, 16, 6, 8]
    static let reversalReasons = ["entered twice", "wrong member chosen", "wrong duration, re-entered", "the visit did not take place"]

    init(members: [DemoMember], offers: [DemoListing], listings: DemoListings, lists: DemoWordLists, calendar: DemoCalendar,
         settings: Settings, referralExchanges: [DemoReferralExchange], activity: DemoActivity) {
        self.members = members
        self.offers = offers
        self.listings = listings
        self.lists = lists
        self.calendar = calendar
        self.settings = settings
        self.referralExchanges = referralExchanges
        self.activity = activity
        var offersOf = [[Int]](repeating: [], count: members.count)
        for (i, o) in offers.enumerated() { offersOf[o.member].append(i) }
        self.offersOf = offersOf
    }

    func duration(_ rng: inout DemoRandom) -> Int { Self.durations[rng.weighted(Self.durationWeights)] }

    func plan(rng: inout DemoRandom) -> [Event] {
        let first = calendar.today - calendar.historyDays, last = calendar.lastDay
        var events: [Event] = []
        events.reserveCapacity(members.count * (activity.helpsPerYear.upperBound + 1))
        for (i, m) in members.enumerated() {
            guard let from = m.activeFrom else { continue }
            if settings.welcomeCreditMinutes > 0 {
                events.append(Event(day: from, kind: .welcome, subject: i, minutes: settings.welcomeCreditMinutes))
            }
            let start = max(from, first), end = min(m.activeUntil, last)
            guard m.isPerson, start <= end, !offersOf[i].isEmpty else { continue }
            // A few times a year (four to eight in a demo) each active member helps someone.
            let expected = Double(rng.int(activity.helpsPerYear)) * Double(end - start + 1) / 365
            var count = Int(expected)
            if rng.unit() < expected - Double(count) { count += 1 }
            for _ in 0..<count {
                events.append(Event(day: rng.int(start...end), kind: .help, subject: i, minutes: duration(&rng)))
            }
            if rng.chance(activity.donationChance) {
                events.append(Event(day: rng.int(start...end), kind: .donation, subject: i, minutes: 30 * rng.int(2...10)))
            }
        }
        for (r, x) in referralExchanges.enumerated() {
            events.append(Event(day: x.day, kind: .referral, subject: r, minutes: duration(&rng)))
        }
        if !lists.groupActivities.isEmpty {
            let active = members.reduce(0) { $0 + ($1.activeFrom == nil ? 0 : 1) }
            for _ in 0..<max(3, active / activity.membersPerGroupActivity) * (calendar.historyDays / 365) {
                events.append(Event(day: rng.int(first...last), kind: .group, subject: rng.below(lists.groupActivities.count),
                                    area: rng.below(lists.areas.count)))
            }
        }
        // A few mistakes, put right within the week.
        let planned = events.count
        for e in 0..<planned where (events[e].kind == .help || events[e].kind == .referral) && rng.chance(activity.reversalChance) {
            let day = events[e].day + rng.int(1...7)
            if day <= last { events.append(Event(day: day, kind: .reversal, subject: e, minutes: rng.below(Self.reversalReasons.count))) }
        }
        return events
    }

    /// Plays the events in date order; welcome credits come first on their day, corrections last.
    func write(_ events: [Event], writer: inout DemoLedgerWriter, rng: inout DemoRandom,
               progress: (Double) -> Void) throws -> (groups: Int, entries: Int, reversals: Int) {
        let order = events.indices.sorted {
            let a = events[$0], b = events[$1]
            if a.day != b.day { return a.day < b.day }
            let pa = a.kind == .welcome ? 0 : a.kind == .reversal ? 2 : 1, pb = b.kind == .welcome ? 0 : b.kind == .reversal ? 2 : 1
            return pa != pb ? pa < pb : $0 < $1
        }
        let reversed = Set(events.filter { $0.kind == .reversal }.map(\.subject))
        var recorded: [Int: Recorded] = [:]
        let partners = DemoPartners(members: members, lists: lists, limit: settings.creditLimitMinutes)
        let codes = Set(listings.categories.map(\.code))
        var groups = 0
        for (step, e) in order.enumerated() {
            let ev = events[e]
            switch ev.kind {
            case .welcome:
                try writer.append(day: ev.day, giver: ev.subject, receiver: DemoLedgerWriter.pot, minutes: ev.minutes,
                                  category: "welcome", description: "Welcome credit", rng: &rng)
            case .help:
                let giver = ev.subject
                let offer = offers[rng.pick(offersOf[giver])]
                let t = listings.offerTemplates[offer.template]
                guard let receiver = partners.receiver(for: giver, day: ev.day, minutes: ev.minutes, writer: writer, rng: &rng) else { continue }
                let category = listings.categories[t.category].code
                let id = try writer.append(day: ev.day, giver: giver, receiver: receiver, minutes: ev.minutes, category: category,
                                           description: t.template.title, rng: &rng)
                if reversed.contains(e) {
                    recorded[e] = Recorded(id: id, giver: giver, receiver: receiver, minutes: ev.minutes, category: category,
                                           description: t.template.title, referral: nil)
                }
            case .referral:
                let x = referralExchanges[ev.subject]
                let category = listings.categories[x.category].code
                let id = try writer.append(day: ev.day, giver: x.helper, receiver: x.receiver, minutes: ev.minutes, category: category,
                                           description: x.description, referral: x.referral, rng: &rng)
                if reversed.contains(e) {
                    recorded[e] = Recorded(id: id, giver: x.helper, receiver: x.receiver, minutes: ev.minutes, category: category,
                                           description: x.description, referral: x.referral)
                }
            case .donation:
                // Only members with plenty in hand give some to the pot.
                guard writer.balance(ev.subject) >= ev.minutes + 5 * 60 else { continue }
                try writer.append(day: ev.day, giver: DemoLedgerWriter.pot, receiver: ev.subject, minutes: ev.minutes,
                                  category: "donation", description: "Gave hours to the community pot", rng: &rng)
            case .group:
                let entry = lists.groupActivities[ev.subject]
                let requests = try partners.groupActivity(entry, day: ev.day, area: ev.area, writer: writer, rng: &rng)
                guard !requests.isEmpty else { continue }
                let group = rng.uuid()
                let category = codes.contains(entry.code) ? entry.code : nil
                for q in requests {
                    try writer.append(day: ev.day, giver: DemoPartners.index(q.giver), receiver: DemoPartners.index(q.receiver),
                                      minutes: q.minutes, category: category, description: q.description, group: group, rng: &rng)
                }
                groups += 1
            case .reversal:
                guard let o = recorded[ev.subject] else { continue }
                let reason = Self.reversalReasons[ev.minutes]
                try writer.append(day: ev.day, giver: o.receiver, receiver: o.giver, minutes: o.minutes, category: o.category,
                                  description: "Reversal: " + reason, referral: o.referral, reverses: o.id, rng: &rng)
                if reason.hasPrefix("wrong duration"), members[o.giver].isActive(on: ev.day), members[o.receiver].isActive(on: ev.day) {
                    let minutes = o.minutes >= 60 ? o.minutes - 30 : o.minutes + 30
                    if writer.balance(o.receiver) - minutes >= -settings.creditLimitMinutes {
                        try writer.append(day: ev.day, giver: o.giver, receiver: o.receiver, minutes: minutes, category: o.category,
                                          description: o.description, referral: o.referral, rng: &rng)
                    }
                }
            }
            if step % 5000 == 0 { progress(Double(step) / Double(order.count)) }
        }
        return (groups, writer.entries, writer.reversals)
    }
}
