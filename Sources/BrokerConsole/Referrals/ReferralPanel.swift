import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// One referral opened to move it on: its history (each step dated, signed, with its note), the
/// steps it may take next or a note alone, and the note and date of the step about to be taken.
/// ↑↓ choose the step, Tab moves between Note and Date, Enter takes it.
struct ReferralPanel: Equatable, Sendable {
    enum Outcome: Equatable {
        /// Not a key of the panel (a function key): the console's global keys still work.
        case ignored
        case handled
        case close
        case move(Step)
    }

    /// What the broker asked for: a next status, or (nil) a note that leaves the referral where it is.
    struct Step: Equatable, Sendable {
        var status: ReferralStatus?
        var note: String
        /// As typed; empty is today.
        var date: String
    }

    var row: ReferralRow
    var steps: [ReferralStep]
    var choice = 0
    var note = TextFieldState(maxLength: 300, placeholder: "optional note")
    /// Set when a refresh found the referral moved by another broker: said before Enter acts.
    var changedUnderneath: String?
    var date = TextFieldState(maxLength: 20, placeholder: "today (or -2, 27/11)")
    var editingDate = false

    /// The statuses on offer, then "note only" (index `options.count`).
    var choiceCount: Int { options.count + 1 }

    /// The next steps; a referral done without hours (from before done was written with its
    /// hours) offers done again, which opens Record hours for its slip.
    var options: [ReferralStatus] {
        row.referral.status == .done && !row.hasHours ? [.done] : row.referral.status.next
    }

    static func load(_ id: Int, store: Store) -> ReferralPanel? {
        guard let row = try? store.referralRow(id) else { return nil }
        return ReferralPanel(row: row, steps: (try? store.referralSteps(id)) ?? [])
    }

    /// This panel brought up to date from `fresh`, keeping the broker's choice by what it is (the
    /// status, never its row: a refresh must not turn "agreed" into "declined") and the note. If
    /// the referral moved meanwhile, the panel says so and the next Enter only acknowledges it.
    func refreshed(from fresh: ReferralPanel) -> ReferralPanel {
        var kept = fresh
        kept.note = note
        kept.date = date
        kept.editingDate = editingDate
        kept.changedUnderneath = changedUnderneath
        // The same step by identity; "note only" (past the statuses) stays "note only".
        let chosen = options.indices.contains(choice) ? options[choice] : nil
        kept.choice = chosen.flatMap { fresh.options.firstIndex(of: $0) } ?? (choice >= options.count ? fresh.options.count : 0)
        if fresh.row.referral.version != row.referral.version {
            let moved = fresh.row.referral
            kept.changedUnderneath = "\(moved.broker) moved this referral to \(moved.status.rawValue) meanwhile; check the step, then Enter."
        }
        return kept
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .close
        case .up: choice = (choice + choiceCount - 1) % choiceCount
        case .down: choice = (choice + 1) % choiceCount
        case .tab, .backTab: editingDate.toggle()
        case .enter:
            if changedUnderneath != nil {
                changedUnderneath = nil
                return .handled
            }
            let status = options.indices.contains(choice) ? options[choice] : nil
            return .move(Step(status: status, note: note.text.trimmingCharacters(in: .whitespaces), date: date.text))
        default:
            let used = editingDate ? date.handle(key) : note.handle(key)
            if used == .ignored { return .ignored }
        }
        return .handled
    }

    /// Drawn as a box over the lower part of `rect`; the note field holds the cursor.
    func render(into frame: inout Frame, in rect: Rect) {
        let history = Array(steps.suffix(4))
        let height = min(rect.height, 9 + history.count + choiceCount)
        let box = Rect(row: rect.maxRow - height, column: rect.column, width: rect.width, height: height)
        let inner = frame.box(box, title: "Referral \(row.id) · \(row.referral.status.rawValue)")
        var line = inner.row
        let width = inner.width - 2
        let column = inner.column + 1
        let offer = row.offerTitle.map { " · offer “\($0)”" } ?? ""
        frame.put("\(row.helperName) (\(row.referral.helper)) → \(row.receiverName) (\(row.receiver)): \(row.needTitle) · \(row.categoryName)\(offer)",
                  row: line, column: column, maxWidth: width, style: .bold)
        line += 1
        // Both phones, so the broker can ring from here.
        frame.put("\(row.helperName): \(row.helperContact.line)", row: line, column: column, maxWidth: width)
        frame.put("\(row.receiverName): \(row.receiverContact.line)", row: line + 1, column: column, maxWidth: width)
        line += 2
        for step in history {
            let note = step.note.isEmpty ? "" : " · \(step.note)"
            frame.put("\(ReferralText.date(step.at))  \(step.status.rawValue) by \(step.broker)\(note)", row: line, column: column, maxWidth: width)
            line += 1
        }
        if options.isEmpty {
            frame.put("This referral is \(row.referral.status.rawValue) and cannot move on; a note can still be added.", row: line,
                      column: column, maxWidth: width, style: .muted)
            line += 1
        }
        frame.put(options.isEmpty ? "Add (↑↓):" : "Move to (↑↓):", row: line, column: column, maxWidth: width, style: .bold)
        let labels = options.map(ReferralText.choiceLabel) + ["note only (stays \(row.referral.status.rawValue))"]
        for (i, label) in labels.enumerated() {
            let chosen = i == choice
            frame.put((chosen ? "› " : "  ") + label, row: line + i, column: column + 15, maxWidth: width - 15,
                      style: chosen ? Style(bold: true, reverse: true, role: .focus) : .plain)
        }
        line += labels.count
        frame.put("Note", row: line, column: column, style: .bold)
        TextFieldView.render(note, into: &frame, at: Rect(row: line, column: column + 15, width: width - 15, height: 1), focused: !editingDate)
        frame.put("Date", row: line + 1, column: column, style: .bold)
        TextFieldView.render(date, into: &frame, at: Rect(row: line + 1, column: column + 15, width: 22, height: 1), focused: editingDate)
        if let changedUnderneath {
            frame.put("! " + changedUnderneath, row: line + 2, column: column, maxWidth: width, style: .warning)
        } else {
            frame.put("Enter takes the step, signed by you · Tab: note/date · Esc closes", row: line + 2, column: column, maxWidth: width,
                      style: .muted)
        }
    }
}
