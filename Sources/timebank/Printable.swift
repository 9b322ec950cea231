/// Data made safe to print on a terminal: control characters shown as visible placeholders.
enum Printable {
    static func clean(_ s: String, limit: Int = .max) -> String {
        var out = ""
        var count = 0
        for ch in s {
            if count >= limit { out += "…"; break }
            if ch.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                out += "�"
            } else {
                out.append(ch)
            }
            count += 1
        }
        return out
    }

    static func width(_ s: String) -> Int { s.count }
}
