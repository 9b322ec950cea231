import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 2: the members list with search-as-you-type and filters, a member's card with its
/// tabs, and the forms to add or edit a member and to record vetting. One mode at a time:
/// a form over a card over the list, Esc going back one step.
struct MembersScreen: ConsoleScreen {
    let id = ScreenID.members

    enum Mode: Equatable { case list, card, note, memberForm, vettingForm }

    /// A question that must be answered before anything else.
    enum Question {
        case discard(ConfirmDialogState)
        case duplicate(ConfirmDialogState)
        /// Vetting of a pending member is complete: make them active now?
        case activate(ConfirmDialogState, member: Int)
    }

    private(set) var list = MemberListState()
    private(set) var card: MemberCardState?
    private(set) var memberForm: MemberFormState?
    private(set) var vettingForm: VettingFormState?
    var question: Question?
    /// Where the screen was last drawn. Keys need the size of what they move (a page of the
    /// list, a form's pages) and `handle` is not given it, so render leaves it here.
    let viewport = Viewport()

    init() {}

    var mode: Mode {
        if vettingForm != nil { return .vettingForm }
        if memberForm != nil { return .memberForm }
        if card?.noteDraft != nil { return .note }
        if card != nil { return .card }
        return .list
    }

    var bindings: [KeyBinding] {
        switch mode {
        case .list: return MembersAction.list + (list.isSearching ? [MembersAction.typed] : [])
        case .card: return MembersAction.card
        case .note, .memberForm, .vettingForm: return MembersAction.form
        }
    }

    var hasUnsavedInput: Bool {
        (memberForm?.isDirty ?? false) || (vettingForm?.isDirty ?? false)
            || !(card?.noteDraft?.text.allSatisfy(\.isWhitespace) ?? true)
    }

    /// The search line, a note and the forms take typed letters and digits; so does a question.
    var capturesText: Bool {
        question != nil || (mode == .list ? list.isSearching : mode != .card)
    }

    // MARK: data

    mutating func reload(_ context: ConsoleContext) {
        switch mode {
        case .list: list.refresh(context, rect: listRect)
        case .card, .note: card?.reload(context)
        case .memberForm:
            memberForm?.noticeChanges(context)
        case .vettingForm: break
        }
    }

    var listRect: Rect { MemberListView.tableRect(in: viewport.rect) }

    var formRect: Rect {
        MemberFormView.formRect(in: viewport.rect, hasNotice: memberForm?.notice != nil)
    }

    // MARK: keys

    mutating func handle(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if question != nil { return answer(key, context) }
        switch mode {
        case .list: return handleList(key, context)
        case .card: return handleCard(key, context)
        case .note:
            let area = MemberCardView.areas(in: viewport.rect, writingNote: true).note ?? viewport.rect
            return card?.noteDraft?.handle(key, in: area.inset(top: 1)) == .ignored ? .ignored : .handled
        case .memberForm:
            let rect = formRect
            return memberForm?.handle(key, context, rect: rect) ?? .ignored
        case .vettingForm:
            return vettingForm?.handle(key, context, rect: MemberFormView.formRect(in: viewport.rect, hasNotice: false)) ?? .ignored
        }
    }

    private mutating func handleList(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        // "Just start typing": a letter on the list opens the search line with that letter.
        if !list.isSearching, case .char(let c) = key, c.isLetter, c != "j", c != "k" {
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

    private mutating func handleCard(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        guard var card, let data = card.data else { return .ignored }
        let body = MemberCardView.areas(in: viewport.rect, writingNote: false).body
        let lines = MemberCardContent.lines(card.tab, data, width: body.width, today: context.today())
        let used = card.scroll(key, lineCount: lines.count, height: body.height)
        self.card = card
        return used ? .handled : .ignored
    }

    private mutating func answer(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        switch question {
        case .discard(var dialog):
            switch dialog.handle(key) {
            case .chosen(0):
                question = nil
                discardInput(context)
            case .chosen, .cancelled: question = nil
            case .handled: question = .discard(dialog)
            }
        case .duplicate(var dialog):
            switch dialog.handle(key) {
            case .chosen(0):
                question = nil
                return saveMember(context, confirmedDuplicate: true)
            case .chosen, .cancelled: question = nil
            case .handled: question = .duplicate(dialog)
            }
        case .activate(var dialog, let number):
            switch dialog.handle(key) {
            case .chosen(0):
                question = nil
                let response = activate(number, context)
                card?.reload(context)
                return response
            case .chosen, .cancelled:
                question = nil
                return .message(.info("Still pending: e on the card changes the status when they are ready."))
            case .handled: question = .activate(dialog, member: number)
            }
        case nil: break
        }
        return .handled
    }

    // MARK: actions

    mutating func perform(_ action: ActionID, _ context: ConsoleContext) -> ScreenResponse {
        let rect = listRect
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
        case MembersAction.save: return save(context)
        case MembersAction.cancel: return cancel(context)
        default: return .ignored
        }
        return .handled
    }

    /// Another screen sent the broker to a member: open the card, unless a form holds
    /// unsaved typing, which is never thrown away behind the broker's back.
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext) {
        guard case .showMember(let number) = intent, memberForm == nil, vettingForm == nil,
              card?.noteDraft?.text.allSatisfy(\.isWhitespace) ?? true else { return }
        question = nil
        openCard(number, context)
    }

    private func readOnly(_ context: ConsoleContext) -> ScreenResponse {
        .message(.error("\(context.broker.displayName) is a viewer and cannot change members."))
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
            question = .duplicate(dialog)
            return .handled
        }
    }

    /// Esc: back one step; typed input is only thrown away once the broker says so.
    private mutating func cancel(_ context: ConsoleContext) -> ScreenResponse {
        guard hasUnsavedInput else {
            discardInput(context)
            return .handled
        }
        let what = mode == .note ? "this note" : "your changes"
        question = .discard(ConfirmDialogState(title: "Discard?", message: "Throw away \(what)? Nothing has been saved yet.",
                                               buttons: ["Discard", "Keep editing"], defaultButton: 1))
        return .handled
    }

    private mutating func discardInput(_ context: ConsoleContext) {
        switch mode {
        case .note: card?.noteDraft = nil
        case .memberForm:
            memberForm = nil
            card?.reload(context)
            if card == nil { list.refresh(context, rect: listRect) }
        case .vettingForm: vettingForm = nil
        case .list, .card: break
        }
    }

    // MARK: drawing

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        viewport.rect = rect
        let today = context.today()
        switch mode {
        case .list: MemberListView.render(list, into: &frame, in: rect, today: today)
        case .card, .note:
            if let card { MemberCardView.render(card, into: &frame, in: rect, today: today, broker: context.broker.displayName) }
        case .memberForm:
            if let f = memberForm {
                MemberFormView.render(title: f.title, form: f.form, notice: f.notice, focused: question == nil, into: &frame, in: rect)
                f.doNotMatch.renderList(into: &frame, form: f.form, formRect: formRect, within: rect)
                f.signUpOffers.renderList(into: &frame, form: f.form, formRect: formRect, within: rect)
            }
        case .vettingForm:
            if let f = vettingForm { MemberFormView.render(title: f.title, form: f.form, notice: nil, focused: question == nil, into: &frame, in: rect) }
        }
        switch question {
        case .discard(let dialog), .duplicate(let dialog), .activate(let dialog, _): ConfirmDialog.render(dialog, into: &frame)
        case nil: break
        }
    }
}

/// The last rect the screen was drawn in (see `MembersScreen.viewport`).
final class Viewport {
    /// 80x24 less the console's header, screen bar, message and status lines, until drawn.
    var rect = Rect(row: 2, column: 0, width: 80, height: 20)
}
