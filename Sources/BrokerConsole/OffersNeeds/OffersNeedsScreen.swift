import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 3: offers and needs, browsed by category (Enter on the Categories list) or searched
/// by typing on the list, added, edited and closed; needs can ask for a vetted helper. An admin keeps the
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

    /// What a question is about.
    enum Question: Equatable, Sendable {
        /// Close the listing, or reopen it when closed.
        case close(ListingRow)
        /// Throw away what was typed in the form.
        case discard
    }

    /// Everything under the tab row, a column in from each side.
    static func contentRect(in body: Rect) -> Rect { body.inset(top: 1, left: 1, right: 1) }
    /// The offers or needs list; the categories list has a line of help above it.
    func listRect(in body: Rect) -> Rect {
        tab == .categories ? Self.contentRect(in: body).inset(top: 1) : Self.contentRect(in: body)
    }
    /// A form: under its title, above the lines that read the typed values back and the help line.
    static func formRect(in body: Rect) -> Rect { contentRect(in: body).inset(top: 1, bottom: 1 + readingRows) }
    /// Lines under a form that say what the typed member and category were read as.
    static let readingRows = 3

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
    var confirm: Confirmation<Question>?
    /// A new offer or need started from a member's card or their sign-up.
    var errand: ListingErrand?
    var today = CalendarDate.today()
    var problem: String?

    var scope: KeyScope {
        if confirm != nil { return KeyScope("listings.dialog", title: "Offers & needs: question") }
        if editor != nil { return KeyScope("listings.form", title: "Offers & needs: form") }
        if fitting != nil { return KeyScope("listings.fitting", title: "Needs an offer could meet") }
        if table.isEditingFilter { return KeyScope("listings.search", title: "Offers & needs: search line") }
        return KeyScope("listings.list", title: "Offers & needs")
    }

    var bindings: [KeyBinding] {
        let scope = scope
        if confirm != nil { return WidgetKeys.dialog(scope: scope) }
        if editor != nil { return OffersNeedsAction.form(scope: scope) }
        if fitting != nil { return OffersNeedsAction.fitting(scope: scope) }
        if table.isEditingFilter { return WidgetKeys.searchLine(scope: scope) }
        return OffersNeedsAction.list(scope: scope)
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

    mutating func reload(_ context: ConsoleContext, in body: Rect) { reload(context) }

    /// Re-reads the lists; the selection stays on the same listing or category where it can.
    mutating func reload(_ context: ConsoleContext) {
        let selectedListing = selectedRow?.id
        let selectedCode = selectedCategory?.code
        today = context.today()
        do {
            categories = try context.store.categories(includeInactive: true)
            let words = SearchText.words(tables[.categories]?.filterText ?? "")
            shownCategories = categories.filter { c in
                let hay = SearchText.words(c.code + " " + c.group + " " + c.name + " " + c.keywords.joined(separator: " "))
                return words.allSatisfy { w in hay.contains { $0.hasPrefix(w) } }
            }
            tables[.categories]?.setRowCount(shownCategories.count)
            if tab == .categories, let selectedCode, let index = shownCategories.firstIndex(where: { $0.code == selectedCode }) {
                table.select(index)
            }
            if let kind = tab.kind {
                let q = ListingQuery(kind: kind, search: table.filterText, categoryID: categoryFilter?.id, member: memberFilter,
                                     status: openOnly ? .open : nil)
                let found = try context.store.listings(q, limit: 500)
                rows = found.rows
                total = found.total
                table.setRowCount(rows.count)
                if let selectedListing, let index = rows.firstIndex(where: { $0.id == selectedListing }) { table.select(index) }
            }
            if let n = memberFilter { memberName = ((try? context.store.member(n)) ?? nil)?.name ?? "member \(n)" }
            problem = nil
        } catch {
            problem = "The listings could not be read: \(error)"
        }
    }

    /// From a member card: that member's offers and needs, or a new offer or need for them.
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {
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

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if confirm != nil { return answerConfirm(key, context) }
        if editor != nil { return handleEditor(key, context, in: body) }
        if var fit = fitting {
            if key == .escape { fitting = nil; return .handled }
            // A name typed here is a search of the list the offer came from.
            if ListTyping.searchLetter(key) != nil { fitting = nil; return handle(key, context, in: body) }
            let outcome = fit.table.handle(key, in: FittingNeeds.tableRect(in: Self.contentRect(in: body)))
            fitting = fit
            if case .activated = outcome, let need = fit.current?.need { return .go(.match, .matchNeed(need.id)) }
            return outcome == .ignored ? .ignored : .handled
        }
        if key == .escape, !table.isEditingFilter, table.filterText.isEmpty, categoryFilter != nil || memberFilter != nil {
            return perform(OffersNeedsAction.clear, context, in: body)
        }
        var t = table
        let outcome: ListOutcome
        if !t.isEditingFilter, let c = ListTyping.searchLetter(key) {
            outcome = t.startFreshSearch(with: c)
        } else {
            outcome = t.handle(key, in: listRect(in: body))
        }
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
                return .message(.info("Offers in \(c.fullName); Tab shows the needs, Ctrl-U clears the category."))
            }
            return perform(OffersNeedsAction.edit, context, in: body)
        case .ignored: return .ignored
        default: return .handled
        }
    }

    mutating func handleEditor(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        // Esc closes an open list of matches (the form's own key) before it leaves the form.
        let listOpen: Bool = { if case .listing(let f) = editor { return f.showsAList }; return false }()
        if key == .escape, !listOpen { return leaveEditor() }
        switch editor {
        case .listing(var f):
            let marked = !f.form.errors.isEmpty
            let outcome = f.handle(key, in: Self.formRect(in: body), categories: categories, store: context.store, today: today)
            editor = .listing(f)
            if outcome == .submitted { return save(context) }
            // The last field marked ! is put right: the "Not saved" error on the message line goes too.
            if marked, f.form.errors.isEmpty { return .message(.info("Every field is fine now; Ctrl-S saves.")) }
            return outcome == .ignored ? .ignored : .handled
        case .category(var f):
            let outcome = f.form.handle(key, in: Self.formRect(in: body))
            editor = .category(f)
            if outcome == .submitted { return save(context) }
            return outcome == .ignored ? .ignored : .handled
        case nil: return .ignored
        }
    }

    /// Esc on a form: straight back when nothing was typed, otherwise only once the broker says so.
    mutating func leaveEditor() -> ScreenResponse {
        guard hasUnsavedInput else { return closeEditor(message: nil) }
        confirm = Confirmation(.discard, title: "Discard?", message: "Throw away what you typed? Nothing has been saved yet.",
                               buttons: ["Discard", "Keep editing"], defaultButton: 1)
        return .handled
    }

    /// Leaves the form; one started from a member's card goes back to that card.
    mutating func closeEditor(message: Message?) -> ScreenResponse {
        editor = nil
        if let member = errand?.member {
            errand = nil
            return .go(.members, .showMember(member))
        }
        return message.map { .message($0) } ?? .handled
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if action == OffersNeedsAction.save { return editor == nil || confirm != nil ? .handled : save(context) }
        if action == OffersNeedsAction.back, confirm == nil {
            if editor != nil { return leaveEditor() }
            if fitting != nil { fitting = nil; return .handled }
        }
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
        confirm = Confirmation(.close(row), title: closing ? "Close \(noun)?" : "Reopen \(noun)?", message: message,
                               buttons: [closing ? "Close it" : "Reopen it", "Keep it"], defaultButton: 1)
        return .handled
    }

    mutating func answerConfirm(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        guard var asked = confirm else { return .ignored }
        let row: ListingRow
        switch asked.answer(key) {
        case .ignored: return .ignored
        case .waiting:
            confirm = asked
            return .handled
        case .yes(.discard):
            confirm = nil
            return closeEditor(message: .info("Not saved."))
        case .no(.discard):
            confirm = nil
            return .handled
        case .no(.close):
            confirm = nil
            return .message(.info("Nothing changed."))
        case .yes(.close(let chosen)):
            confirm = nil
            row = chosen
        }
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
            return .message(.info("Ctrl-P proposes from an offer's fitting needs (Ctrl-T on an offer) or from the Match screen."))
        }
        do {
            let r = try context.store.propose(need: need.id, helper: fit.offer.member, offer: fit.offer.id, by: context.broker)
            return .message(.success("Referral \(r.id) proposed: \(fit.offer.memberName) for “\(need.title)”. Move it on from Match (4, then Ctrl-R)."))
        } catch {
            return .message(.error("Not proposed: \(error)"))
        }
    }
}
