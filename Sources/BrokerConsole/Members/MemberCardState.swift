import TerminalUI
import TimeBank
import TimeBankStore

/// One member's card: the member and everything the tabs show, read again whenever the store
/// changes, plus which tab is open, how far it is scrolled, and a note being written.
struct MemberCardState {
    enum Tab: Int, CaseIterable {
        case profile, offers, needs, statement, notes, vetting
        var title: String { ["Profile", "Offers", "Needs", "Statement", "Notes", "Vetting"][rawValue] }
    }

    let number: Int
    var tabs = TabsState(titles: Tab.allCases.map(\.title))
    var scroll: [Tab: Int] = [:]
    /// Non-nil while the broker writes a new note.
    var noteDraft: NoteFieldState?
    private(set) var data: MemberCardData?
    private(set) var problem: String?

    init(number: Int) {
        self.number = number
    }

    var tab: Tab { Tab(rawValue: tabs.selectedIndex) ?? .profile }

    mutating func reload(_ context: ConsoleContext) {
        do {
            data = try MemberCardData.load(number, context)
            problem = data == nil ? "There is no member number \(number)." : nil
        } catch {
            problem = "The member could not be read: \(error)"
        }
    }

    /// Up/Down/j/k line by line, PgUp/PgDn by a page, Home/End to either end of the tab.
    mutating func scroll(_ key: Key, lineCount: Int, height: Int) -> Bool {
        let current = scroll[tab] ?? 0
        let page = max(1, height - 1)
        let target: Int
        switch key {
        case .up, .char("k"): target = current - 1
        case .down, .char("j"): target = current + 1
        case .pageUp, .ctrl("b"): target = current - page
        case .pageDown, .ctrl("f"): target = current + page
        case .home, .char("<"): target = 0
        case .end, .char(">"): target = lineCount
        default: return false
        }
        scroll[tab] = min(max(0, target), max(0, lineCount - height))
        return true
    }

    mutating func saveNote(_ context: ConsoleContext) -> ScreenResponse {
        guard let draft = noteDraft else { return .handled }
        do {
            try context.store.addNote(member: number, text: draft.text, by: context.broker)
            noteDraft = nil
            tabs.select(Tab.notes.rawValue)
            scroll[.notes] = 0
            reload(context)
            return .message(.success("Note added to \(data?.member.displayName ?? "member \(number)")."))
        } catch {
            return .message(.error("The note was not saved: \(error)"))
        }
    }
}

/// What a card shows, read in one go.
struct MemberCardData {
    var member: Member
    var balance: AccountBalance?
    var offers: [Offer]
    var needs: [Need]
    var statement: Statement?
    var notes: [Store.Note]
    var vetting: Vetting
    var categories: [Int: String]
    var categoryCodes: [String: String]
    var brokerNames: [String: String]

    static func load(_ number: Int, _ context: ConsoleContext) throws -> MemberCardData? {
        let store = context.store
        guard let member = try store.member(number) else { return nil }
        let categories = try store.categories(includeInactive: true)
        return MemberCardData(
            member: member, balance: try? store.balance(.member(number)), offers: try store.offers(member: number),
            needs: try store.needs(member: number), statement: try? store.statement(for: .member(number)),
            notes: try store.notes(member: number), vetting: try store.vetting(member: number),
            categories: Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            categoryCodes: Dictionary(categories.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            brokerNames: Dictionary(((try? store.brokers()) ?? []).map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a }))
    }
}
