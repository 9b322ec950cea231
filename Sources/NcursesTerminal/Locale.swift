#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ncurses decodes input and measures character widths through the C locale, so
/// the user's locale must be adopted before it starts, and it must be UTF-8:
/// every name in the database is UTF-8 whatever the login's LANG says.
enum TerminalLocale {
    /// Adopts the user's locale; if that is not UTF-8 (LANG unset gives "C"),
    /// switches character handling to a UTF-8 locale and says so.
    static func adopt() -> String? {
        setlocale(LC_ALL, "")
        if isUTF8() { return nil }
        let previous = String(cString: nl_langinfo(nl_item(CODESET)))
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            if isUTF8() {
                return "The locale's character set is \(previous), not UTF-8; using \(candidate) for text."
            }
        }
        return "The locale's character set is \(previous), not UTF-8, and no UTF-8 locale is installed; names may show wrongly."
    }

    private static func isUTF8() -> Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }
}
