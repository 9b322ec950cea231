import Foundation
import TimeBank
import Foundation
import TimeBankStore

/// What every screen may use: the store, who is at the keyboard, and today's date.
public struct ConsoleContext: Sendable {
    public let store: Store
    public let broker: Broker
    /// Read again at every reload, so a console left open overnight moves to the new day.
    public let today: @Sendable () -> CalendarDate
    /// The clock for "days since" on referrals; tests fix it so frames are the same every day.
    public let now: @Sendable () -> Date
    /// Whether screens may draw before their slower parts are read (Today's four lists), and
    /// read them when no key is waiting. A real terminal does; tests see every part at once.
    public let defersSlowWork: Bool

    public init(store: Store, broker: Broker, today: @escaping @Sendable () -> CalendarDate = { .today() }, defersSlowWork: Bool = false,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.broker = broker
        self.today = today
        self.now = now
        self.defersSlowWork = defersSlowWork
    }
}
