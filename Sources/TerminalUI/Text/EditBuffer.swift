/// Characters and a caret, with the readline editing operations shared by the
/// single-line and multi-line fields. The caret is an index between
/// characters (0...count); display columns are derived when drawing.
struct EditBuffer: Sendable, Equatable {
    var characters: [Character]
    var caret: Int
    /// The text removed by the last kill (Ctrl-K/U/W), for Ctrl-Y.
    var killed: [Character] = []

    init(_ text: String) {
        characters = Array(text)
        caret = characters.count
    }

    var text: String { String(characters) }

    mutating func insert(_ character: Character) {
        characters.insert(character, at: caret)
        caret += 1
    }

    mutating func insert(_ newCharacters: [Character]) {
        characters.insert(contentsOf: newCharacters, at: caret)
        caret += newCharacters.count
    }

    @discardableResult
    mutating func deleteBackward() -> Bool {
        guard caret > 0 else { return false }
        characters.remove(at: caret - 1)
        caret -= 1
        return true
    }

    @discardableResult
    mutating func deleteForward() -> Bool {
        guard caret < characters.count else { return false }
        characters.remove(at: caret)
        return true
    }

    /// Removes `range` and remembers it for yanking back.
    @discardableResult
    mutating func kill(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        killed = Array(characters[range])
        characters.removeSubrange(range)
        if caret > range.lowerBound { caret = max(range.lowerBound, caret - range.count) }
        return true
    }

    /// Where the word before the caret starts, as Ctrl-W sees it: spaces
    /// before the caret are skipped first, then the word itself.
    func startOfWordBeforeCaret() -> Int {
        var index = caret
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    mutating func moveLeft() -> Bool {
        guard caret > 0 else { return false }
        caret -= 1
        return true
    }

    mutating func moveRight() -> Bool {
        guard caret < characters.count else { return false }
        caret += 1
        return true
    }
}
