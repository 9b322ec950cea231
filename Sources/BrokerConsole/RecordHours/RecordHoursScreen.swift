import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Screen 5: typing in paper slips fast, group activities, reversals from a statement, and
/// closing a month. The form has the focus from the start, so a broker can type a member
/// number straight away; Esc leaves the form, after which the number keys switch screens again.
struct RecordHoursScreen: ConsoleScreen {
    enum Mode: Sendable { case exchange, group, statement, closeMonth, find }

    let id = ScreenID.recordHours
    var mode: Mode = .exchange
    /// True while a field has the focus: keys are typing, not screen switches. The screen opens
    /// at rest, so `1`…`6` still switch screens from an empty slip; after a save the cursor stays
    /// in Giver for the next slip of the pile.
    var focused = false
    var slip = ExchangeSlip()
    var group = GroupSlip()
    var statementPanel = StatementPanel()
    var closing = CloseMonthPanel()
    var finder = ExchangeFinderPanel()
    var dialog: RecordDialog?
    var facts = SlipContext(today: .today())
    /// The last slip saved, so saving an untouched form again is answered "already recorded"
    /// by the store rather than an empty form being scolded.
    var lastSaved: (request: ExchangeRequest, summary: String)?
    /// What this session recorded, for ticking off the paper pile and undoing the last.
    var session = SessionSlips()
    var timeBankName = Settings().timeBankName
    /// Where paper statements are written; the broker's working folder unless told otherwise.
    let statementFolder: String

    init(statementFolder: String = FileManager.default.currentDirectoryPath) {
        self.statementFolder = statementFolder
    }


    var hasUnsavedInput: Bool { slip.isDirty || group.isDirty }

    var capturesText: Bool { dialog != nil || focused }

    mutating func reload(_ context: ConsoleContext, in body: Rect) {
        reload(context)
        // Another broker's write: the matches shown are read again, the selection kept by id.
        if mode == .find { finder.load(store: context.store, today: facts.today, in: Self.finderTableRect(in: Self.formArea(in: body))) }
    }

    mutating func reload(_ context: ConsoleContext) {
        facts = SlipContext.load(context)
        timeBankName = (try? context.store.settings().timeBankName) ?? timeBankName
        slip.giver.refresh(store: context.store)
        slip.receiver.refresh(store: context.store)
        group.refresh(store: context.store)
        if mode == .statement { statementPanel.load(store: context.store) }
    }

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if let dialog { return dialog.state.acts(on: key) ? answerDialog(key, context) : .ignored }
        guard focused else {
            // At rest, number keys switch screens (the app reads them first); Enter, Tab or a
            // letter goes into the slip, the letter typed as the start of the giver's name.
            switch key {
            case .enter, .tab:
                focused = true
                return .handled
            case .char(let c) where mode == .exchange && c.isLetter:
                focused = true
                return handle(key, context, in: body)
            default: return .ignored
            }
        }
        switch mode {
        case .exchange: return handleSlip(key, context)
        case .group: return handleGroup(key, context)
        case .statement: return handleStatement(key, context, in: body)
        case .closeMonth: return handleClosing(key, context)
        case .find: return handleFind(key, context, in: body)
        }
    }

    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        guard dialog == nil else { return .handled }
        switch action {
        case RecordAction.save:
            focused = true
            switch mode {
            case .exchange: return saveSlip(context)
            case .group: return saveGroup(context)
            case .statement: return askReverse(context)
            case .closeMonth: return askCloseMonth(context)
            case .find: return finder.focus == .reason ? askReverseFound() : chooseFound()
            }
        case RecordAction.single: switchMode(.exchange, context)
        case RecordAction.group: switchMode(.group, context)
        case RecordAction.statement: switchMode(.statement, context)
        case RecordAction.closeMonth:
            switchMode(.closeMonth, context)
            closing.suggest(today: facts.today, closed: facts.closedMonths)
        case RecordAction.find: openFinder(context, in: body)
        case RecordAction.statementFile: return writeStatement(context)
        case RecordAction.leave: return leave()
        case RecordAction.undo: return askUndo()
        default: return .ignored
        }
        return .handled
    }

    mutating func switchMode(_ next: Mode, _ context: ConsoleContext) {
        mode = next
        focused = true
        reload(context)
    }

    /// Esc: out of a sub-mode back to the slip, or out of the form (asking if input would be lost).
    mutating func leave() -> ScreenResponse {
        switch mode {
        case .exchange where slip.isDirty, .group where group.isDirty:
            let what = mode == .group ? "this group activity" : "this slip"
            dialog = .discard(ConfirmDialogState(title: "Discard?", message: "Discard \(what)? What you typed is not saved.",
                                                 buttons: ["Discard", "Keep typing"], defaultButton: 1))
        case .exchange: focused = false
        case .group, .statement, .closeMonth, .find:
            mode = .exchange
            focused = true
        }
        return .handled
    }

    // MARK: keys per mode

    mutating func handleSlip(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if slip.focus == .category {
            // The list of matches has the arrows, Enter, Tab and Esc while it is open.
            switch slip.categoryPicker.handle(key, field: &slip.category, categories: facts.categories) {
            case .tookAndMovesOn:
                slip.noteEdit()
                moveSlip(by: 1)
                return .handled
            case .edited:
                slip.noteEdit()
                return .handled
            case .handled: return .handled
            case .ignored: break
            }
        }
        if key == .escape { return leave() }
        let store = context.store, today = facts.today
        switch slip.focus {
        case .giver, .receiver:
            var picker = slip.focus == .giver ? slip.giver : slip.receiver
            let outcome = picker.handle(key, store: store, today: today)
            if slip.focus == .giver { slip.giver = picker } else { slip.receiver = picker }
            switch outcome {
            case .accepted:
                slip.noteEdit()
                moveSlip(by: 1)
                return .handled
            case .edited:
                slip.noteEdit()
                return .handled
            case .handled: return .handled
            case .ignored: break
            }
        case .duration, .date, .category, .description:
            let outcome = editSlipText(key)
            if outcome == .edited { slip.noteEdit() }
            if outcome != .ignored { return .handled }
        }
        let step: Int
        switch key {
        case .tab, .down: step = 1
        case .backTab, .up: step = -1
        case .enter:
            if slip.focus == .description { return saveSlip(context) }
            step = 1
        default: return .ignored
        }
        if slip.focus == .duration, let n = facts.unitQuestion(slip.duration.text) {
            askUnit(n, then: .move(step))
            return .handled
        }
        moveSlip(by: step)
        return .handled
    }

    /// "13 minutes or 13 hours?": asked as the broker leaves the field or saves, never guessed.
    mutating func askUnit(_ n: Int, then next: RecordDialog.AfterUnit) {
        dialog = .durationUnit(ConfirmDialogState(title: "\(n) minutes or \(n) hours?",
                                                  message: "The slip says \(n). Is that \(n) minutes or \(n) hours?",
                                                  buttons: ["Minutes (\(n)m)", "Hours (\(n)h)"], defaultButton: 0), n, next)
    }

    private mutating func editSlipText(_ key: Key) -> TextFieldOutcome {
        switch slip.focus {
        case .duration: return slip.duration.handle(key)
        case .date: return slip.editDate(key)
        case .category: return .ignored  // handled above, with its list of matches
        case .description: return slip.description.handle(key)
        case .giver, .receiver: return .ignored
        }
    }

    mutating func moveSlip(by step: Int) {
        slip.leave(slip.focus)
        let all = ExchangeSlip.Field.allCases
        slip.focus = all[(slip.focus.rawValue + step + all.count) % all.count]
    }

    mutating func handleGroup(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if group.focus == .category {
            // The list of matches has the arrows, Enter, Tab and Esc while it is open.
            switch group.categoryPicker.handle(key, field: &group.category, categories: facts.categories) {
            case .tookAndMovesOn:
                moveGroup(by: 1)
                return .handled
            case .edited, .handled: return .handled
            case .ignored: break
            }
        }
        if key == .escape { return leave() }
        let store = context.store, today = facts.today
        switch group.focus {
        case .kind:
            if key == .char(" ") || key == .right {
                group.kind = group.kind.next
                return .handled
            }
            if key == .left {
                group.kind = group.kind.previous
                return .handled
            }
        case .lead:
            let outcome = group.lead.handle(key, store: store, today: today)
            if outcome == .accepted { moveGroup(by: 1) }
            if outcome != .ignored { return .handled }
        case .people:
            if key == .backspace, group.adder.isEmpty {
                group.removeLastPerson()
                return .handled
            }
            if key == .pageUp || key == .pageDown {
                group.scrollPeople(by: key == .pageUp ? -3 : 3)
                return .handled
            }
            let wasListing = group.adder.showsList
            let outcome = group.adder.handle(key, store: store, today: today)
            if outcome == .accepted || (key == .enter && !wasListing && group.adder.chosen != nil) {
                if let why = group.addPerson() { return .message(.error(why)) }
                return .handled
            }
            if outcome != .ignored { return .handled }
            if key == .enter, !group.adder.isEmpty { return .message(.error("Nobody matches '\(group.adder.text)'.")) }
        case .duration, .date, .category, .description:
            if editGroupText(key) != .ignored { return .handled }
        }
        switch key {
        case .tab, .down: moveGroup(by: 1)
        case .backTab, .up: moveGroup(by: -1)
        case .enter:
            if group.focus == .description { return saveGroup(context) }
            moveGroup(by: 1)
        default: return .ignored
        }
        return .handled
    }

    private mutating func editGroupText(_ key: Key) -> TextFieldOutcome {
        switch group.focus {
        case .duration: return group.duration.handle(key)
        case .date: return group.date.handle(key)
        case .category: return .ignored  // handled above, with its list of matches
        case .description: return group.description.handle(key)
        case .kind, .lead, .people: return .ignored
        }
    }

    mutating func moveGroup(by step: Int) {
        group.touched.insert(group.focus)
        let all = GroupSlip.Field.allCases
        group.focus = all[(group.focus.rawValue + step + all.count) % all.count]
    }

    mutating func handleStatement(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse {
        if var name = statementPanel.fileName {
            switch key {
            case .escape:
                statementPanel.fileName = nil
                return .message(.info("Not written."))
            case .enter: return writeStatement(context)
            default:
                _ = name.handle(key)
                statementPanel.fileName = name
                return .handled
            }
        }
        if key == .escape { return leave() }
        let order: [StatementPanel.Focus] = [.account, .lines, .reason]
        let index = order.firstIndex(of: statementPanel.focus) ?? 0
        switch statementPanel.focus {
        case .account:
            let outcome = statementPanel.account.handle(key, store: context.store, today: facts.today)
            if outcome == .accepted || ((outcome == .edited || key == .enter) && statementPanel.account.chosen != nil) {
                statementPanel.load(store: context.store)
                if outcome == .accepted || key == .enter { statementPanel.focus = .lines }
                return .handled
            }
            if outcome != .ignored { return .handled }
        case .lines:
            if statementPanel.stepPeriod(key, today: facts.today) {
                statementPanel.load(store: context.store)
                return .handled
            }
            switch statementPanel.table.handle(key, in: Self.statementTableRect(in: Self.formArea(in: body))) {
            case .activated:
                statementPanel.focus = .reason
                return .handled
            case .ignored: break
            default: return .handled
            }
        case .reason:
            if key == .enter { return askReverse(context) }
            if statementPanel.reason.handle(key) != .ignored { return .handled }
        }
        switch key {
        case .tab: statementPanel.focus = order[(index + 1) % order.count]
        case .backTab: statementPanel.focus = order[(index + order.count - 1) % order.count]
        default: return .ignored
        }
        return .handled
    }

    /// The current mode's part of the body, under the row of modes.
    static func formArea(in body: Rect) -> Rect { body.inset(top: 2) }

    /// The statement's entries: all the height left by the account line, the help line, and the
    /// reason with its line about the entry (13 rows at 80x24).
    static func statementTableRect(in area: Rect) -> Rect {
        Rect(row: area.row + 2, column: area.column + 1, width: area.width - 2, height: area.height - 5)
    }

    mutating func handleClosing(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        if key == .escape { return leave() }
        if key == .enter { return askCloseMonth(context) }
        return closing.month.handle(key) == .ignored ? .ignored : .handled
    }
}
