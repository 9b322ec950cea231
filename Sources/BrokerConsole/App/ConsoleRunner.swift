import Foundation
import TerminalUI
import TimeBankStore

/// Connects the console to a real terminal: draw, wait for a key or a quarter second, and in
/// the quiet moments look for other brokers' writes so their changes appear without a key press.
public enum ConsoleRunner {
    public static func run<App: RunnableConsole>(_ app: inout App, on terminal: TerminalBackend) {
        app.resize(terminal.size)
        var revision = (try? app.store.revision()) ?? 0
        var dirty = true
        var lastDraw = Date()
        var slowWorkFreedMemory = false
        while !terminal.hangupRequested {
            if dirty || Date().timeIntervalSince(lastDraw) > 30 {
                terminal.draw(app.render())
                dirty = false
                lastDraw = Date()
            }
            // What a report or Today's lists freed goes back once their frame is on the screen,
            // so the next one starts lower and the broker does not wait for it.
            if slowWorkFreedMemory && !app.hasDeferredWork {
                ProcessMemory.returnFreedPages()
                slowWorkFreedMemory = false
            }
            // Work left for after the frame is done as soon as no key is waiting.
            guard let key = terminal.readKey(timeoutMilliseconds: app.hasDeferredWork ? 0 : 250) else {
                if app.hasDeferredWork {
                    app.doDeferredWork()
                    slowWorkFreedMemory = true
                    dirty = true
                    continue
                }
                if let now = try? app.store.revision(), now != revision {
                    revision = now
                    app.reload(nil)
                    dirty = true
                }
                if app.tick(now: Date()) { dirty = true }
                continue
            }
            if key == .resize { app.resize(terminal.size) }
            if app.handle(key) == .quit { break }
            if handleWaitingKeys(&app, on: terminal) == .quit { break }
            // Our own writes move the revision too; reloading once here keeps the screen exact.
            if let now = try? app.store.revision(), now != revision {
                revision = now
                app.reload(nil)
            }
            dirty = true
        }
        terminal.shutdown()
    }

    /// How long keys already waiting are handled before the next frame is drawn.
    static let keyBatchSeconds = 0.05

    /// Handles the keys that are already waiting (a paste, or typing faster than a slow link
    /// shows it) before the next frame, for at most `keyBatchSeconds`: a frame after each of
    /// 10,000 pasted characters took seconds. The keys are handled one by one, in order, as
    /// when typed; only the frames between them are not drawn.
    static func handleWaitingKeys<App: RunnableConsole>(_ app: inout App, on terminal: TerminalBackend) -> ConsoleApp.Outcome? {
        let until = Date(timeIntervalSinceNow: keyBatchSeconds)
        while Date() < until, !terminal.hangupRequested, let key = terminal.readKey(timeoutMilliseconds: 0) {
            if key == .resize { app.resize(terminal.size) }
            if app.handle(key) == .quit { return .quit }
        }
        return nil
    }
}
