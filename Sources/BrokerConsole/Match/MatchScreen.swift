import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 4: pick a need, see the helpers ranked with the reasons for each rank, propose one with
/// a single key, and move referrals on until the hours are recorded.
struct MatchScreen: ConsoleScreen {
    enum Mode: Equatable, Sendable { case needs, helpers, referrals }

    /// The rows the screen's lists get at 80x24 (the body is 20 rows); keys page by these.
    static let needsRect = Rect(row: 0, column: 0, width: 80, height: 19)
    static let helpersRect = Rect(row: 0, column: 0, width: 78, height: 17)

    let id = ScreenID.match
    var mode: Mode = .needs
    var needTable = TableState(filterPlaceholder: "words from the need, a member's name or number")
    var needs: [ListingRow] = []
    var needTotal = 0
    var need: ListingRow?
    var helpers = HelperList()
    var referralTable = TableState(filterPlaceholder: "")
    var referrals: [ReferralRow] = []
    /// Every referral the list stands for, though only the most recent 500 are listed.
    var referralTotal = 0
    var openReferralsOnly = true
    var panel: ReferralPanel?
    var categories: [TimeBank.Category] = []
    var today = CalendarDate.today()
    var problem: String?

    var bindings: [KeyBinding] { MatchAction.bindings(scope: scope) }

    var capturesText: Bool { panel != nil || (mode == .needs && needTable.isEditingFilter) }

    var hasUnsavedInput: Bool { !(panel?.note.text.isEmpty ?? true) }

    mutating func reload(_ context: ConsoleContext) {
        today = context.today()
        problem = nil
        do {
            categories = try context.store.categories(includeInactive: true)
            let found = try context.store.listings(ListingQuery(kind: .need, search: needTable.filterText, status: .open), limit: 500)
            needs = found.rows
            needTotal = found.total
            needTable.setRowCount(needs.count)
            if let current = need { try loadHelpers(for: current.id, context) }
            referrals = try context.store.referralRows(openOnly: openReferralsOnly)
            referralTotal = try context.store.referralCount(openOnly: openReferralsOnly)
            referralTable.setRowCount(referrals.count)
            if let open = panel { panel = ReferralPanel.load(open.row.id, store: context.store).map { fresh in
                var kept = fresh
                kept.note = open.note
                kept.choice = min(open.choice, max(0, fresh.options.count - 1))
                return kept
            } }
        } catch {
            problem = "The match lists could not be read: \(error)"
        }
    }

    mutating func loadHelpers(for needID: Int, _ context: ConsoleContext) throws {
        guard let row = try context.store.listing(.need, id: needID) else {
            need = nil
            throw StoreError.notFound("There is no need number \(needID).")
        }
        need = row
        helpers.set(try context.store.rankHelpers(forNeed: needID, limit: 20, today: context.today()))
        helpers.contacts = try context.store.contacts(of: helpers.results.map(\.member))
        var proposed: [Int: String] = [:]
        for r in try context.store.referralRows(need: needID) where !r.referral.status.isClosed || r.referral.status == .done {
            proposed[r.referral.helper] = "referral \(r.id) \(r.referral.status.rawValue)"
        }
        helpers.proposed = proposed
    }

    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext) {
        guard case .matchNeed(let needID) = intent else { return }
        panel = nil
        do {
            try loadHelpers(for: needID, context)
            mode = .helpers
            problem = nil
        } catch {
            mode = .needs
            problem = "\(error)"
        }
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if panel != nil { return handlePanel(key, context) }
        switch mode {
        case .needs:
            switch needTable.handle(key, in: Self.needsRect) {
            case .activated(let index):
                guard needs.indices.contains(index) else { return .handled }
                return showHelpers(needs[index].id, context)
            case .filterChanged:
                reload(context)
                return .handled
            case .ignored: return .ignored
            default: return .handled
            }
        case .helpers:
            if key == .escape { mode = .needs; return .handled }
            if key == .enter { return perform(MatchAction.member, context) }
            return helpers.handle(key, in: Self.helpersRect) ? .handled : .ignored
        case .referrals:
            if key == .escape {
                mode = need == nil ? .needs : .helpers
                return .handled
            }
            switch referralTable.handle(key, in: Self.needsRect) {
            case .activated(let index):
                guard referrals.indices.contains(index) else { return .handled }
                panel = ReferralPanel.load(referrals[index].id, store: context.store)
                return .handled
            case .ignored: return .ignored
            default: return .handled
            }
        }
    }

    mutating func showHelpers(_ needID: Int, _ context: ConsoleContext) -> ScreenResponse {
        do {
            try loadHelpers(for: needID, context)
            mode = .helpers
            return .handled
        } catch {
            return .message(.error("\(error)"))
        }
    }

    mutating func handlePanel(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        guard var current = panel else { return .ignored }
        switch current.handle(key) {
        case .handled:
            panel = current
            return .handled
        case .close:
            panel = nil
            return .handled
        case .move(let step):
            panel = nil
            let response = ReferralMove.apply(step, to: current.row, context)
            reload(context)
            return response
        }
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext) -> ScreenResponse {
        switch action {
        case MatchAction.propose: return propose(context)
        case MatchAction.needs:
            mode = .needs
            return .handled
        case MatchAction.referrals:
            mode = .referrals
            reload(context)
            return .handled
        case MatchAction.allReferrals:
            guard mode == .referrals else { return .message(.info("a shows every referral in the referrals view (r).")) }
            openReferralsOnly.toggle()
            reload(context)
            return .handled
        case MatchAction.member:
            let number: Int?
            switch mode {
            case .helpers: number = helpers.current?.member
            case .needs: number = needs.indices.contains(needTable.selectedIndex) ? needs[needTable.selectedIndex].member : nil
            case .referrals: number = referrals.indices.contains(referralTable.selectedIndex) ? referrals[referralTable.selectedIndex].referral.helper : nil
            }
            guard let number else { return .handled }
            return .go(.members, .showMember(number))
        default: return .ignored
        }
    }

    /// One key on a helper's row introduces them to the need, with the offer that fits it best.
    mutating func propose(_ context: ConsoleContext) -> ScreenResponse {
        guard mode == .helpers, let need, let helper = helpers.current else {
            return .message(.info("Pick a need and a helper first: Enter on a need shows its ranked helpers, then p proposes."))
        }
        if let existing = helpers.proposed[helper.member] {
            return .message(.error("\(helper.name) already has \(existing) for this need; r shows the referrals."))
        }
        let offers = ((try? context.store.offers(member: helper.member)) ?? []).filter { $0.status == .open }
        let group = need.category.group
        let groupOf = Dictionary(categories.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        let offer = offers.first { $0.categoryID == need.category.id } ?? offers.first { groupOf[$0.categoryID] == group }
        do {
            let referral = try context.store.propose(need: need.id, helper: helper.member, offer: offer?.id, by: context.broker)
            reload(context)
            return .message(.success("Referral \(referral.id) proposed: \(helper.name) for “\(need.title)” (\(need.memberName)). r moves it on."))
        } catch {
            return .message(.error("Not proposed: \(error)"))
        }
    }
}
