import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 3: offers and needs, browsed by category (Enter on the Categories list) or searched
/// with "/", added, edited and closed; needs can ask for a vetted helper. An admin keeps the
/// category list here too.
struct OffersNeedsScreen: ConsoleScreen {
    enum Tab: Int, CaseIterable, Sendable {
        case offers, needs, categories
        var title: String { ["Offers", "Needs", "Categories"][rawValue] }
        var kind: ListingRow.Kind? { self == .offers ? .offer : self == .needs ? .need : nil }
    }

    enum Editor: Equatable, Sendable {
        case listing(ListingForm)
        case category(CategoryForm)
    }

    /// What the screen's lists get at 80x24: the body less the tab and filter lines.
    static let listRect = Rect(row: 0, column: 0, width: 78, height: 17)
    static let formRect = Rect(row: 0, column: 0, width: 78, height: 12)

    let id = ScreenID.offersAndNeeds
    var tab: Tab = .offers
    var tables: [Tab: TableState] = Dictionary(uniqueKeysWithValues: Tab.allCases.map {
        ($0, TableState(filterPlaceholder: $0 == .categories ? "group, service or keyword" : "words, a member's name or number"))
    })
    var rows: [ListingRow] = []
    var total = 0
    var categories: [TimeBank.Category] = []
    var shownCategories: [TimeBank.Category] = []
    var categoryFilter: TimeBank.Category?
    var memberFilter: Int?
    var memberName = ""
    var openOnly = true
    var editor: Editor?
    var fitting: FittingNeeds?
    var confirm: (state: ConfirmDialogState, row: ListingRow)?
    /// A new offer or need started from a member's card or their sign-up.
    var errand: ListingErrand?
    var today = CalendarDate.today()
    var problem: String?

    /// While a form is open only saving applies; while a list is shown, everything but saving.
    var bindings: [KeyBinding] {
        OffersNeedsAction.bindings(scope: scope).filter { ($0.action == OffersNeedsAction.save) == (editor != nil) }
    }

    var capturesText: Bool { editor != nil || confirm != nil || (tables[tab]?.isEditingFilter ?? false) }

    var hasUnsavedInput: Bool {
        switch editor {
        case .listing(let f): return f.isDirty
        case .category(let f): return f.isDirty
        case nil: return false
        }
    }

    var table: TableState {
        get { tables[tab] ?? TableState() }
        set { tables[tab] = newValue }
    }

    var selectedRow: ListingRow? { tab.kind != nil && rows.indices.contains(table.selectedIndex) ? rows[table.selectedIndex] : nil }
    var selectedCategory: TimeBank.Category? {
        tab == .categories && shownCategories.indices.contains(table.selectedIndex) ? shownCategories[table.selectedIndex] : nil
    }

    mutating func reload(_ context: ConsoleContext) {
        today = context.today()
        do {
            categories = try context.store.categories(includeInactive: true)
            let words = SearchText.words(tables[.categories]?.filterText ?? "")
            shownCategories = categories.filter { c in
                let hay = SearchText.words(c.code + " " + c.group + " " + c.name + " " + c.keywords.joined(separator: " "))
                return words.allSatisfy { w in hay.contains { $0.hasPrefix(w) } }
            }
            tables[.categories]?.setRowCount(shownCategories.count)
            if let kind = tab.kind {
                let q = ListingQuery(kind: kind, search: table.filterText, categoryID: categoryFilter?.id, member: memberFilter,
                                     status: openOnly ? .open : nil)
                let found = try context.store.listings(q, limit: 500)
                rows = found.rows
                total = found.total
                table.setRowCount(rows.count)
            }
            if let n = memberFilter { memberName = ((try? context.store.member(n)) ?? nil)?.name ?? "member \(n)" }
            problem = nil
        } catch {
            problem = "The listings could not be read: \(error)"
        }
    }

    /// From a member card: that member's offers and needs, or a new offer or need for them.
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext) {
        if case .addListing(let offer, let member) = intent {
            startErrand(offer: offer, member: member, context)
            return
        }
        guard case .showMember(let n) = intent else { return }
        memberFilter = n
        categoryFilter = nil
        editor = nil
        fitting = nil
        if tab == .categories { tab = .offers }
        reload(context)
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if confirm != nil { return answerConfirm(key, context) }
        if editor != nil { return handleEditor(key, context) }
        if var fit = fitting {
            if key == .escape { fitting = nil; return .handled }
            let outcome = fit.table.handle(key, in: Self.listRect)
            fitting = fit
            if case .activated = outcome, let need = fit.current?.need { return .go(.match, .matchNeed(need.id)) }
            return outcome == .ignored ? .ignored : .handled
        }
        if key == .escape, !table.isEditingFilter, table.filterText.isEmpty, categoryFilter != nil || memberFilter != nil {
            return perform(OffersNeedsAction.clear, context)
        }
        var t = table
        let outcome = t.handle(key, in: Self.listRect)
        table = t
        switch outcome {
        case .filterChanged:
            reload(context)
            return .handled
        case .activated:
            if let c = selectedCategory {
                categoryFilter = c
                tab = .offers
                reload(context)
                return .message(.info("Offers in \(c.fullName); Tab shows the needs, c clears the category."))
            }
            return perform(OffersNeedsAction.edit, context)
        case .ignored: return .ignored
        default: return .handled
        }
    }

    mutating func handleEditor(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        // Esc closes an open list of matches (the form's own key) before it leaves the form.
        let listOpen: Bool = { if case .listing(let f) = editor { return f.showsAList }; return false }()
        if key == .escape, !listOpen {
            editor = nil
            if let member = errand?.member {
                errand = nil
                return .go(.members, .showMember(member))
            }
            return .message(.info("Not saved."))
        }
        switch editor {
        case .listing(var f):
            let marked = !f.form.errors.isEmpty
            let outcome = f.handle(key, in: Self.formRect, categories: categories, store: context.store, today: today)
            editor = .listing(f)
            if outcome == .submitted { return save(context) }
            // The last field marked ! is put right: the "Not saved" error on the message line goes too.
            if marked, f.form.errors.isEmpty { return .message(.info("Every field is fine now; Ctrl-S saves.")) }
            return outcome == .ignored ? .ignored : .handled
        case .category(var f):
            let outcome = f.form.handle(key, in: Self.formRect)
            editor = .category(f)
            if outcome == .submitted { return save(context) }
            return outcome == .ignored ? .ignored : .handled
        case nil: return .ignored
        }
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext) -> ScreenResponse {
        if action == OffersNeedsAction.save { return editor == nil ? .ignored : save(context) }
        guard editor == nil, confirm == nil else { return .handled }
        if fitting != nil, action != OffersNeedsAction.propose { fitting = nil }
        switch action {
        case OffersNeedsAction.nextTab, OffersNeedsAction.previousTab:
            let step = action == OffersNeedsAction.nextTab ? 1 : Tab.allCases.count - 1
            tab = Tab(rawValue: (tab.rawValue + step) % Tab.allCases.count)!
            reload(context)
        case OffersNeedsAction.add: return add(context)
        case OffersNeedsAction.edit: return edit(context)
        case OffersNeedsAction.close: return askClose()
        case OffersNeedsAction.match: return match(context)
        case OffersNeedsAction.propose: return propose(context)
        case OffersNeedsAction.closedToo:
            openOnly.toggle()
            reload(context)
            return .message(.info(openOnly ? "Showing open listings only." : "Showing open, matched and closed listings."))
        case OffersNeedsAction.clear:
            categoryFilter = nil
            memberFilter = nil
            reload(context)
        default: return .ignored
        }
        return .handled
    }

    mutating func add(_ context: ConsoleContext) -> ScreenResponse {
        switch tab.kind {
        case let kind?:
            editor = .listing(ListingForm(kind: kind, member: memberFilter, category: categoryFilter))
        case nil:
            guard context.broker.role.isAdmin else { return .message(.error(StoreError.adminOnly(action: "edit the categories").description)) }
            editor = .category(CategoryForm(editing: nil, group: selectedCategory?.group ?? ""))
        }
        return .handled
    }

    mutating func edit(_ context: ConsoleContext) -> ScreenResponse {
        if tab == .categories {
            guard let c = selectedCategory else { return .handled }
            guard context.broker.role.isAdmin else { return .message(.error(StoreError.adminOnly(action: "edit the categories").description)) }
            editor = .category(CategoryForm(editing: c))
            return .handled
        }
        guard let row = selectedRow else { return .handled }
        guard context.broker.role.canWrite else { return .message(.error("A viewer can look but not change listings.")) }
        editor = .listing(ListingForm(editing: row))
        return .handled
    }

    mutating func save(_ context: ConsoleContext) -> ScreenResponse {
        switch editor {
        case .listing(var f):
            guard let listing = f.validated(categories: categories, store: context.store, today: today) else {
                editor = .listing(f)
                return .message(.error("Not saved: see the fields marked !."))
            }
            do {
                let verb = f.editing == nil ? "Added" : "Saved"
                let saved: String
                if let o = listing.offer {
                    saved = "offer \(try f.editing == nil ? context.store.addOffer(o, by: context.broker).id : context.store.updateOffer(o, by: context.broker).id)"
                } else if let n = listing.need {
                    saved = "need \(try f.editing == nil ? context.store.addNeed(n, by: context.broker).id : context.store.updateNeed(n, by: context.broker).id)"
                } else { return .handled }
                editor = nil
                errand = nil
                reload(context)
                return .message(.success("\(verb) \(saved): \(f.form.value(of: "title"))."))
            } catch {
                editor = .listing(f)
                return .message(.error("Not saved: \(error)"))
            }
        case .category(let f):
            do {
                let c = try context.store.saveCategory(f.category, by: context.broker)
                editor = nil
                reload(context)
                return .message(.success("Saved category \(c.code): \(c.fullName)\(c.active ? "" : " (retired)")."))
            } catch {
                return .message(.error("Not saved: \(error)"))
            }
        case nil: return .ignored
        }
    }

    mutating func askClose() -> ScreenResponse {
        guard let row = selectedRow else { return .message(.info("Pick an offer or a need first.")) }
        let noun = row.kind == .offer ? "offer" : "need"
        let closing = row.status != .closed
        let message = closing
            ? "Close \(noun) \(row.id) “\(row.title)” of \(row.memberName)? It stops being matched; it can be reopened."
            : "Reopen \(noun) \(row.id) “\(row.title)” of \(row.memberName)?"
        confirm = (ConfirmDialogState(title: closing ? "Close \(noun)?" : "Reopen \(noun)?", message: message,
                                      buttons: [closing ? "Close it" : "Reopen it", "Keep it"], defaultButton: 1), row)
        return .handled
    }

    mutating func answerConfirm(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        guard var c = confirm else { return .ignored }
        let outcome = c.state.handle(key)
        guard outcome != .handled else { confirm = c; return .handled }
        confirm = nil
        guard outcome == .chosen(0) else { return .message(.info("Nothing changed.")) }
        let row = c.row
        let status: ListingStatus = row.status == .closed ? .open : .closed
        do {
            try context.store.setStatus(row.kind, id: row.id, to: status, by: context.broker)
            reload(context)
            return .message(.success("\(row.kind == .offer ? "Offer" : "Need") \(row.id) is \(status.rawValue)."))
        } catch {
            return .message(.error("\(error)"))
        }
    }

    mutating func match(_ context: ConsoleContext) -> ScreenResponse {
        guard let row = selectedRow else { return .message(.info("Pick an offer or a need first.")) }
        if row.kind == .need { return .go(.match, .matchNeed(row.id)) }
        do {
            fitting = try FittingNeeds.load(row, context)
            return .handled
        } catch {
            return .message(.error("\(error)"))
        }
    }

    /// From the reverse view: introduce the offer's member to the selected need.
    mutating func propose(_ context: ConsoleContext) -> ScreenResponse {
        guard let fit = fitting, let need = fit.current?.need else {
            return .message(.info("p proposes from an offer's fitting needs (m on an offer) or from the Match screen."))
        }
        do {
            let r = try context.store.propose(need: need.id, helper: fit.offer.member, offer: fit.offer.id, by: context.broker)
            return .message(.success("Referral \(r.id) proposed: \(fit.offer.memberName) for “\(need.title)”. Move it on from Match (4, r)."))
        } catch {
            return .message(.error("Not proposed: \(error)"))
        }
    }
}
