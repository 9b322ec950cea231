import Foundation

/// Folding of names and search input so that `zoe` finds Zoë, `obrien` finds O'Brien,
/// `gl1 2ab` finds GL12AB and `07700 900123` finds 07700900123. Screen and command line share it.
public enum SearchText {
    /// Lowercase, accents removed, letters and digits only (everything else becomes a space).
    public static func fold(_ text: String) -> String {
        var stripped = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        // Letters whose stroke or ligature is not a combining mark, so folding leaves them alone.
        if stripped.unicodeScalars.contains(where: { strokeFolds[$0] != nil }) {
            stripped = String(stripped.unicodeScalars.map { strokeFolds[$0] ?? String($0) }.joined())
        }
        var out = ""
        out.reserveCapacity(stripped.count)
        var previousWasCJK: Bool?
        for scalar in stripped.unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value < 128 && CharacterSet.decimalDigits.contains(scalar)) {
                // "王O'Brien" is two words to a searcher: a change of script starts a new word.
                let cjk = isCJK(scalar)
                if let previous = previousWasCJK, previous != cjk { out.append(" ") }
                previousWasCJK = cjk
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "ʼ" {
                continue  // O'Brien is one word to a searcher: "obrien"
            } else {
                out.append(" ")
                previousWasCJK = nil
            }
        }
        return out.lowercased()
    }

    /// Han, kana and Hangul: scripts written without spaces between words and names.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    static let strokeFolds: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i", "ħ": "h",
    ]

    /// The words of a text after folding.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// A phone number or postcode reduced to what matters: letters and digits, lowercased.
    public static func compact(_ text: String) -> String {
        words(text).joined()
    }
}
