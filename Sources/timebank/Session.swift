import Foundation
import TimeBank
import TimeBankStore

/// An opened database and the broker acting on it: the Unix user who runs the command.
struct Session {
    let store: Store
    let broker: Broker

    /// Opens the database to write. Only `creates` commands (demo, the console, brokers) may make
    /// a new file, and only in an existing folder (the default folder under XDG_DATA_HOME is made
    /// for them); the others refuse a missing file instead of creating one they would leave empty.
    /// `changingPin`: the command is the PIN change itself, so a PIN an admin set is accepted.
    static func open(_ options: DatabaseOptions, creates: Bool = true, changingPin: Bool = false) throws -> Session {
        let path = Store.resolvePath(explicit: options.db)
        if try !attempt({ try Store.fileExists(at: path) }) {
            guard creates else {
                throw CommandFailure.user("There is no database at \(path); create one with 'timebank demo' or by opening the console.")
            }
            if isDefaultPath(options) {
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        }
        let store = try attempt { try Store(path: path) }
        let unix = unixUser()
        if try attempt({ try store.isSharedLogin(unix) }) {
            return Session(store: store, broker: try signInOnSharedLogin(store, unix: unix, as: options.actingAs, changingPin: changingPin))
        }
        if let other = options.actingAs, other != unix {
            throw CommandFailure.user("--as is for shared logins; \(unix) is a personal login, so commands run as \(unix).")
        }
        let broker = try attempt { try store.signIn(username: unix, displayName: unixFullName()) }
        return Session(store: store, broker: broker)
    }

    /// On a login several brokers share, the broker named by --as proves who they are with their PIN.
    static func signInOnSharedLogin(_ store: Store, unix: String, as username: String?, changingPin: Bool) throws -> Broker {
        guard let username else {
            throw CommandFailure.user("\(unix) is a shared login: name yourself with --as USERNAME.")
        }
        guard let pin = PinPrompt.fromTerminal("PIN for \(username): ") else { throw PinPrompt.noTerminal }
        let signedIn = try attempt { try store.checkPin(username: username, pin) }
        if signedIn.mustChangePin, !changingPin {
            throw CommandFailure.user("An admin set your PIN: choose your own first with 'timebank brokers set-pin --as \(username)'.")
        }
        return signedIn.broker
    }

    /// Opens the database for reading only; no broker registration happens.
    static func openForReading(_ options: DatabaseOptions) throws -> Store {
        let path = Store.resolvePath(explicit: options.db)
        if try !attempt({ try Store.fileExists(at: path) }) {
            throw CommandFailure.user("There is no database at \(path); create one with 'timebank demo' or any write command.")
        }
        return try attempt { try Store(path: path, create: false, readOnly: true) }
    }

    /// True when neither --db nor $TIMEBANK_DB names the file, so it is the XDG default.
    static func isDefaultPath(_ options: DatabaseOptions) -> Bool {
        (options.db ?? "").isEmpty && (ProcessInfo.processInfo.environment["TIMEBANK_DB"] ?? "").isEmpty
    }

    static func unixUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    static func unixFullName() -> String? {
        guard let pw = getpwuid(geteuid()), let gecos = pw.pointee.pw_gecos else { return nil }
        let full = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
        return full.isEmpty ? nil : full
    }
}

/// Runs store work, turning its errors into the command line's one-sentence failures.
func attempt<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw failure(error)
    }
}

/// The one-sentence failure for any error.
func failure(_ error: Error) -> CommandFailure {
    switch error {
    case let f as CommandFailure: return f
    case let e as StoreError: return .user(e.description)
    case let e as LedgerError: return .user(e.description)
    case let e as CommandOutput.Failure: return .user(e.description)
    default:
        // SQLite's own wording ("SQLite error 13: not an error") is no sentence for a broker.
        let text = "\(error)"
        if text.hasPrefix("SQLite error 13") { return .user("The disk is full; nothing was saved.") }
        if text.hasPrefix("SQLite error") { return .user("The database could not be used (\(Sanitised.firstLine(text))); nothing was saved.") }
        return .user("The command failed: \(error.localizedDescription)")
    }
}

/// Reads a member reference (number or `pot`) with a clear error.
func accountRef(_ text: String, option: String) throws -> AccountRef {
    guard let ref = AccountRef(text) else {
        throw CommandFailure.user("\(option) '\(text.prefix(40))' is not a member number or 'pot'.")
    }
    return ref
}

func calendarDate(_ text: String, option: String) throws -> CalendarDate {
    do {
        return try DateParser.parse(text, today: .today())
    } catch {
        throw CommandFailure.user("\(option): \(error.description)")
    }
}

enum Sanitised {
    /// The first line of a message, for quoting inside a one-line sentence.
    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }
}
