import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The sign-in and lock screen: keyboard only (letters, digits, Enter, Tab, Esc, Backspace),
/// legible at 80x24 without colour, and showing nothing about any member.
struct SignInScreen {
    enum Mode: Equatable {
        /// The console is in use.
        case open
        /// Nobody is signed in (a shared login's start).
        case signIn
        /// Someone is signed in and the console is locked.
        case locked
        /// This broker chooses a PIN (first start, or one an admin set).
        case choosePin(Broker)
    }

    enum Focus { case username, pin }

    enum Result {
        case none
        case quit
        case signIn(username: String, pin: PinSecret)
        case newPin(PinSecret, PinSecret)
    }

    struct Choice: Equatable {
        var username: String
        var name: String
    }

    let timeBank: String
    var mode: Mode
    var brokers: [Choice] = []
    var username = ""
    var pin = PinField()
    var firstPin: PinSecret?
    var focus: Focus = .username
    var message: String?
    /// On the lock screen, Tab lets another broker sign in instead.
    var switching = false

    init(timeBank: String, mode: Mode, brokers: [Choice] = []) {
        self.timeBank = timeBank
        self.mode = mode
        self.brokers = brokers
        focus = mode == .signIn ? .username : .pin
    }

    /// Up to nine brokers who can sign in, to pick by number.
    static func pickList(_ store: Store) throws -> [Choice] {
        try store.signInStates().filter { $0.broker.active && $0.hasPin }.prefix(9)
            .map { Choice(username: $0.broker.username, name: $0.broker.displayName) }
    }

    /// Empties the fields; after a wrong PIN (`keepUsername`) the username stays and the PIN is asked again.
    mutating func reset(message: String?, keepUsername: Bool = false) {
        self.message = message
        pin.clear()
        firstPin = nil
        if keepUsername, asksUsername, !username.isEmpty {
            focus = .pin
            return
        }
        switching = false
        username = ""
        focus = mode == .signIn ? .username : .pin
    }

    /// Who is typing a username: the sign-in screen, or the lock screen after Tab.
    var asksUsername: Bool { mode == .signIn || (mode == .locked && switching) }

    mutating func handle(_ key: Key, shared: Bool) -> Result {
        if key == .ctrl("c") { return .quit }
        if case .choosePin = mode { return choosing(key) }
        if key == .tab, mode == .locked, shared {
            switching.toggle()
            username = ""
            pin.clear()
            focus = switching ? .username : .pin
            message = nil
            return .none
        }
        if asksUsername, focus == .username {
            switch key {
            case .char(let c) where username.count < 32:
                username.append(c)
            case .backspace:
                if !username.isEmpty { username.removeLast() }
            case .enter, .tab:
                if !brokers.contains(where: { $0.username == username }), let n = Int(username), (1...brokers.count).contains(n) {
                    username = brokers[n - 1].username
                }
                guard !username.isEmpty else { message = "Type your username, or the number beside it."; return .none }
                focus = .pin
                message = nil
            default: break
            }
            return .none
        }
        switch key {
        case .enter:
            guard !pin.isEmpty else { return .none }
            let who = asksUsername ? username : lockedUsername
            return .signIn(username: who, pin: pin.take())
        case .escape where asksUsername:
            pin.clear()
            focus = .username
        default:
            _ = pin.handle(key)
        }
        return .none
    }

    /// Set by the console when it locks: who must unlock.
    var lockedUsername = ""

    mutating func choosing(_ key: Key) -> Result {
        guard key == .enter else {
            _ = pin.handle(key)
            return .none
        }
        guard !pin.isEmpty else { return .none }
        guard let first = firstPin else {
            firstPin = pin.take()
            message = nil
            return .none
        }
        firstPin = nil
        return .newPin(first, pin.take())
    }

    // MARK: drawing

    func render(size: Size, signedIn: Broker?, now: Date) -> Frame {
        var frame = Frame(size: size)
        let width = size.width
        func centre(_ text: String, _ row: Int, _ style: Style = .plain) {
            let shown = TextMeasure.truncate(text, toWidth: width)
            frame.put(shown, row: row, column: max(0, (width - shown.displayWidth) / 2), style: style)
        }
        let top = max(1, size.height / 2 - 8)
        centre(timeBank, top, .header)
        centre(Self.clockText(now), top + 1)
        var row = top + 3
        let left = max(2, (width - 60) / 2)
        switch mode {
        case .open:
            break
        case .choosePin(let broker):
            centre("\(broker.displayName), choose a PIN: it unlocks the console when it locks.", row)
            centre("At least 6 digits, or a passphrase of at least 10 characters.", row + 1)
            row += 3
            frame.put(firstPin == nil ? "New PIN:   " : "Same again: ", row: row, column: left)
            frame.put("[\(pin.dots)]", row: row, column: left + 12, style: .reverse)
        case .signIn, .locked:
            if mode == .locked, let signedIn {
                centre("Locked. Signed in: \(signedIn.displayName) (\(signedIn.username))", row, .bold)
            } else {
                centre("Sign in", row, .bold)
            }
            row += 2
            if asksUsername {
                frame.put("Username: ", row: row, column: left)
                frame.put("[\(username)]", row: row, column: left + 12, style: focus == .username ? .reverse : .plain)
                row += 1
            }
            frame.put("PIN:      ", row: row, column: left)
            frame.put("[\(pin.dots)]", row: row, column: left + 12, style: focus == .pin ? .reverse : .plain)
            row += 2
            if asksUsername {
                for (i, b) in brokers.enumerated() where row < size.height - 3 {
                    frame.put("\(i + 1)  \(b.username)  \(b.name)", row: row, column: left + 2)
                    row += 1
                }
            }
        }
        if let message { frame.put(message, row: size.height - 3, column: 1, maxWidth: width - 2, style: .error) }
        let keys: String
        switch mode {
        case .locked where !switching && !brokers.isEmpty: keys = "Type your PIN, Enter: unlock   Tab: another broker signs in   Ctrl-C: quit"
        case .locked where switching: keys = "Username or its number, Enter, then PIN, Enter   Tab: back   Ctrl-C: quit"
        case .locked: keys = "Type your PIN, Enter: unlock   Ctrl-C: quit"
        case .signIn: keys = "Username or its number, Enter, then PIN, Enter   Esc: back   Ctrl-C: quit"
        case .choosePin: keys = "Type the PIN, Enter   Ctrl-C: quit"
        case .open: keys = ""
        }
        frame.put(keys, row: size.height - 1, column: 1, maxWidth: width - 2, style: .muted)
        return frame
    }

    static func clockText(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%02d:%02d", Int(parts.tm_hour), Int(parts.tm_min))
    }
}
