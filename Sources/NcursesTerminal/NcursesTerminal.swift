#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcurses
import TerminalUI

/// The console's terminal: ncurses on a pair of file descriptors.
///
/// ncurses keeps global state, so there is at most one live `NcursesTerminal` in
/// a process, and every call happens on the thread that created it; the type is
/// deliberately not Sendable. `shutdown()` (also run by deinit) restores the
/// terminal, the signal handlers and nothing else is left changed.
public final class NcursesTerminal: TerminalBackend {
    public private(set) var size: Size
    public let startupNotice: String?
    public let hasColour: Bool
    public var hangupRequested: Bool {
        if !hungUp && tb_hangup_signal() != 0 { hungUp = true }
        return hungUp
    }
    /// The terminfo entry in use (after any fallback).
    public let terminalType: String

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let inputDescriptor: Int32
    private let renderer: FrameRenderer
    private var cursorShown: Bool?
    private var hungUp = false
    /// Consecutive reads that failed although input was "readable": EOF or a dead
    /// descriptor, which never recovers.
    private var failedReads = 0

    /// The console on the process's own terminal (standard input and output),
    /// configured from `TERM` and `NO_COLOR`.
    public convenience init() throws {
        try self.init(inputDescriptor: 0, outputDescriptor: 1, options: .fromEnvironment())
    }

    /// ncurses on the given descriptors (for a pseudo-terminal in tests). They are
    /// duplicated, so the caller keeps ownership of its own.
    public init(inputDescriptor: Int32, outputDescriptor: Int32, options: NcursesOptions) throws {
        var notices: [String] = []
        if let notice = TerminalLocale.adopt() { notices.append(notice) }

        let inputCopy = dup(inputDescriptor)
        guard inputCopy >= 0, let input = fdopen(inputCopy, "r") else {
            throw NcursesTerminalError.cannotOpenStream(descriptor: inputDescriptor, errno: errno)
        }
        let outputCopy = dup(outputDescriptor)
        guard outputCopy >= 0, let output = fdopen(outputCopy, "w") else {
            let error = errno
            fclose(input)
            throw NcursesTerminalError.cannotOpenStream(descriptor: outputDescriptor, errno: error)
        }

        // Before newterm: ncurses only takes SIGINT/SIGTERM over (with a handler
        // that exits the process) where nobody else has.
        tb_install_hangup_handlers()
        // The tty's own settings, kept so a crash can put them back (see shim.h).
        tb_crash_guard_prepare(inputCopy, outputCopy)
        // The size the kernel reports beats stale LINES/COLUMNS in the environment.
        use_tioctl(true)

        let requested = options.term.flatMap { $0.isEmpty ? nil : $0 }
        var candidates = requested.map { [$0] } ?? []
        for fallback in options.fallbackTerms where !candidates.contains(fallback) {
            candidates.append(fallback)
        }
        var opened: (OpaquePointer, String)?
        for candidate in candidates {
            // newterm, unlike initscr, returns nil for an unknown type instead of exiting.
            if let screen = newterm(candidate, output, input) {
                opened = (screen, candidate)
                break
            }
        }
        guard let (screen, terminalType) = opened, let window = tb_stdscr() else {
            fclose(input)
            fclose(output)
            tb_restore_hangup_handlers()
            throw NcursesTerminalError.noUsableTerminalType(tried: candidates)
        }
        if terminalType != requested {
            if let requested {
                notices.append("Unknown terminal type '\(requested)'; using \(terminalType).")
            } else {
                notices.append("TERM is not set; using \(terminalType).")
            }
        }

        // raw rather than cbreak: Ctrl-S (save) and Ctrl-Q must reach the console
        // instead of the tty's flow control, and Ctrl-C arrives as a key so the
        // console can ask about unsaved edits instead of dying.
        tb_crash_guard_arm()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(Int32(options.escapeDelayMilliseconds))

        var colour = false
        if !options.noColour && has_colors() && start_color() == OK && tb_color_pairs() > 8 {
            let defaultColour: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
            Theme.installPairs(defaultColour: defaultColour, colourCount: Int(tb_colors()))
            colour = true
        }

        self.screen = screen
        self.window = window
        self.input = input
        self.output = output
        self.inputDescriptor = inputCopy
        self.terminalType = terminalType
        self.hasColour = colour
        self.renderer = FrameRenderer(theme: Theme(kind: colour ? .colour : .monochrome))
        self.startupNotice = notices.isEmpty ? nil : notices.joined(separator: " ")
        self.size = Size(width: Int(tb_max_x(window)), height: Int(tb_max_y(window)))
    }

    deinit {
        shutdown()
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard screen != nil else { return nil }
        // Waiting in slices keeps a hang-up noticed even when ncurses retries an
        // interrupted wait internally.
        var remaining = timeoutMilliseconds
        while !hangupRequested {
            let slice = remaining < 0 ? 250 : min(remaining, 250)
            wtimeout(window, Int32(slice))
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if hangupRequested { return nil }
            switch status {
            case KEY_CODE_YES:
                failedReads = 0
                let key = KeyDecoder.key(forCode: Int32(bitPattern: character))
                if key == .resize {
                    size = Size(width: Int(tb_max_x(window)), height: Int(tb_max_y(window)))
                }
                return key
            case OK:
                failedReads = 0
                if character == 27 { return readAfterEscape() }
                return KeyDecoder.key(forCharacter: UInt32(character))
            default:
                if inputIsGone() {
                    hungUp = true
                    return nil
                }
            }
            if remaining >= 0 {
                remaining -= slice
                if remaining <= 0 { return nil }
            }
        }
        return nil
    }

    /// ncurses has already waited the escape delay for a known sequence. Anything
    /// still pending now is Alt+key or a sequence terminfo does not describe; it
    /// is swallowed whole, so its tail does not arrive as stray keys.
    private func readAfterEscape() -> Key? {
        wtimeout(window, 0)
        var next: wint_t = 0
        let status = wget_wch(window, &next)
        guard status != ERR else { return .escape }
        if status == OK && (next == 0x5B || next == 0x4F) {
            let isCSI = next == 0x5B
            var byte: wint_t = 0
            while wget_wch(window, &byte) == OK {
                if !isCSI || (0x40...0x7E).contains(byte) { break }
            }
        }
        return nil
    }

    /// A read error with input still "readable" means EOF or a dead descriptor;
    /// POLLHUP means the other end (an SSH session, a pty master) is gone.
    private func inputIsGone() -> Bool {
        var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        if Int32(descriptor.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        if Int32(descriptor.revents) & POLLIN != 0 {
            failedReads += 1
            return failedReads >= 3
        }
        failedReads = 0
        return false
    }

    public func draw(_ frame: Frame) {
        guard screen != nil else { return }
        let showCursor = renderer.render(frame, into: window)
        if showCursor != cursorShown {
            // Where the cursor cannot be hidden (vt100), leaveok at least spares
            // ncurses from moving it back after every update.
            curs_set(showCursor ? 1 : 0)
            leaveok(window, !showCursor)
            cursorShown = showCursor
        }
        wnoutrefresh(window)
        doupdate()
    }

    public func shutdown() {
        guard let screen else { return }
        endwin()
        tb_crash_guard_disarm()
        delscreen(screen)
        self.screen = nil
        fclose(input)
        fclose(output)
        tb_restore_hangup_handlers()
    }

    /// The bytes a terminfo string capability (e.g. "kcuu1") sends on this
    /// terminal, or nil when it has none. For tests that type keys the way the
    /// real terminal would.
    public func capability(_ name: String) -> [UInt8]? {
        guard screen != nil, let value = tb_tigetstr(name) else { return nil }
        return Array(String(cString: value).utf8)
    }
}
