import TerminalUI

/// A screen whose work has not been done yet: it says so in one line rather than pretending.
struct UnbuiltScreen: ConsoleScreen {
    let id: ScreenID
    var bindings: [KeyBinding] { [] }

    mutating func reload(_ context: ConsoleContext, in body: Rect) {}

    mutating func handle(_ key: Key, _ context: ConsoleContext, in body: Rect) -> ScreenResponse { .ignored }

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        frame.put("\(id.title) is not built yet; use the command line (timebank --help) meanwhile.",
                  row: rect.row + 1, column: rect.column + 2, maxWidth: rect.width - 4)
    }
}
