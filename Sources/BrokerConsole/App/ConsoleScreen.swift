import TerminalUI
import TimeBank

/// What one screen asks another to show when it sends the broker there.
public enum ScreenIntent: Equatable, Sendable {
    /// Open a member's card.
    case showMember(Int)
    /// Rank helpers for a need.
    case matchNeed(Int)
    /// Open Record hours with the slip filled in (a referral to mark done with its hours, and the done step's note).
    case recordExchange(giver: AccountRef, receiver: AccountRef, categoryCode: String?, referral: Int?, description: String,
                        referralNote: String = "")
    /// Open a new offer (or need) form for this member, from their card; Esc returns to it.
    case addListing(offer: Bool, member: Int)
}

/// What a screen asks the console to do after a key.
public enum ScreenResponse: Equatable, Sendable {
    /// Not for this screen: the console may treat it as a global key.
    case ignored
    case handled
    /// Handled, with a result or error for the message line.
    case message(Message)
    /// Go to another top-level screen.
    case open(ScreenID)
    /// Go to another screen and have it show something in particular.
    case go(ScreenID, ScreenIntent)
}

/// One top-level screen: a State that keys update and a view drawn into a Frame.
/// Screens read and write only through the store in the context.
///
/// Every call that may move, page or fetch rows is handed `body`, the real rectangle the
/// screen is drawn in (as ratatui hands a widget its area): the screen lays itself out from it,
/// pages by the rows it really shows, and keeps no rectangle of its own.
public protocol ConsoleScreen {
    var id: ScreenID { get }
    /// The scope of the screen's current mode (list, card, form, dialog, picker) in the key
    /// registry: help, the status line and the command menu show its bindings.
    var scope: KeyScope { get }
    /// The screen's own key bindings; they appear in help, on the status line and in the command menu.
    var bindings: [KeyBinding] { get }
    /// True while the broker has typed something not yet saved; quitting asks first.
    var hasUnsavedInput: Bool { get }
    /// True while a text field has the focus, so letters and digits are typing, not commands.
    var capturesText: Bool { get }
    /// Re-reads the screen's data (after a write here or by another broker, or a resize),
    /// keeping the selected row on the same item where it still exists.
    mutating func reload(_ context: ConsoleContext, in body: Rect)
    /// True when `reload` left slower reading for later, so the frame could be drawn first.
    var hasDeferredWork: Bool { get }
    /// Does that reading; the runner calls it when no key is waiting.
    mutating func doDeferredWork(_ context: ConsoleContext)
    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse
    /// Runs one of the screen's actions, chosen by key or from the command menu.
    mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse
    func render(into frame: inout Frame, in body: Rect, _ context: ConsoleContext)
    /// Shows what another screen sent the broker here for.
    mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect)
}

extension ConsoleScreen {
    public var scope: KeyScope { KeyScope(String(describing: id), title: id.title) }
    public var hasUnsavedInput: Bool { false }
    public var capturesText: Bool { false }
    public var hasDeferredWork: Bool { false }
    public mutating func doDeferredWork(_ context: ConsoleContext) {}
    public mutating func perform(_ action: ActionID, _ context: ConsoleContext, in body: Rect) -> ScreenResponse { .ignored }
    public mutating func receive(_ intent: ScreenIntent, _ context: ConsoleContext, in body: Rect) {}
}
