import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 2: the members list with search-as-you-type and filters, a member's card with its
/// tabs, and the forms to add or edit a member and to record vetting. One mode at a time:
/// a form over a card over the list, Esc going back one step.
struct MembersScreen: ConsoleScreen {
    let id = ScreenID.members

    enum Mode: Equatable { case list, card, note, memberForm, vettingForm, eraseForm }

    /// What a question before anything else is about.
    enum Question: Equatable, Sendable {
        /// Throw away typed input.
        case discard
        /// Add a member who looks like one already known.
        case duplicate
        /// Vetting of a pending member is complete: make them active now?
        case activate(member: Int)
        /// Erase the member now, with the reason and balance choice the form holds.
        case erase(member: Int, reason: String, balance: ErasureBalance?)
    }

    private(set) var list = MemberListState()
    private(set) var card: MemberCardState?
    private(set) var memberForm: MemberFormState?
    private(set) var vettingForm: VettingFormState?
    private(set) var eraseForm: EraseFormState?
    var question: Confirmation<Question>?

    init() {}

    var mode: Mode {
        if eraseForm != nil { return .eraseForm }
        if vettingForm != nil { return .vettingForm }
        if memberForm != nil { return .memberForm }
        if card?.noteDraft != nil { return .note }
        if card != nil { return .card }
        return .list
    }

    var scope: KeyScope { MembersAction.scope(mode, searching: list.isSearching, asking: question != nil) }

    var bindings: [KeyBinding] {
        let scope = scope
        if question != nil { return WidgetKeys.dialog(scope: scope) }
        switch mode {
        case .list: return list.isSearching ? MembersAction.searching(scope: scope) : MembersAction.list(scope: scope)
        case .card: return MembersAction.card(scope: scope)
        case .note: return MembersAction.form(scope: scope, note: true)
        case .memberForm, .vettingForm, .eraseForm: return MembersAction.form(scope: scope, note: false)
        }
    }

    var hasUnsavedInput: Bool {
        (memberForm?.isDirty ?? false) || (vettingForm?.isDirty ?? false) || (eraseForm?.isDirty ?? false)
            || !(card?.noteDraft?.text.allSatisfy(\.isWhitespace) ?? true)
    }

    /// The search line, a note and the forms take typed letters and digits; so does a question.
    var capturesText: Bool {
        question != nil || (mode == .list ? list.isSearching : mode != .card)
    }

    // MARK: data

    mutating func reload(_ context: ConsoleContext, in body: Rect) {
        switch mode {
        case .list: list.refresh(context, rect: Self.listRect(in: body))
        case .card, .note: card?.reload(context)
        case .memberForm:
            memberForm?.noticeChanges(context)
        case .vettingForm, .eraseForm: break
        }
    }

    static func listRect(in body: Rect) -> Rect { MemberListView.tableRect(in: body) }

    func formRect(in body: Rect) -> Rect {
        MemberFormView.formRect(in: body, hasNotice: memberForm?.notice != nil)
    }

    // MARK: keys

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if question != nil { return answer(key, context, in: body) }
        switch mode {
        case .list: return handleList(key, context, in: body)
        case .card: return handleCard(key, context, in: body)
        case .note:
            let area = MemberCardView.areas(in: body, writingNote: true).note ?? body
            return card?.noteDraft?.handle(key, in: area.inset(top: 1)) == .ignored ? .ignored : .handled
        case .memberForm:
            let rect = formRect(in: body)
            return memberForm?.handle(key, context, rect: rect) ?? .ignored
        case .vettingForm:
            return vettingForm?.handle(key, context, rect: MemberFormView.formRect(in: body, hasNotice: false)) ?? .ignored
        case .eraseForm:
            return eraseForm?.handle(key, rect: MemberFormView.formRect(in: body, hasNotice: true)) ?? .ignored
        }
    }

    private mutating func handleList(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        let listRect = Self.listRect(in: body)
        // "Just start typing": a letter on the list opens the search line with that letter.
        if !list.isSearching, let c = ListTyping.searchLetter(key) {
            list.startSearch(with: c, context, rect: listRect)
            return .handled
        }
        // Backspace on a searched list goes back to correcting the search.
        if !list.isSearching, key == .backspace, !list.query.search.isEmpty {
            list.startSearch(with: nil, context, rect: listRect)
        }
        let (outcome, open) = list.handle(key, context, rect: listRect)
        if let open { openCard(open, context) }
        return outcome == .ignored ? .ignored : .handled
    }

    private mutating func handleCard(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        // Typing on a card never runs its commands: a name typed here is a search for another member.
        if let c = ListTyping.searchLetter(key) {
            self.card = nil
            list.startSearch(with: c, context, rect: Self.listRect(in: body))
            return .handled
        }
        guard var card, let data = card.data else { return .ignored }
        let area = MemberCardView.areas(in: body, writingNote: false).body
        let lines = MemberCardContent.lines(card.tab, data, width: area.width, today: context.today())
        let used = card.scroll(key, lineCount: lines.count, height: area.height)
        self.card = card
        return used ? .handled : .ignored
    }

    private mutating func answer(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard var asked = question else { return .handled }
        switch asked.answer(key) {
        case .ignored: return .ignored
        case .waiting: question = asked
        case .yes(.discard):
            question = nil
            discardInput(context, in: body)
        case .yes(.duplicate):
            question = nil
            return saveMember(context, confirmedDuplicate: true)
        case .yes(.activate(let number)):
            question = nil
            let response = activate(number, context)
            card?.reload(context)
            return response
        case .no(.activate):
            question = nil
            return .message(.info("Still pending: Ctrl-E on the card changes the status when they are ready."))
        case .yes(.erase(let number, let reason, let balance)):
            question = nil
            return erase(number, reason: reason, balance: balance, context)
        case .no(.erase):
            question = nil
            return .message(.info("Nothing was erased."))
        case .no: question = nil
        }
        return .handled
    }

    // MARK: actions

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        let rect = Self.listRect(in: body)
        switch action {
        case MembersAction.search: list.startSearch(with: nil, context, rect: rect)
        case MembersAction.add:
            guard context.broker.role.canWrite else { return readOnly(context) }
            memberForm = MemberFormState(adding: context.today())
        case MembersAction.sort: list.changeQuery(context, rect: rect) { $0.cycleSort() }
        case MembersAction.status: list.changeQuery(context, rect: rect) { $0.cycleStatus() }
        case MembersAction.area: list.cycleArea(context, rect: rect)
        case MembersAction.vetting: list.changeQuery(context, rect: rect) { $0.cycleVetting() }
        case MembersAction.needs: list.changeQuery(context, rect: rect) { $0.toggleOpenNeeds() }
        case MembersAction.kind: list.changeQuery(context, rect: rect) { $0.cycleKind() }
        case MembersAction.clearFilters: list.changeQuery(context, rect: rect) { $0.clearFilters() }
        case MembersAction.back:
            guard mode == .card else { return cancel(context, in: body) }
            card = nil
            list.refresh(context, rect: rect)
        case MembersAction.nextTab, MembersAction.previousTab:
            _ = card?.tabs.handle(action == MembersAction.nextTab ? .right : .left)
        case MembersAction.edit:
            guard context.broker.role.canWrite else { return readOnly(context) }
            guard let number = card?.number, let member = try? context.store.member(number) else { return .ignored }
            memberForm = MemberFormState(editing: member)
        case MembersAction.note:
            guard context.broker.role.canWrite else { return readOnly(context) }
            card?.noteDraft = NoteFieldState(maxLength: 10_000, placeholder: "Type the note; Enter starts a new line")
        case MembersAction.editVetting:
            guard context.broker.role.canWrite else { return readOnly(context) }
            guard let number = card?.number, let member = try? context.store.member(number),
                  let vetting = try? context.store.vetting(member: number) else { return .ignored }
            vettingForm = VettingFormState(number: number, name: member.name, vetting: vetting)
        case MembersAction.addOffer, MembersAction.addNeed:
            guard context.broker.role.canWrite else { return readOnly(context) }
            guard let number = card?.number else { return .ignored }
            return .go(.offersAndNeeds, .addListing(offer: action == MembersAction.addOffer, member: number))
        case MembersAction.erase: return openErasure(context)
        case MembersAction.save: return save(context)
        default: return .ignored
        }
        return .handled
    }

    /// Another screen sent the broker to a member: open the card, unless a form holds
    /// unsaved typing, which is never thrown away behind the broker's back.
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {
        guard case .showMember(let number) = intent, memberForm == nil, vettingForm == nil, eraseForm == nil,
              card?.noteDraft?.text.allSatisfy(\.isWhitespace) ?? true else { return }
        question = nil
        openCard(number, context)
    }

    private func readOnly(_ context: ConsoleContext) -> ScreenResponse {
        .message(.error("\(context.broker.displayName) is a viewer and cannot change members."))
    }

    /// The erase form over the card (admins; the registry already withholds the key from others).
    private mutating func openErasure(_ context: ConsoleContext) -> ScreenResponse {
        guard context.broker.role.isAdmin else {
            return .message(.error(StoreError.adminOnly(action: "erase a member's personal data").description))
        }
        guard let number = card?.number, let member = try? context.store.member(number) else { return .ignored }
        if (try? context.store.isErased(member: number)) == true {
            return .message(.error("Member \(number) is already erased."))
        }
        let balance = (try? context.store.balance(.member(number)))?.balanceMinutes ?? 0
        eraseForm = EraseFormState(number: number, name: member.name, balance: balance)
        return .handled
    }

    /// Ctrl-S on the erase form: every answer checked (a wrong number erases nothing), then one
    /// last question whose default is No.
    private mutating func askToErase() -> ScreenResponse {
        guard var form = eraseForm else { return .handled }
        let answers = form.checked()
        eraseForm = form
        guard let answers else { return .message(.error("Not erased: \(form.firstError)")) }
        question = Confirmation(.erase(member: form.number, reason: answers.reason, balance: answers.balance),
                                title: "Erase member \(form.number)?",
                                message: "Erase the personal data of member \(form.number) now? This cannot be undone.",
                                buttons: ["Erase", "Cancel"], defaultButton: 1)
        return .handled
    }

    private mutating func erase(_ number: Int, reason: String, balance: ErasureBalance?, _ context: ConsoleContext) -> ScreenResponse {
        guard let form = eraseForm, form.number == number else { return .handled }
        let (erased, response) = form.erase(reason: reason, balance: balance, context)
        if erased {
            eraseForm = nil
            card?.tabs.select(MemberCardState.Tab.profile.rawValue)
            card?.reload(context)
        }
        return response
    }

    private mutating func openCard(_ number: Int, _ context: ConsoleContext) {
        var opened = MemberCardState(number: number)
        opened.reload(context)
        card = opened
    }

    private mutating func save(_ context: ConsoleContext) -> ScreenResponse {
        switch mode {
        case .note: return card?.saveNote(context) ?? .handled
        case .memberForm: return saveMember(context, confirmedDuplicate: false)
        case .vettingForm:
            guard var form = vettingForm else { return .handled }
            let (saved, response) = form.save(context)
            vettingForm = saved ? nil : form
            if saved {
                card?.tabs.select(MemberCardState.Tab.vetting.rawValue)
                card?.reload(context)
                offerActivation(form.number, context)
            }
            return response
        case .eraseForm: return askToErase()
        case .list, .card: return .ignored
        }
    }

    private mutating func saveMember(_ context: ConsoleContext, confirmedDuplicate: Bool) -> ScreenResponse {
        guard var form = memberForm else { return .handled }
        let result = form.save(context, confirmedDuplicate: confirmedDuplicate)
        memberForm = form
        switch result {
        case .saved(let member, let response):
            memberForm = nil
            openCard(member.number, context)
            return response
        case .stay(let response):
            return response
        case .askDuplicate(let dialog):
            question = Confirmation(.duplicate, dialog: dialog)
            return .handled
        }
    }

    /// Esc: back one step; typed input is only thrown away once the broker says so.
    private mutating func cancel(_ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard hasUnsavedInput else {
            discardInput(context, in: body)
            return .handled
        }
        let what = mode == .note ? "this note" : "your changes"
        question = Confirmation(.discard, title: "Discard?", message: "Throw away \(what)? Nothing has been saved yet.",
                                buttons: ["Discard", "Keep editing"], defaultButton: 1)
        return .handled
    }

    private mutating func discardInput(_ context: ConsoleContext, in body: Rect) {
        switch mode {
        case .note: card?.noteDraft = nil
        case .memberForm:
            memberForm = nil
            card?.reload(context)
            if card == nil { list.refresh(context, rect: Self.listRect(in: body)) }
        case .vettingForm: vettingForm = nil
        case .eraseForm: eraseForm = nil
        case .list, .card: break
        }
    }

    // MARK: drawing

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let today = context.today()
        switch mode {
        case .list: MemberListView.render(list, into: &frame, in: rect, today: today)
        case .card, .note:
            if let card { MemberCardView.render(card, into: &frame, in: rect, today: today, broker: context.broker.displayName) }
        case .memberForm:
            if let f = memberForm {
                MemberFormView.render(title: f.title, form: f.form, notice: f.notice, focused: question == nil, into: &frame, in: rect)
                f.doNotMatch.renderList(into: &frame, form: f.form, formRect: formRect(in: rect), within: rect)
                f.signUpOffers.renderList(into: &frame, form: f.form, formRect: formRect(in: rect), within: rect)
            }
        case .vettingForm:
            if let f = vettingForm { MemberFormView.render(title: f.title, form: f.form, notice: nil, focused: question == nil, into: &frame, in: rect) }
        case .eraseForm:
            if let f = eraseForm {
                MemberFormView.render(title: f.title, form: f.form, notice: (f.notice, .warning), focused: question == nil, into: &frame, in: rect)
            }
        }
        if let question { ConfirmDialog.render(question.dialog, into: &frame) }
    }
}
