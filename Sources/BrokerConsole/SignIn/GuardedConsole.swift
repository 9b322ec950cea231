import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// The console behind its door: who is at the keyboard, and the lock.
///
/// On a shared login it opens on the sign-in screen; on a broker's own login that broker is
/// signed in already and chooses a PIN at the first start, for unlocking. After the idle-lock
/// setting's minutes without a key, at F12 or `:lock`, and after 8 hours in all, the console
/// locks: the lock screen shows the time bank's name, the time and who is signed in, and nothing
/// else. The same broker's PIN brings everything back as it was; another broker may sign in
/// instead, and the first broker's unsaved work is kept aside, offered back only to them.
public struct GuardedConsole: RunnableConsole {
    public static let sessionLimit: TimeInterval = 8 * 60 * 60

    public let store: Store
    /// Several brokers share this login, so anyone may sign in; otherwise only `owner`.
    let shared: Bool
    let owner: Broker?
    let makeApp: (Broker) -> ConsoleApp
    let clock: () -> Date

    public private(set) var app: ConsoleApp?
    /// Unsaved work of brokers another broker replaced at this terminal, by username.
    var setAside: [String: ConsoleApp] = [:]
    var door: SignInScreen
    var size: Size
    var lastKey: Date
    var signedInAt: Date
    /// The idle-lock setting, read at start and at every reload rather than at every tick.
    var idleLimit: TimeInterval
    /// The minute the lock screen's clock shows, so it is redrawn when the minute turns.
    var shownMinute = 0

    /// `owner`: the broker of a personal login (nil on a shared one). `choosesPinAtStart` false
    /// (a throwaway demo time bank) lets the owner in without a PIN; the first lock asks for one.
    public init(store: Store, owner: Broker?, size: Size, clock: @escaping () -> Date = Date.init,
                choosesPinAtStart: Bool = true, makeApp: @escaping (Broker) -> ConsoleApp) {
        self.store = store
        self.shared = owner == nil
        self.owner = owner
        self.makeApp = makeApp
        self.clock = clock
        self.size = size
        let now = clock()
        lastKey = now
        signedInAt = now
        let settings = (try? store.settings()) ?? Settings()
        idleLimit = GuardedConsole.idleLimit(settings)
        let name = settings.timeBankName
        if let owner {
            app = makeApp(owner)
            // No PIN yet, or one an admin set: the broker chooses their own before anything else.
            let state = try? store.signInState(username: owner.username)
            let ready = state.map { $0.hasPin && !$0.mustChangePin } ?? false
            door = SignInScreen(timeBank: name, mode: ready || !choosesPinAtStart ? .open : .choosePin(owner))
        } else {
            door = SignInScreen(timeBank: name, mode: .signIn, brokers: (try? SignInScreen.pickList(store)) ?? [])
        }
    }

    public var isLocked: Bool { door.mode != .open }
    public var signedIn: Broker? { app?.context.broker }

    static func idleLimit(_ settings: Settings) -> TimeInterval { TimeInterval(settings.idleLockMinutes * 60) }

    public var hasDeferredWork: Bool { !isLocked && (app?.hasDeferredWork ?? false) }

    public func render() -> Frame {
        if !isLocked, let app { return app.render() }
        return door.render(size: size, signedIn: signedIn, now: clock())
    }

    public mutating func handle(_ key: Key) -> ConsoleApp.Outcome {
        let now = clock()
        if lockIfDue(now: now) { return .running }  // a key after the limit meets the lock, not the screen
        lastKey = now
        if key == .resize { return .running }
        guard !isLocked, var running = app else { return handleDoor(key, now: now) }
        let outcome = running.handle(key)
        app = running
        if outcome == .lock {
            lock()
            return .running
        }
        return outcome
    }

    mutating func lock(reason: String? = nil) {
        if let broker = app?.context.broker, let state = try? store.signInState(username: broker.username), !state.hasPin {
            // Nothing could unlock it: the broker chooses the PIN that will.
            door.mode = .choosePin(broker)
        } else {
            door.mode = app == nil ? .signIn : .locked
        }
        door.lockedUsername = app?.context.broker.username ?? ""
        door.reset(message: reason)
        door.brokers = shared ? ((try? SignInScreen.pickList(store)) ?? []) : []
    }

    public mutating func tick(now: Date) -> Bool {
        if lockIfDue(now: now) { return true }
        // The lock screen's clock turns with the minute.
        let minute = Int(now.timeIntervalSince1970 / 60)
        defer { shownMinute = minute }
        return isLocked && minute != shownMinute
    }

    /// Locks after the idle limit or the 8 hours; true when it just did.
    mutating func lockIfDue(now: Date) -> Bool {
        guard !isLocked, app != nil else { return false }
        if now.timeIntervalSince(signedInAt) >= Self.sessionLimit {
            lock(reason: "You have been signed in for 8 hours; enter your PIN to go on.")
            return true
        }
        if now.timeIntervalSince(lastKey) >= idleLimit {
            lock()
            return true
        }
        return false
    }

    mutating func handleDoor(_ key: Key, now: Date) -> ConsoleApp.Outcome {
        switch door.handle(key, shared: shared) {
        case .none: return .running
        case .quit:
            // Quitting from the door would drop the signed-in broker's unsaved work unseen; only
            // an empty console or the sign-in screen quits.
            if app?.hasUnsavedInput == true {
                door.reset(message: "Unlock first: there is unsaved work.")
                return .running
            }
            return .quit
        case .signIn(let username, let pin):
            if let owner, owner.username != username {
                door.reset(message: "This is \(owner.username)'s own login; only they sign in here.")
                return .running
            }
            do {
                let result = try store.checkPin(username: username, pin, now: now)
                admit(result.broker, now: now)
                if result.mustChangePin { door.mode = .choosePin(result.broker) }
            } catch {
                door.reset(message: (error as? StoreError)?.description ?? "The PIN could not be checked.", keepUsername: true)
            }
        case .newPin(let first, let second):
            guard case .choosePin(let broker) = door.mode else { return .running }
            if let problem = first.problem {
                door.mode = .choosePin(broker)
                door.reset(message: problem)
            } else if !first.equals(second) {
                door.mode = .choosePin(broker)
                door.reset(message: "The two PINs differ; type it again.")
            } else {
                do {
                    try store.setPin(username: broker.username, to: first, by: broker)
                    door.mode = .open
                    door.reset(message: nil)
                    app?.setMessage(.success("Your PIN is set; it unlocks the console (F12 locks it)."))
                } catch {
                    door.reset(message: (error as? StoreError)?.description ?? "The PIN could not be saved.")
                }
            }
        }
        return .running
    }

    /// Lets `broker` in: back to their own console as they left it, or to one kept aside for
    /// them, or a fresh one. Unsaved work of the broker they replace is kept aside for that broker.
    mutating func admit(_ broker: Broker, now: Date) {
        signedInAt = now
        lastKey = now
        door.mode = .open
        door.reset(message: nil)
        if let current = app, current.context.broker.username == broker.username { return }
        if let current = app, current.hasUnsavedInput { setAside[current.context.broker.username] = current }
        if var kept = setAside.removeValue(forKey: broker.username) {
            kept.reload()
            kept.setMessage(.info("Your unsaved work from before is back, as you left it."))
            app = kept
        } else {
            app = makeApp(broker)
        }
        // The window may have changed size since that console was made or set aside.
        app?.resize(size)
    }

    public mutating func resize(_ newSize: Size) {
        size = newSize
        app?.resize(newSize)
    }

    /// Other brokers' changes reach the console even while it is locked.
    public mutating func reload(_ screen: ScreenID?) {
        if let settings = try? store.settings() { idleLimit = Self.idleLimit(settings) }
        // A broker an admin removed keeps nothing on screen, unsaved work included.
        if let b = signedIn, let current = try? store.broker(username: b.username), !current.active {
            app = nil
            setAside[b.username] = nil
            lock(reason: "\(b.displayName) is no longer a broker here.")
            return
        }
        app?.reload(screen)
    }

    public mutating func doDeferredWork() {
        app?.doDeferredWork()
    }
}
