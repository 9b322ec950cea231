import Foundation
import Testing
import TerminalUI
import TimeBank
import TimeBankStore
@testable import BrokerConsole

/// Every key a screen acts on is in the help of the mode the broker is in: the walk reaches each
/// mode of each screen, offers it every key a keyboard sends, and any key `handle` consumes must
/// be one that mode's help lists.
@Suite struct KeysInHelpTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    /// Keys the broker can press: letters, digits, punctuation, a letter of another script,
    /// the editing and moving keys, F1–F12 and Ctrl with every letter.
    static let keyboard: [Key] = {
        var keys: [Key] = "abcdefghijklmnopqrstuvwxyzAQZ0123456789 /?:<>+-.,'ë王".map { .char($0) }
        keys += [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape,
                 .backspace, .delete, .insert]
        keys += (1...12).map { .function($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }
        return keys
    }()

    /// The way to each mode from a console just opened, and the scope the mode must have.
    static let routes: [(scope: String, keys: [Key])] = [
        ("today.lists", [.char("1")]),
        ("today.referral", [.char("1"), .enter]),
        ("members.list", [.char("2")]),
        ("members.search", [.char("2"), .char("/")]),
        ("members.card", [.char("2"), .enter]),
        ("members.note", [.char("2"), .enter, .ctrl("n")]),
        ("members.form", [.char("2"), .char("+")]),
        ("members.form", [.char("2"), .enter, .ctrl("v")]),
        ("members.dialog", [.char("2"), .char("+"), .char("x"), .escape]),
        ("listings.list", [.char("3")]),
        ("listings.list", [.char("3"), .tab]),
        ("listings.list", [.char("3"), .tab, .tab]),
        ("listings.search", [.char("3"), .char("/")]),
        ("listings.search", [.char("3"), .char("w")]),  // a letter on the list starts a search
        ("listings.search", [.char("3"), .tab, .tab, .char("g")]),
        ("listings.form", [.char("3"), .char("+")]),
        ("listings.fitting", [.char("3"), .ctrl("t")]),
        ("listings.dialog", [.char("3"), .ctrl("x")]),
        ("listings.dialog", [.char("3"), .char("+"), .tab, .char("x"), .escape]),
        ("match.needs", [.char("4")]),
        ("match.search", [.char("4"), .char("/")]),
        ("match.search", [.char("4"), .char("w")]),
        ("match.helpers", [.char("4"), .enter]),
        ("match.search", [.char("4"), .enter, .char("w")]),  // from the helpers, a fresh search of the needs
        ("match.referrals", [.char("4"), .ctrl("r")]),
        ("match.referral", [.char("4"), .ctrl("r"), .enter]),
        ("record.outside", [.char("5")]),  // the slip opens at rest
        ("record.slip", [.char("5"), .enter]),
        ("record.slip", [.char("5"), .char("a")]),
        // The Category field with its list of matches open ("garden" fits several).
        ("record.slip", [.char("5"), .enter, .tab, .tab, .tab, .tab] + "garden".map { .char($0) }),
        ("record.group", [.char("5"), .function(3)]),
        ("record.statement", [.char("5"), .function(4)]),
        ("record.close", [.char("5"), .function(6)]),
        ("record.outside", [.char("5"), .escape]),
        ("record.dialog", [.char("5"), .enter, .char("1"), .escape]),
    ]

    @Test(arguments: 0..<routes.count)
    func everyKeyAModeActsOnIsInItsHelp(route: Int) throws {
        let (expected, keys) = Self.routes[route]
        let db = try TestStore(demoMembers: 120, seed: 3, today: Self.today)
        let folder = db.folder.path
        var app = ConsoleApp(context: db.context(today: Self.today), size: Size(width: 80, height: 24),
                             screens: ConsoleApp.standardScreens().map { $0.id == .recordHours ? RecordHoursScreen(statementFolder: folder) : $0 })
        for key in keys { _ = app.handle(key) }
        let screen = try #require(app.screens[app.current])
        #expect(screen.scope.name == expected, "the walk \(keys) reached \(screen.scope.name)")
        let registry = app.registry
        var undescribed: [String] = []
        for key in Self.keyboard {
            var copy = screen
            let response = copy.handle(key, app.context, in: app.body)
            if response != .ignored, !registry.describes(key, in: screen.scope) { undescribed.append(key.description) }
        }
        #expect(undescribed.isEmpty, "\(expected) acts on keys its help does not list: \(undescribed.joined(separator: " "))")
        #expect(registry.conflicts().isEmpty, "\(expected) binds a key twice")
    }
}
