import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// One entry for a class or an event, turned by the domain into one exchange per participant.
struct GroupSlip: Equatable, Sendable {
    enum Kind: Int, CaseIterable, Sendable {
        /// A class: attendees each pay a share of the leader's time (the total split among them).
        case oneToMany
        /// An event: volunteers are each credited by an organisation or the pot.
        case manyToOne
        /// A class: each attendee received the same time; the leader is credited it once per attendee.
        /// Last, so ← from the first kind reaches it in one key and → the event, as before.
        case oneToManyEach

        var title: String {
            switch self {
            case .oneToMany: return "A class: total split among attendees"
            case .oneToManyEach: return "A class: the same time each"
            case .manyToOne: return "An event: volunteers credited"
            }
        }
        var isClass: Bool { self != .manyToOne }
        var leadLabel: String { isClass ? "Leader" : "Credited by" }
        var peopleLabel: String { isClass ? "Attendees" : "Volunteers" }
        var durationLabel: String {
            switch self {
            case .oneToMany: return "Leader's time"
            case .oneToManyEach: return "Each received"
            case .manyToOne: return "Each gave"
            }
        }

        /// Space or an arrow moves to the next kind.
        var next: Kind { Kind(rawValue: (rawValue + 1) % Kind.allCases.count) ?? .oneToMany }
        var previous: Kind { Kind(rawValue: (rawValue + Kind.allCases.count - 1) % Kind.allCases.count) ?? .oneToMany }
    }

    enum Field: Int, CaseIterable, Sendable {
        case kind, lead, people, duration, date, category, description
    }

    var kind: Kind = .oneToMany
    var lead = AccountPicker()
    /// Where participants are typed, one at a time; Enter adds the one found.
    var adder = AccountPicker()
    private(set) var people: [AccountChoice] = []
    var duration = TextFieldState(maxLength: 20, placeholder: "1:30, 1.5, 90m")
    var date = TextFieldState(maxLength: 20, placeholder: "today")
    var category = TextFieldState(maxLength: 60, placeholder: "optional")
    /// Every category the typed words fit, to choose from with the arrows.
    var categoryPicker = CategoryPicker()
    var description = TextFieldState(maxLength: 500, placeholder: "optional")
    var focus: Field = .kind
    var touched: Set<Field> = []
    /// The first participant shown; nil follows the newest added.
    var peopleScroll: Int?
    /// Ids for the entries, kept until a save succeeds so a second save records nothing more.
    private var ids: [UUID] = []

    var isDirty: Bool {
        !lead.isEmpty || !people.isEmpty || !adder.isEmpty || !duration.text.isEmpty || !category.text.isEmpty || !description.text.isEmpty
    }

    func cleared() -> GroupSlip {
        var next = GroupSlip()
        next.kind = kind
        next.date = date
        return next
    }

    /// Adds the participant the adder has found; says why not when it cannot.
    mutating func addPerson() -> String? {
        guard let choice = adder.chosen else { return adder.isEmpty ? nil : "Nobody matches '\(adder.text)'." }
        if people.contains(where: { $0.ref == choice.ref }) { return "\(choice.name) is already listed." }
        if choice.ref == lead.chosen?.ref { return "\(choice.name) is the \(kind.leadLabel.lowercased()); they cannot also take part." }
        if choice.status == .left { return "\(choice.name) has left the time bank." }
        people.append(choice)
        adder.clear()
        peopleScroll = nil
        return nil
    }

    mutating func removeLastPerson() {
        if !people.isEmpty { people.removeLast() }
        peopleScroll = nil
    }

    /// The participant list from the `first`th, wrapped: "6: 1002 Ann Lee, 1003 Bob Marsh, …".
    func peopleRows(from first: Int, width: Int) -> [String] {
        guard !people.isEmpty else { return ["nobody yet"] }
        let names = people[min(first, people.count - 1)...].map { "\($0.ref) \($0.name)" }.joined(separator: ", ")
        return TextWrap.wrap((first > 0 ? "… " : "\(people.count): ") + names, width: max(1, width))
    }

    /// What `height` rows show: from the participant scrolled to, or else the newest that fit.
    func visiblePeople(width: Int, height: Int) -> (rows: [String], first: Int) {
        var first = min(peopleScroll ?? 0, max(0, people.count - 1))
        if peopleScroll == nil {
            while first < people.count - 1, peopleRows(from: first, width: width).count > height { first += 1 }
        }
        return (Array(peopleRows(from: first, width: width).prefix(height)), first)
    }

    /// PgUp/PgDn: a few participants back or on.
    mutating func scrollPeople(by step: Int) {
        let from = peopleScroll ?? max(0, people.count - 1)
        peopleScroll = max(0, min(from + step, max(0, people.count - 1)))
    }

    mutating func refresh(store: Store) {
        lead.refresh(store: store)
        people = people.map { AccountChoice.load($0.ref, store: store) ?? $0 }
    }

    func problem(_ field: Field, _ c: SlipContext) -> String? {
        switch field {
        case .kind: return nil
        case .lead:
            if lead.isEmpty { return FormState.requiredMessage }
            guard let chosen = lead.chosen else { return "Nobody matches '\(lead.text)'." }
            return chosen.status == .left ? "\(chosen.name) has left the time bank." : nil
        case .people:
            if people.isEmpty { return "Add at least one: type a number or name, then Enter." }
            if !adder.isEmpty { return "'\(adder.text)' is typed but not added; Enter adds it." }
        case .duration:
            switch c.duration(duration.text) {
            case .failure(let why): return why.text
            case .success(let m) where kind == .oneToMany && !people.isEmpty && m < people.count:
                return "\(MinutesFormat.clock(m)) among \(people.count) is less than a minute each."
            case .success: break
            }
        case .date:
            if case .failure(let why) = c.date(date.text) { return why.text }
        case .category:
            if case .failure(let why) = c.category(category.text) { return why.text }
        case .description: break
        }
        return nil
    }

    func shownProblem(_ field: Field, _ c: SlipContext) -> String? { touched.contains(field) ? problem(field, c) : nil }

    func firstProblem(_ c: SlipContext) -> Field? { Field.allCases.first { problem($0, c) != nil } }

    /// Every entry the group stands for, with ids stable across repeated saves.
    mutating func requests(_ c: SlipContext) -> [ExchangeRequest]? {
        touched = Set(Field.allCases)
        guard firstProblem(c) == nil, let leader = lead.chosen,
              case .success(let minutes) = c.duration(duration.text), case .success(let day) = c.date(date.text),
              case .success(let match) = c.category(category.text) else { return nil }
        let text = description.text.trimmingCharacters(in: .whitespaces)
        let refs = people.map(\.ref)
        let built: [ExchangeRequest]?
        switch kind {
        case .oneToMany:
            built = try? GroupActivity.oneToMany(leader: leader.ref, attendees: refs, leaderMinutes: minutes, date: day,
                                                 categoryCode: match?.category.code, description: text)
        case .oneToManyEach:
            built = try? GroupActivity.oneToManyEach(leader: leader.ref, attendees: refs, minutesEach: minutes, date: day,
                                                     categoryCode: match?.category.code, description: text)
        case .manyToOne:
            built = try? GroupActivity.manyToOne(volunteers: refs, beneficiary: leader.ref, minutesEach: minutes, date: day,
                                                 categoryCode: match?.category.code, description: text)
        }
        guard var requests = built else { return nil }
        while ids.count < requests.count { ids.append(UUID()) }
        for i in requests.indices { requests[i].id = ids[i] }
        return requests
    }

    /// "Record 7 ledger entries, one per attendee and one for the remainder": the help says the same.
    static func entriesSentence(entries: Int, participants: Int, kind: Kind) -> String {
        let each = kind.isClass ? "attendee" : "volunteer"
        let remainder = entries > participants ? " and one for the remainder" : ""
        return "Record \(entries) ledger entr\(entries == 1 ? "y" : "ies"), one per \(each)\(remainder),"
    }

    /// Each account's change if the group were saved now, for the preview.
    func preview(_ c: SlipContext) -> (sides: [SlipPreview.Side], summary: String)? {
        guard let leader = lead.chosen, !people.isEmpty, case .success(let minutes) = c.duration(duration.text) else { return nil }
        let n = people.count
        switch kind {
        case .oneToMany:
            let share = minutes / n, remainder = minutes - share * n
            guard share > 0 else { return nil }
            var summary = "\(n) attendee\(n == 1 ? "" : "s") pay \(MinutesFormat.clock(share)) each"
            if remainder > 0, leader.ref != .pot { summary += "; the pot pays the remainder \(MinutesFormat.clock(remainder))" }
            let sides: [SlipPreview.Side] = [SlipPreview.Side(name: leader.name, change: minutes - (leader.ref == .pot ? remainder : 0),
                                          after: leader.balance + minutes - (leader.ref == .pot ? remainder : 0))]
                + people.map { SlipPreview.Side(name: $0.name, change: -share, after: $0.balance - share) }
            return (sides, summary)
        case .oneToManyEach:
            let total = minutes * n
            let summary = "\(leader.name) credited \(MinutesFormat.clock(total)): \(n) attendee\(n == 1 ? "" : "s") pay \(MinutesFormat.clock(minutes)) each"
            let sides: [SlipPreview.Side] = [SlipPreview.Side(name: leader.name, change: total, after: leader.balance + total)]
                + people.map { SlipPreview.Side(name: $0.name, change: -minutes, after: $0.balance - minutes) }
            return (sides, summary)
        case .manyToOne:
            let total = minutes * n
            let summary = "\(n) volunteer\(n == 1 ? "" : "s") credited \(MinutesFormat.clock(minutes)) each by \(leader.name)"
            let sides: [SlipPreview.Side] = [SlipPreview.Side(name: leader.name, change: -total, after: leader.balance - total)]
                + people.map { SlipPreview.Side(name: $0.name, change: minutes, after: $0.balance + minutes) }
            return (sides, summary)
        }
    }
}
