import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// One referral opened to move it on: its history (each step dated, signed, with its note), the
/// steps it may take next, and a note for the step about to be taken. The note field has the
/// keys, so ↑↓ choose the step and Enter takes it.
struct ReferralPanel: Equatable, Sendable {
    enum Outcome: Equatable {
        case handled
        case close
        case move(ReferralStatus, note: String)
    }

    var row: ReferralRow
    var steps: [ReferralStep]
    var choice = 0
    var note = TextFieldState(maxLength: 300, placeholder: "optional note")

    /// The next steps; a referral done without hours (from before done was written with its
    /// hours) offers done again, which opens Record hours for its slip.
    var options: [ReferralStatus] {
        row.referral.status == .done && !row.hasHours ? [.done] : row.referral.status.next
    }

    static func load(_ id: Int, store: Store) -> ReferralPanel? {
        guard let row = try? store.referralRow(id) else { return nil }
        return ReferralPanel(row: row, steps: (try? store.referralSteps(id)) ?? [])
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .close
        case .up, .backTab:
            if !options.isEmpty { choice = (choice + options.count - 1) % options.count }
        case .down, .tab:
            if !options.isEmpty { choice = (choice + 1) % options.count }
        case .enter:
            guard options.indices.contains(choice) else { return .close }
            return .move(options[choice], note: note.text.trimmingCharacters(in: .whitespaces))
        default:
            _ = note.handle(key)
        }
        return .handled
    }

    /// Drawn as a box over the lower part of `rect`; the note field holds the cursor.
    func render(into frame: inout Frame, in rect: Rect) {
        let history = Array(steps.suffix(4))
        let height = min(rect.height, 8 + history.count + max(1, options.count))
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
        frame.put("Enter moves it, dated and signed by you · Esc closes", row: line + 1, column: column, maxWidth: width, style: .muted)
    }
}
