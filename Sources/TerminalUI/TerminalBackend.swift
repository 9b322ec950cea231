/// The terminal as the application runtime sees it: keys in, frames out.
///
/// The runtime owns one backend for the life of the session and drives it from a
/// single thread (terminal libraries keep global state), in a loop:
///
///     while !backend.hangupRequested {
///         if let key = backend.readKey(timeoutMilliseconds: 250) { ...update state... }
///         else { ...poll for other brokers' writes... }
///         backend.draw(view(state, backend.size))
///     }
///     backend.shutdown()
///
/// `shutdown()` must run on every exit path, so that the user's terminal is left
/// exactly as it was found.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells; changes after `readKey` has returned `.resize`.
    var size: Size { get }

    /// Something the user should be told once the console is up, e.g.
    /// "Unknown terminal type 'foo'; using xterm-256color."; nil when start-up was clean.
    var startupNotice: String? { get }

    /// False when the theme is monochrome (no colours, or `NO_COLOR` set): meaning is
    /// then carried by reverse, bold and words alone.
    var hasColour: Bool { get }

    /// True once the session should end without further input: SIGHUP (an SSH drop),
    /// SIGTERM, SIGINT, or input that has gone away for good. The runtime then saves
    /// nothing more interactively and calls `shutdown()`.
    var hangupRequested: Bool { get }

    /// Waits at most `timeoutMilliseconds` for a key (negative waits for ever).
    /// Returns nil on timeout, on hang-up, and for input the console does not use
    /// (Alt-combinations, unknown escape sequences).
    func readKey(timeoutMilliseconds: Int) -> Key?

    /// Shows `frame`, sending only what changed since the previous frame, and puts
    /// the terminal's real cursor at `frame.cursor` (hidden when nil).
    func draw(_ frame: Frame)

    /// Restores the terminal. Idempotent; the backend is unusable afterwards.
    func shutdown()
}
