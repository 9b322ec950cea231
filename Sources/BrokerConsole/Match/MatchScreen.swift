import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 4: pick a need, see the helpers ranked with the reasons for each rank, propose one with
/// a single key, and move referrals on until the hours are recorded.
struct MatchScreen: ConsoleScreen {
    enum Mode: Equatable, Sendable { case needs, helpers, referrals }

    /// The lists' part of the body (under the line that says what is shown); keys page by it.
    static func listRect(in body: Rect) -> Rect { body.inset(top: 1, left: 1, right: 1) }
    /// The ranked helpers, under the need's two lines and the list's title.
    static func helpersRect(in body: Rect) -> Rect { body.inset(top: 3, left: 1, right: 1) }

    let id = ScreenID.match
    var mode: Mode = .needs
    var needTable = TableState(filterPlaceholder: "words from the need, a member's name or number")
    var needs: [ListingRow] = []
    var needTotal = 0
    var need: ListingRow?
    var helpers = HelperList()
    var referralTable: TableState = {
        var table = TableState(filterPlaceholder: "")
        table.isSearchable = false
        return table
    }()
    var referrals: [ReferralRow] = []
    /// Every referral the list stands for, though only the most recent 500 are listed.
    var referralTotal = 0
    var openReferralsOnly = true
    var panel: ReferralPanel?
    /// While "Refer someone else…" is open: the member picker.
    var someoneElse: AccountPicker?
    var categories: [TimeBank.Category] = []
    var today = CalendarDate.today()
    var problem: String?

    var scope: KeyScope { someoneElse != nil ? Self.someoneElseScope : MatchAction.scope(mode, searching: needTable.isEditingFilter, panel: panel != nil) }

    var bindings: [KeyBinding] { someoneElse != nil ? Self.someoneElseBindings() : MatchAction.bindings(mode, searching: needTable.isEditingFilter, panel: panel != nil) }

    var capturesText: Bool { someoneElse != nil || panel != nil || (mode == .needs && needTable.isEditingFilter) }

    var hasUnsavedInput: Bool { !(panel?.note.text.isEmpty ?? true) }

    mutating func reload(_ context: ConsoleContext, in body: Rect) {
        today = context.today()
        problem = nil
        do {
            categories = try context.store.categories(includeInactive: true)
            let found = try context.store.listings(ListingQuery(kind: .need, search: needTable.filterText, status: .open), limit: 500)
            let selectedNeed = needs.indices.contains(needTable.selectedIndex) ? needs[needTable.selectedIndex].id : nil
            needs = found.rows
            needTotal = found.total
            needTable.setRowCount(needs.count)
            if let selectedNeed, let index = needs.firstIndex(where: { $0.id == selectedNeed }) { needTable.select(index) }
            if let current = need { try loadHelpers(for: current.id, context, in: body) }
            let selectedReferral = referrals.indices.contains(referralTable.selectedIndex) ? referrals[referralTable.selectedIndex].id : nil
            referrals = try context.store.referralRows(openOnly: openReferralsOnly)
            referralTotal = try context.store.referralCount(openOnly: openReferralsOnly)
            referralTable.setRowCount(referrals.count)
            if let selectedReferral, let index = referrals.firstIndex(where: { $0.id == selectedReferral }) { referralTable.select(index) }
            if let open = panel { panel = ReferralPanel.load(open.row.id, store: context.store).map { open.refreshed(from: $0) } }
        } catch {
            problem = "The match lists could not be read: \(error)"
        }
    }

    mutating func loadHelpers(for needID: Int, _ context: ConsoleContext, in body: Rect) throws {
        guard let row = try context.store.listing(.need, id: needID) else {
            need = nil
            throw StoreError.notFound("There is no need number \(needID).")
        }
        need = row
        helpers.set(try context.store.rankHelpers(forNeed: needID, limit: 20, today: context.today()), in: Self.helpersRect(in: body))
        helpers.contacts = try context.store.contacts(of: helpers.results.map(\.member))
        var proposed: [Int: String] = [:]
        for r in try context.store.referralRows(need: needID) where !r.referral.status.isClosed || r.referral.status == .done {
            proposed[r.referral.helper] = "referral \(r.id) \(r.referral.status.rawValue)"
        }
        helpers.proposed = proposed
    }

    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {
        guard case .matchNeed(let needID) = intent else { return }
        panel = nil
        do {
            try loadHelpers(for: needID, context, in: body)
            mode = .helpers
            problem = nil
        } catch {
            mode = .needs
            problem = "\(error)"
        }
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if someoneElse != nil { return handleSomeoneElse(key, context, in: body) }
        if panel != nil { return handlePanel(key, context, in: body) }
        // A name or a word typed on any of the lists is a fresh search of the open needs.
        if !needTable.isEditingFilter, let c = ListTyping.searchLetter(key) {
            mode = .needs
            _ = needTable.startFreshSearch(with: c)
            reload(context, in: body)
            return .handled
        }
        switch mode {
        case .needs:
            switch needTable.handle(key, in: Self.listRect(in: body)) {
            case .activated(let index):
                guard needs.indices.contains(index) else { return .handled }
                return showHelpers(needs[index].id, context, in: body)
            case .filterChanged:
                reload(context, in: body)
                return .handled
            case .ignored: return .ignored
            default: return .handled
            }
        case .helpers:
            if key == .enter { return perform(MatchAction.member, context, in: body) }
            return helpers.handle(key, in: Self.helpersRect(in: body)) ? .handled : .ignored
        case .referrals:
            switch referralTable.handle(key, in: Self.listRect(in: body)) {
            case .activated(let index):
                guard referrals.indices.contains(index) else { return .handled }
                panel = ReferralPanel.load(referrals[index].id, store: context.store)
                return .handled
            case .ignored: return .ignored
            default: return .handled
            }
        }
    }

    mutating func showHelpers(_ needID: Int, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        do {
            try loadHelpers(for: needID, context, in: body)
            mode = .helpers
            return .handled
        } catch {
            return .message(.error("\(error)"))
        }
    }

    mutating func handlePanel(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard var current = panel else { return .ignored }
        switch current.handle(key) {
        case .ignored: return .ignored
        case .handled:
            panel = current
            return .handled
        case .close:
            panel = nil
            return .handled
        case .move(let step):
            panel = nil
            let response = ReferralMove.apply(step, to: current.row, context)
            reload(context, in: body)
            return response
        }
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        switch action {
        case ScreenAction.back:
            switch mode {
            case .needs: return .ignored
            case .helpers: mode = .needs
            case .referrals: mode = need == nil ? .needs : .helpers
            }
            return .handled
        case MatchAction.propose: return propose(context, in: body)
        case MatchAction.someoneElse: return openSomeoneElse()
        case MatchAction.needs:
            mode = .needs
            return .handled
        case MatchAction.referrals:
            // Arriving in the view starts at its top, the newest referral.
            if mode != .referrals { referrals = []; referralTable.select(0) }
            mode = .referrals
            reload(context, in: body)
            return .handled
        case MatchAction.allReferrals:
            guard mode == .referrals else { return .message(.info("Ctrl-O shows every referral in the referrals view (Ctrl-R).")) }
            openReferralsOnly.toggle()
            // Another list: it starts at its top, as a new filter does on every list.
            referrals = []
            referralTable.select(0)
            reload(context, in: body)
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
    /// What a broker reads after proposing, from the ranked list or "Refer someone else".
    static func proposed(_ referral: Int, _ helper: String, _ need: ListingRow) -> ScreenResponse {
        .message(.success("Referral \(referral) proposed: \(helper) for “\(need.title)” (\(need.memberName)). Ctrl-R moves it on."))
    }

    static func alreadyReferred(_ helper: String, _ existing: String) -> ScreenResponse {
        .message(.error("\(helper) already has \(existing) for this need; Ctrl-R shows the referrals."))
    }

    mutating func propose(_ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard mode == .helpers, let need, let helper = helpers.current else {
            return .message(.info("Pick a need and a helper first: Enter on a need shows its ranked helpers, then Ctrl-P proposes."))
        }
        if let existing = helpers.proposed[helper.member] {
            return MatchScreen.alreadyReferred(helper.name, existing)
        }
        do {
            let referral = try context.store.propose(need: need.id, helper: helper.member, offer: bestOffer(of: helper.member, for: need, context),
                                                     by: context.broker)
            reload(context, in: body)
            return MatchScreen.proposed(referral.id, helper.name, need)
        } catch {
            return .message(.error("Not proposed: \(error)"))
        }
    }

    /// The helper's open offer that fits the need best: its category, else its category's group.
    func bestOffer(of helper: Int, for need: ListingRow, _ context: ConsoleContext) -> Int? {
        let offers = ((try? context.store.offers(member: helper)) ?? []).filter { $0.status == .open }
        let groupOf = Dictionary(categories.map { ($0.id, $0.group) }, uniquingKeysWith: { a, _ in a })
        let offer = offers.first { $0.categoryID == need.category.id } ?? offers.first { groupOf[$0.categoryID] == need.category.group }
        return offer?.id
    }
}
