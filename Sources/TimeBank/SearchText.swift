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
        for scalar in stripped.unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value < 128 && CharacterSet.decimalDigits.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "ʼ" {
                continue  // O'Brien is one word to a searcher: "obrien"
            } else {
                out.append(" ")
            }
        }
        return out.lowercased()
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
