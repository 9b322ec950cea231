import Foundation
import TerminalUI
import TimeBank
import TimeBankStore
import Printouts

/// Saving: every write goes through the store, which enforces the ledger's rules; the screen
/// only asks the broker's questions first and turns the answers into message-line sentences.
extension RecordHoursScreen {
    mutating func saveSlip(_ context: ConsoleContext) -> ScreenResponse {
        if !slip.isDirty, let last = lastSaved { return resubmit(last, context) }
        if let n = facts.unitQuestion(slip.duration.text) {
            slip.focus = .duration
            askUnit(n, then: .save)
            return .handled
        }
        guard let request = slip.request(facts) else {
            slip.focus = slip.firstProblem(facts) ?? slip.focus
            return .message(.error("Not saved: the slip is not complete; see the fields marked !."))
        }
        do {
            if let twin = try context.store.duplicate(of: request) {
                dialog = .duplicate(ConfirmDialogState(title: "Already recorded?", message: twin.sentence() + " — record again?",
                                                       buttons: ["Yes, record again", "No"], defaultButton: 1), request)
                return .handled
            }
            return askCreditLimit(request, context)
        } catch {
            return .message(.error(describe(error, context)))
        }
    }

    /// The second question before a slip is recorded: past the credit limit?
    mutating func askCreditLimit(_ request: ExchangeRequest, _ context: ConsoleContext) -> ScreenResponse {
        do {
            if let warning = try context.store.creditWarning(for: request) {
                dialog = .creditLimit(ConfirmDialogState(
                    title: "Past the credit limit",
                    message: SlipPreview.creditQuestion(warning),
                    buttons: ["Yes, record it", "No"], defaultButton: 1), request)
                return .handled
            }
        } catch {
            return .message(.error(describe(error, context)))
        }
        return commit(request, acceptCreditLimit: false, context)
    }

    mutating func commit(_ request: ExchangeRequest, acceptCreditLimit: Bool, _ context: ConsoleContext) -> ScreenResponse {
        let summary = slipSummary(request)
        do {
            let outcome = try context.store.record(request, by: context.broker, acceptCreditLimit: acceptCreditLimit,
                                                   today: facts.today, referralNote: slip.referralNote)
            lastSaved = (request, summary)
            if case .recorded(let e) = outcome { session.add(e.id, summary: slipSummary(request, short: true), at: e.recordedAt) }
            slip = slip.cleared()
            reload(context)
            if case .alreadyRecorded = outcome { return .message(.info("Already recorded: \(summary).")) }
            let done = request.referral.map { "; referral \($0) is done" } ?? ""
            return .message(.success("Recorded: \(summary)\(done)."))
        } catch StoreError.creditLimit(let warning) {
            // Another broker's entry moved the balance since the check: ask now.
            dialog = .creditLimit(ConfirmDialogState(title: "Past the credit limit", message: SlipPreview.creditQuestion(warning),
                                                     buttons: ["Yes, record it", "No"], defaultButton: 1), request)
            return .handled
        } catch {
            reload(context)
            return .message(.error("Not saved: " + describe(error, context)))
        }
    }

    /// The same slip again: the store recognises its id and records nothing.
    mutating func resubmit(_ last: (request: ExchangeRequest, summary: String), _ context: ConsoleContext) -> ScreenResponse {
        do {
            _ = try context.store.record(last.request, by: context.broker, acceptCreditLimit: true)
            return .message(.info("Already recorded: \(last.summary)."))
        } catch {
            return .message(.error(describe(error, context)))
        }
    }

    /// "Ann Lee gave Bob Marsh 1:30 on 28/11/2026"; short, "on 28/11", where a row is narrow.
    func slipSummary(_ r: ExchangeRequest, short: Bool = false) -> String {
        let giver = slip.giver.chosen?.name ?? r.giver.description
        let receiver = slip.receiver.chosen?.name ?? r.receiver.description
        let day = short ? String(r.date.british.prefix(5)) : r.date.british
        return "\(giver) gave \(receiver) \(MinutesFormat.clock(r.minutes)) on \(day)"
    }

    /// A store error as one sentence; a closed month also says which months are open.
    func describe(_ error: Error, _ context: ConsoleContext) -> String {
        if case StoreError.ledger(.closedMonth(let month, _)) = error {
            let closed = (try? context.store.closedMonths()) ?? facts.closedMonths
            if CalendarDate(iso: month + "-01") != nil { return OpenMonths.refusal(month: month, closed: closed) }
            return "That month is closed; \(OpenMonths.describe(closed: closed))."
        }
        return String(describing: error)
    }

    // MARK: group activity

    mutating func saveGroup(_ context: ConsoleContext) -> ScreenResponse {
        guard let requests = group.requests(facts), let first = requests.first else {
            group.focus = group.firstProblem(facts) ?? group.focus
            return .message(.error("Not saved: the group activity is not complete; see the fields marked !."))
        }
        if (try? context.store.exchange(id: first.id)) != nil {
            return .message(.info("Already recorded: this group activity was saved before."))
        }
        let warnings = requests.compactMap { try? context.store.creditWarning(for: $0) }
        let total = requests.reduce(0) { $0 + $1.minutes }
        var message = GroupSlip.entriesSentence(entries: requests.count, participants: group.people.count, kind: group.kind)
            + " moving \(MinutesFormat.clock(total)) in all, together as one group activity (all or nothing)?"
        if let summary = group.preview(facts)?.summary { message = summary + ". " + message }
        if !warnings.isEmpty {
            message += " Past the credit limit: " + warnings.map { "\($0.name) to \(SlipFormat.clock($0.balanceAfter))" }.joined(separator: ", ") + "."
        }
        dialog = .group(ConfirmDialogState(title: "Record group activity", message: message, buttons: ["Yes, record", "No"],
                                           defaultButton: warnings.isEmpty ? 0 : 1), requests)
        return .handled
    }

    mutating func commitGroup(_ requests: [ExchangeRequest], _ context: ConsoleContext) -> ScreenResponse {
        do {
            let saved = try context.store.recordGroup(requests, by: context.broker, acceptCreditLimit: true, today: facts.today)
            let summary = group.preview(facts)?.summary ?? "\(saved.count) entries"
            group = group.cleared()
            reload(context)
            return .message(.success("Recorded group activity: \(summary) (\(saved.count) entries)."))
        } catch {
            reload(context)
            return .message(.error("Nothing recorded: " + describe(error, context)))
        }
    }

    // MARK: undo

    /// F8 then y: the last slip of this session is taken back by a reversal dated today.
    mutating func askUndo() -> ScreenResponse {
        guard let last = session.lastStanding else { return .message(.error("No slip recorded in this session to undo.")) }
        dialog = .undo(ConfirmDialogState(title: "Undo the last slip?",
                                          message: "\(last.summary). A reversal dated today takes it back, linked to it.",
                                          buttons: ["Yes, undo it", "No"], defaultButton: 1), last.id)
        return .handled
    }

    mutating func commitUndo(_ id: UUID, _ context: ConsoleContext) -> ScreenResponse {
        do {
            _ = try context.store.reverse(id, reason: "Undone at the desk: typed in error", date: facts.today, by: context.broker)
            let summary = session.slips.first { $0.id == id }?.summary ?? "the slip"
            session.markUndone(id)
            if lastSaved?.request.id == id { lastSaved = nil }
            reload(context)
            return .message(.success("Undone: \(summary); a reversal takes it back."))
        } catch {
            return .message(.error("Not undone: " + describe(error, context)))
        }
    }

    // MARK: reversal

    mutating func askReverse(_ context: ConsoleContext) -> ScreenResponse {
        guard let line = statementPanel.selectedLine else {
            return .message(.error("Pick an account and an entry first (type a number or name, Enter, then ↑↓)."))
        }
        if let why = statementPanel.refusal(for: line) { return .message(.error(why)) }
        let reason = statementPanel.reason.text.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            statementPanel.focus = .reason
            return .message(.error("Give a reason for the reversal in the Reason field."))
        }
        let e = line.exchange
        let giver = e.giver == statementPanel.statement?.account ? statementPanel.statement?.name ?? "" : line.partnerName
        let receiver = e.receiver == statementPanel.statement?.account ? statementPanel.statement?.name ?? "" : line.partnerName
        dialog = .reverse(e, giver: giver, receiver: receiver, reason: reason, title: "Reverse this entry?")
        return .handled
    }

    mutating func commitReverse(_ id: UUID, _ context: ConsoleContext) -> ScreenResponse {
        if mode == .find { return commitReverseFound(id, context) }
        let reversalID = statementPanel.newReversalID()
        do {
            let entry = try context.store.reverse(id, reason: statementPanel.reason.text, date: facts.today, by: context.broker,
                                                  reversalID: reversalID)
            statementPanel.reversed()
            statementPanel.load(store: context.store)
            reload(context)
            return .message(.success("Reversed \(statementPanel.short(id)) with entry \(statementPanel.short(entry.id)); both are linked in statements."))
        } catch {
            return .message(.error("Not reversed: " + describe(error, context)))
        }
    }

    mutating func writeStatement(_ context: ConsoleContext) -> ScreenResponse {
        guard mode == .statement, let s = statementPanel.statement else {
            return .message(.error("Open a statement first: F4, then type a member number or name."))
        }
        guard let name = statementPanel.fileName?.text else {
            // First F7: ask for the name, offering one; Enter (or F7 again) writes, Esc cancels.
            var field = TextFieldState(text: StatementPaper.defaultName(s, printed: facts.today, folder: statementFolder), maxLength: 250)
            field.caret = field.text.count
            statementPanel.fileName = field
            focused = true
            return .message(.info("Write the statement as this file in \(statementFolder)? Enter writes it, Esc cancels."))
        }
        do {
            let path = try StatementPaper.write(s, timeBank: timeBankName, printed: facts.today, folder: statementFolder, name: name)
            statementPanel.fileName = nil
            // The file name first: a long folder may not fit on the message line.
            let url = URL(fileURLWithPath: path)
            return .message(.success("Statement written: \(url.lastPathComponent) in \(url.deletingLastPathComponent().path)"))
        } catch {
            return .message(.error(String(describing: error)))
        }
    }

    // MARK: closing a month

    mutating func askCloseMonth(_ context: ConsoleContext) -> ScreenResponse {
        guard context.broker.role.isAdmin else { return .message(.error(StoreError.adminOnly(action: "close a month").description)) }
        switch closing.target(today: facts.today, closed: facts.closedMonths) {
        case .failure(let why): return .message(.error(why.text))
        case .success(let month):
            dialog = .closeMonth(ConfirmDialogState(
                title: "Close \(SlipFormat.monthName(month))?",
                message: "No entry or reversal dated in \(SlipFormat.monthName(month)) can be added after this, ever. Close it?",
                buttons: ["Close it", "No"], defaultButton: 1), month)
            return .handled
        }
    }

    mutating func commitCloseMonth(_ month: String, _ context: ConsoleContext) -> ScreenResponse {
        do {
            try context.store.closeMonth(month, by: context.broker, today: facts.today)
            closing.month.text = ""
            reload(context)
            return .message(.success("\(SlipFormat.monthName(month)) is closed; \(OpenMonths.describe(closed: facts.closedMonths))."))
        } catch {
            return .message(.error(describe(error, context)))
        }
    }

    // MARK: answers

    mutating func answerDialog(_ key: Key, _ context: ConsoleContext) -> ScreenResponse {
        guard var current = dialog else { return .ignored }
        var state = current.state
        let outcome = state.handle(key)
        current.state = state
        switch outcome {
        case .handled:
            dialog = current
            return .handled
        case .cancelled, .chosen:
            dialog = nil
            let yes = outcome == .chosen(0)
            switch current {
            case .creditLimit(_, let request):
                return yes ? commit(request, acceptCreditLimit: true, context) : .message(.info("Not recorded; the slip is still here to change."))
            case .discard:
                guard yes else { return .handled }
                let referral = (mode == .exchange ? slip.referral : nil).map { " Referral \($0) stays agreed until its hours are recorded." } ?? ""
                if mode == .group {
                    group = group.cleared()
                    mode = .exchange
                } else {
                    slip = slip.cleared()
                    focused = false
                }
                return .message(.info("Discarded." + referral))
            case .group(_, let requests):
                return yes ? commitGroup(requests, context) : .message(.info("Nothing recorded; the group activity is still here."))
            case .reverse(_, let id):
                return yes ? commitReverse(id, context) : .message(.info("Not reversed."))
            case .closeMonth(_, let month):
                return yes ? commitCloseMonth(month, context) : .message(.info("\(SlipFormat.monthName(month)) stays open."))
            case .durationUnit(_, let n, let next):
                guard case .chosen(let choice) = outcome else { return .message(.info("Write \(n)m or \(n)h in Duration.")) }
                slip.duration.text = "\(n)" + (choice == 0 ? "m" : "h")
                slip.duration.caret = slip.duration.text.count
                slip.noteEdit()
                switch next {
                case .move(let step):
                    moveSlip(by: step)
                    return .handled
                case .save: return saveSlip(context)
                }
            case .undo(_, let id):
                return yes ? commitUndo(id, context) : .message(.info("Nothing undone."))
            case .duplicate(_, let request):
                return yes ? askCreditLimit(request, context) : .message(.info("Not recorded again; the slip is still here to change."))
            }
        }
    }
}
