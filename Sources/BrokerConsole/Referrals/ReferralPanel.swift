import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// One referral opened to move it on: its history (each step dated, signed, with its note), the
/// steps it may take next, and a note for the step about to be taken. The note field has the
/// keys, so ↑↓ choose the step and Enter takes it.
struct ReferralPanel: Equatable, Sendable {
    enum Outcome: Equatable {
        /// Not a key of the panel (a function key): the console's global keys still work.
        case ignored
        case handled
        case close
        case move(ReferralStatus, note: String)
    }

    var row: ReferralRow
    var steps: [ReferralStep]
    var choice = 0
    var note = TextFieldState(maxLength: 300, placeholder: "optional note")
    /// Set when a refresh found the referral moved by another broker: said before Enter acts.
    var changedUnderneath: String?

    var options: [ReferralStatus] { row.referral.status.next }

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
        kept.changedUnderneath = changedUnderneath
        let chosen = options.indices.contains(choice) ? options[choice] : nil
        kept.choice = chosen.flatMap { fresh.options.firstIndex(of: $0) } ?? 0
        if fresh.row.referral.version != row.referral.version {
            let moved = fresh.row.referral
            kept.changedUnderneath = "\(moved.broker) moved this referral to \(moved.status.rawValue) meanwhile; check the step, then Enter."
        }
        return kept
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .close
        case .up, .backTab:
            if !options.isEmpty { choice = (choice + options.count - 1) % options.count }
        case .down, .tab:
            if !options.isEmpty { choice = (choice + 1) % options.count }
        case .enter:
            if changedUnderneath != nil {
                changedUnderneath = nil
                return .handled
            }
            guard options.indices.contains(choice) else { return .close }
            return .move(options[choice], note: note.text.trimmingCharacters(in: .whitespaces))
        default:
            if note.handle(key) == .ignored { return .ignored }
        }
        return .handled
    }

    /// Drawn as a box over the lower part of `rect`; the note field holds the cursor.
    func render(into frame: inout Frame, in rect: Rect) {
        let history = Array(steps.suffix(4))
        let height = min(rect.height, 6 + history.count + max(1, options.count))
        let box = Rect(row: rect.maxRow - height, column: rect.column, width: rect.width, height: height)
        let inner = frame.box(box, title: "Referral \(row.id) · \(row.referral.status.rawValue)")
        var line = inner.row
        let width = inner.width - 2
        let column = inner.column + 1
        let offer = row.offerTitle.map { " · offer “\($0)”" } ?? ""
        frame.put("\(row.helperName) (\(row.referral.helper)) → \(row.receiverName) (\(row.receiver)): \(row.needTitle) · \(row.categoryName)\(offer)",
                  row: line, column: column, maxWidth: width, style: .bold)
        line += 1
        for step in history {
            let note = step.note.isEmpty ? "" : " · \(step.note)"
            frame.put("\(ReferralText.date(step.at))  \(step.status.rawValue) by \(step.broker)\(note)", row: line, column: column, maxWidth: width)
            line += 1
        }
        if options.isEmpty {
            frame.put("This referral is \(row.referral.status.rawValue) and cannot move on. Esc closes.", row: line + 1, column: column,
                      maxWidth: width, style: .muted)
            return
        }
        frame.put("Move to (↑↓):", row: line, column: column, maxWidth: width, style: .bold)
        for (i, status) in options.enumerated() {
            let chosen = i == choice
            frame.put((chosen ? "› " : "  ") + ReferralText.choiceLabel(status), row: line + i, column: column + 15, maxWidth: width - 15,
                      style: chosen ? Style(bold: true, reverse: true, role: .focus) : .plain)
        }
        line += options.count
        frame.put("Note", row: line, column: column, style: .bold)
        TextFieldView.render(note, into: &frame, at: Rect(row: line, column: column + 15, width: width - 15, height: 1), focused: true)
        if let changedUnderneath {
            frame.put("! " + changedUnderneath, row: line + 1, column: column, maxWidth: width, style: .warning)
        } else {
            frame.put("Enter moves it, dated and signed by you · Esc closes", row: line + 1, column: column, maxWidth: width, style: .muted)
        }
    }
}
