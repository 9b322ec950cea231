import Foundation
import TerminalUI
import TimeBankStore

/// What `ConsoleRunner` drives: the console itself, or the console behind its sign-in and lock.
public protocol RunnableConsole {
    var store: Store { get }
    var hasDeferredWork: Bool { get }
    func render() -> Frame
    mutating func handle(_ key: Key) -> ConsoleApp.Outcome
    mutating func resize(_ size: Size)
    mutating func reload(_ screen: ScreenID?)
    mutating func doDeferredWork()
    /// Called when no key came for a while; true when the screen must be drawn again.
    mutating func tick(now: Date) -> Bool
}

extension ConsoleApp: RunnableConsole {
    public var store: Store { context.store }
    public mutating func tick(now: Date) -> Bool { false }
}
