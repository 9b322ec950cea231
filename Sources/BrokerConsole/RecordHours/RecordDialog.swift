import Foundation
import TerminalUI
import TimeBank

/// A question the screen is waiting on, with what to do when the answer is yes.
enum RecordDialog: Equatable, Sendable {
    case creditLimit(ConfirmDialogState, ExchangeRequest)
    case discard(ConfirmDialogState)
    case group(ConfirmDialogState, [ExchangeRequest])
    case reverse(ConfirmDialogState, UUID)
    case closeMonth(ConfirmDialogState, String)
    case durationUnit(ConfirmDialogState, Int, AfterUnit)
    case duplicate(ConfirmDialogState, ExchangeRequest)
    case undo(ConfirmDialogState, UUID)

    /// What the slip does once the broker has said which unit a bare number meant.
    enum AfterUnit: Equatable, Sendable {
        case move(Int)
        case save
    }

    var state: ConfirmDialogState {
        get {
            switch self {
            case .creditLimit(let s, _), .discard(let s), .group(let s, _), .reverse(let s, _), .closeMonth(let s, _),
                 .durationUnit(let s, _, _), .duplicate(let s, _), .undo(let s, _): return s
            }
        }
        set {
            switch self {
            case .creditLimit(_, let r): self = .creditLimit(newValue, r)
            case .discard: self = .discard(newValue)
            case .group(_, let r): self = .group(newValue, r)
            case .reverse(_, let id): self = .reverse(newValue, id)
            case .closeMonth(_, let m): self = .closeMonth(newValue, m)
            case .durationUnit(_, let n, let next): self = .durationUnit(newValue, n, next)
            case .duplicate(_, let r): self = .duplicate(newValue, r)
            case .undo(_, let id): self = .undo(newValue, id)
            }
        }
    }
}

extension RecordDialog {
    /// The one question before a reversal, from the statement or from "Find an exchange":
    /// who gave whom how long on which day, and the reason that will be written.
    static func reverse(_ e: Exchange, giver: String, receiver: String, reason: String, title: String) -> RecordDialog {
        .reverse(ConfirmDialogState(
            title: title,
            message: "\(e.date.british): \(giver) gave \(receiver) \(MinutesFormat.clock(e.minutes)). A new entry dated today "
                + "takes it back, linked to this one. Reason: \(reason)",
            buttons: ["Yes, reverse", "No"], defaultButton: 1), e.id)
    }
}
