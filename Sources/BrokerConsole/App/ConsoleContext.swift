import TimeBank
import TimeBankStore

/// What every screen may use: the store, who is at the keyboard, and today's date.
public struct ConsoleContext: Sendable {
    public let store: Store
    public let broker: Broker
    /// Read again at every reload, so a console left open overnight moves to the new day.
    public let today: @Sendable () -> CalendarDate

    public init(store: Store, broker: Broker, today: @escaping @Sendable () -> CalendarDate = { .today() }) {
        self.store = store
        self.broker = broker
        self.today = today
    }
}
