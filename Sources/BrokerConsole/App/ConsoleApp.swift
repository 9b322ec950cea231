import TerminalUI
import TimeBank
import TimeBankStore

/// The whole console: the six screens, the overlays above them, and the frame around them
/// (header, screen bar, message line, status line). Keys in, frames out; a runner connects
/// it to a real terminal, and tests drive it directly.
public struct ConsoleApp {
    public enum Outcome: Equatable, Sendable {
        case running
        case quit
        /// The broker asked to lock the console (F12, `:lock`); see `GuardedConsole`.
        case lock
    }

    enum Overlay {
        case help(HelpOverlayState)
        case commands(CommandMenuState)
        case confirmQuit(ConfirmDialogState)
    }

    /// Smaller than this, the console asks for a bigger window instead of garbling.
    public static let minimumSize = Size(width: 80, height: 24)

    public let context: ConsoleContext
    public private(set) var current: ScreenID = .today
    public private(set) var message: Message?
    public private(set) var size: Size
    var screens: [ScreenID: any ConsoleScreen]
    var overlay: Overlay?
    var settings: Settings

    public init(context: ConsoleContext, size: Size, screens: [any ConsoleScreen]? = nil, notice: String? = nil) {
        self.context = context
        self.size = size
        self.settings = (try? context.store.settings()) ?? Settings()
        var table: [ScreenID: any ConsoleScreen] = [:]
        for screen in screens ?? ConsoleApp.standardScreens() { table[screen.id] = screen }
        self.screens = table
        if let notice { message = .warning(notice) }
        reload(.today)
    }

    /// The screens this build has. A screen whose work is not done yet says so in one line.
    public static func standardScreens() -> [any ConsoleScreen] {
        [
            TodayScreen(),
            MembersScreen(),
            OffersNeedsScreen(),
            MatchScreen(),
            RecordHoursScreen(),
            ReportsScreen(),
        ]
    }

    // MARK: keys

    /// The keys offered: what the broker's role may use.
    var registry: KeyRegistry { RoleKeys.filtered(fullRegistry, for: context.broker.role) }

    /// Every key of the current screen, before the role's filter.
    var fullRegistry: KeyRegistry {
        var r = KeyRegistry(GlobalAction.bindings)
        for binding in screens[current]?.bindings ?? [] { r.add(binding) }
        return r
    }

    var scope: KeyScope { screens[current]?.scope ?? .global }

    public var hasUnsavedInput: Bool { screens.values.contains { $0.hasUnsavedInput } }

    public mutating func handle(_ key: Key) -> Outcome {
        if key == .resize { return .running }
        if overlay != nil { return handleOverlay(key) }
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            // Only quitting makes sense while the window is too small to show anything.
            return key == .char("q") || key == .ctrl("c") ? requestQuit() : .running
        }
        if message?.kind != .error { message = nil }
        let area = body
        let screenFirst = screens[current]?.capturesText ?? false
        let typing: Bool = { if case .char = key { return screenFirst } else { return false } }()
        if !typing, let refused = RoleKeys.refusal(for: key, in: fullRegistry, scope: scope, role: context.broker.role) { message = refused; return .running }
        if screenFirst {
            let response = screens[current]?.handle(key, context, in: area) ?? .ignored
            if response != .ignored { return apply(response) }
            if case .char = key { return .running }  // typing never triggers a command
        }
        if let action = registry.action(for: key, in: scope) { return run(action) }
        if !screenFirst { return apply(screens[current]?.handle(key, context, in: area) ?? .ignored) }
        return .running
    }

    mutating func run(_ action: ActionID) -> Outcome {
        switch action {
        case GlobalAction.help: overlay = .help(HelpOverlayState())
        case GlobalAction.commands: overlay = .commands(CommandMenuState())
        case GlobalAction.quit: return requestQuit()
        case GlobalAction.lock: return .lock
        case GlobalAction.redraw: break
        default:
            let area = body
            if let screen = GlobalAction.screen(for: action) { switchTo(screen) } else {
                return apply(screens[current]?.perform(action, context, in: area) ?? .ignored)
            }
        }
        return .running
    }

    mutating func apply(_ response: ScreenResponse) -> Outcome {
        switch response {
        case .ignored, .handled: break
        case .message(let m): message = m
        case .open(let screen): switchTo(screen)
        case .go(let screen, let intent):
            switchTo(screen)
            let area = body
            screens[screen]?.receive(intent, context, in: area)
        }
        return .running
    }

    /// A line for the broker from outside the screens (the sign-in door).
    public mutating func setMessage(_ m: Message) { message = m }

    mutating func switchTo(_ screen: ScreenID) {
        current = screen
        reload(screen)
    }

    mutating func requestQuit() -> Outcome {
        guard hasUnsavedInput else { return .quit }
        let where_ = screens.values.filter(\.hasUnsavedInput).map(\.id.title).sorted().joined(separator: ", ")
        overlay = .confirmQuit(ConfirmDialogState(title: "Quit?", message: "\(where_) has input that is not saved. Quit and lose it?",
                                                  buttons: ["Quit", "Stay"], defaultButton: 1))
        return .running
    }

    mutating func handleOverlay(_ key: Key) -> Outcome {
        let bounds = Rect(row: 0, column: 0, width: size.width, height: size.height)
        switch overlay {
        case .help(var state):
            if state.handle(key, sections: registry.helpSections(for: scope), in: bounds) == .closed { overlay = nil } else { overlay = .help(state) }
        case .commands(var state):
            switch state.handle(key, registry: registry, scope: scope, in: bounds) {
            case .closed: overlay = nil
            case .run(let action):
                overlay = nil
                return run(action)
            case .handled: overlay = .commands(state)
            }
        case .confirmQuit(var state):
            switch state.handle(key) {
            case .chosen(0): return .quit
            case .chosen, .cancelled: overlay = nil
            default: overlay = .confirmQuit(state)
            }
        case nil: break
        }
        return .running
    }

    // MARK: data

    /// Re-reads what is on screen; called after writes and when another broker wrote.
    public mutating func reload(_ screen: ScreenID? = nil) {
        settings = (try? context.store.settings()) ?? settings
        let area = body
        screens[screen ?? current]?.reload(context, in: area)
    }

    /// The current screen drew before reading everything (see `ConsoleContext.defersSlowWork`).
    public var hasDeferredWork: Bool { screens[current]?.hasDeferredWork ?? false }

    public mutating func doDeferredWork() {
        screens[current]?.doDeferredWork(context)
    }

    /// A new window size: the screen lays itself out again and fetches the rows it now shows,
    /// its selection staying on the same item.
    public mutating func resize(_ newSize: Size) {
        guard newSize != size else { return }
        size = newSize
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else { return }
        let area = body
        screens[current]?.reload(context, in: area)
    }

    /// Where the current screen draws: everything between the screen bar and the message line.
    public var body: Rect { Self.layout(size)[2] }

    /// Header, screen bar, body, message line, status line.
    static func layout(_ size: Size) -> [Rect] {
        Rect(row: 0, column: 0, width: size.width, height: size.height).splitRows([.fixed(1), .fixed(1), .fill(1), .fixed(1), .fixed(1)])
    }

    // MARK: drawing

    public func render() -> Frame {
        var frame = Frame(size: size)
        guard size.width >= Self.minimumSize.width, size.height >= Self.minimumSize.height else {
            let text = "Please make the window at least 80x24 (it is \(size.width)x\(size.height))."
            let shown = TextMeasure.truncate(text, toWidth: size.width)
            let row = max(0, size.height / 2)
            frame.put(shown, row: row, column: max(0, (size.width - shown.displayWidth) / 2))
            return frame
        }
        let rows = Self.layout(size)
        Header.render(timeBank: settings.timeBankName, broker: context.broker, screen: current, date: context.today(), into: &frame, at: rows[0])
        ScreenBar.render(current: current, into: &frame, at: rows[1])
        screens[current]?.render(into: &frame, in: rows[2], context)
        MessageLine.render(message, into: &frame, at: rows[3])
        StatusLine.render(registry, scope: scope, into: &frame, at: rows[4])
        switch overlay {
        case .help(let state): HelpOverlay.render(state, sections: registry.helpSections(for: scope), into: &frame)
        case .commands(let state): CommandMenu.render(state, registry: registry, scope: scope, into: &frame)
        case .confirmQuit(let state): ConfirmDialog.render(state, into: &frame)
        case nil: break
        }
        return frame
    }
}
