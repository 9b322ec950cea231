/// What a key did to a modal dialog. A modal dialog consumes every key.
public enum DialogOutcome: Hashable, Sendable {
    /// Consumed (moved between buttons, or a key with no meaning here).
    case handled
    /// A button was chosen, by index into `buttons`.
    case chosen(Int)
    /// Esc: the broker backed out.
    case cancelled
}

/// A modal question with buttons, e.g. "Record 30 hours? [Yes] No".
public struct ConfirmDialogState: Sendable, Equatable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public private(set) var selectedButton: Int

    /// `defaultButton` is where Enter lands; make it "No" for destructive questions.
    public init(title: String, message: String, buttons: [String] = ["Yes", "No"], defaultButton: Int = 0) {
        self.title = title
        self.message = message
        self.buttons = buttons.isEmpty ? ["OK"] : buttons
        self.selectedButton = min(max(0, defaultButton), self.buttons.count - 1)
    }

    /// Whether the dialog has a use for `key`: the keys that choose, move and cancel, and typed
    /// characters (a button's first letter; others are swallowed so nothing types underneath).
    /// Others (F1 help, F10 the menu, Ctrl-C) are left to the console.
    public func acts(on key: Key) -> Bool {
        switch key {
        case .escape, .enter, .left, .right, .tab, .backTab, .char: return true
        default: return false
        }
    }

    /// Enter chooses the selected button; a button's first letter (y, n)
    /// chooses it directly; Left/Right/Tab move; Esc cancels.
    public mutating func handle(_ key: Key) -> DialogOutcome {
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            return .chosen(selectedButton)
        case .left, .backTab:
            selectedButton = (selectedButton + buttons.count - 1) % buttons.count
        case .right, .tab:
            selectedButton = (selectedButton + 1) % buttons.count
        case .char(let character):
            let typed = character.lowercased()
            if let index = buttons.firstIndex(where: { $0.first.map { $0.lowercased() == typed } ?? false }) {
                return .chosen(index)
            }
        default:
            break
        }
        return .handled
    }
}

/// What a key did to a `Confirmation`.
public enum ConfirmationAnswer<Subject: Sendable & Equatable>: Sendable, Equatable {
    /// Still asking.
    case waiting
    /// Not a key of the dialog (see `ConfirmDialogState.acts(on:)`): the console's keys still work.
    case ignored
    /// The first button: do it.
    case yes(Subject)
    /// Another button, or Esc: leave things as they are.
    case no(Subject)
}

/// A confirm dialog together with what it asks about: the one way a screen waits for a yes or
/// a no before it discards, closes or saves something.
public struct Confirmation<Subject: Sendable & Equatable>: Sendable, Equatable {
    public private(set) var dialog: ConfirmDialogState
    public let subject: Subject

    /// The first button means yes; `defaultButton` is where Enter lands (make it "No" for destructive questions).
    public init(_ subject: Subject, title: String, message: String, buttons: [String] = ["Yes", "No"], defaultButton: Int = 0) {
        self.subject = subject
        dialog = ConfirmDialogState(title: title, message: message, buttons: buttons, defaultButton: defaultButton)
    }

    /// A question already worded (e.g. by a form that found a possible duplicate).
    public init(_ subject: Subject, dialog: ConfirmDialogState) {
        self.subject = subject
        self.dialog = dialog
    }

    public mutating func answer(_ key: Key) -> ConfirmationAnswer<Subject> {
        guard dialog.acts(on: key) else { return .ignored }
        switch dialog.handle(key) {
        case .handled: return .waiting
        case .chosen(0): return .yes(subject)
        case .chosen, .cancelled: return .no(subject)
        }
    }
}

/// Draws a ConfirmDialogState centred over whatever the frame already holds.
public enum ConfirmDialog {
    public static let selectedButtonStyle = Style(bold: true, reverse: true, role: .focus)

    public static func render(_ state: ConfirmDialogState, into frame: inout Frame) {
        let screen = frame.bounds
        let buttonLabels = labels(state)
        let buttonsWidth = buttonLabels.reduce(0) { $0 + $1.displayWidth } + 2 * (buttonLabels.count - 1)
        let width = min(screen.width, max(40, buttonsWidth + 4, state.title.displayWidth + 6))
        let maxMessageLines = max(1, screen.height - 5)
        var message = TextWrap.wrap(state.message, width: max(1, width - 4))
        if message.count > maxMessageLines {
            message = Array(message.prefix(maxMessageLines))
            message[message.count - 1] = TextMeasure.truncate(message[message.count - 1] + " …", toWidth: width - 4)
        }
        let box = screen.centered(width: width, height: message.count + 5)
        let inner = frame.box(box, title: state.title)
        for (offset, line) in message.enumerated() {
            frame.put(line, row: inner.row + 1 + offset, column: inner.column + 1, maxWidth: inner.width - 2)
        }
        let buttonRow = inner.maxRow - 1
        var column = inner.column + max(0, (inner.width - buttonsWidth) / 2)
        for (index, label) in buttonLabels.enumerated() {
            let isSelected = index == state.selectedButton
            if isSelected { frame.cursor = Position(row: buttonRow, column: column) }
            column += frame.put(label, row: buttonRow, column: column, maxWidth: inner.maxColumn - column, style: isSelected ? selectedButtonStyle : .plain)
            column += 2
        }
    }

    /// "[Yes]" for the selected button and " No " for the others, so the
    /// choice shows even without reverse video.
    static func labels(_ state: ConfirmDialogState) -> [String] {
        state.buttons.enumerated().map { index, title in
            index == state.selectedButton ? "[\(title)]" : " \(title) "
        }
    }
}
