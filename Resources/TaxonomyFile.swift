// The two-level category taxonomy (taxonomy.tsv): groups of services, each with
// a stable code such as `garden.weeding`.
import Foundation

/// One service in the taxonomy.
public struct TaxonomyEntry: Sendable, Hashable, Identifiable {
    /// Stable id, `group.service` in lower case, e.g. `garden.weeding`.
    public let code: String
    /// Display name of the group, e.g. "Garden and outdoors".
    public let group: String
    /// Display name of the service, e.g. "Weeding and tidying borders".
    public let service: String
    /// Lower-case search words, e.g. ["weeding", "lawn", "mowing"].
    public let keywords: [String]
    /// The service usually involves vulnerable people or entering homes, so a
    /// need in it is by default marked "needs a vetted helper".
    public let needsVetting: Bool
    /// The helper normally travels to the member.
    public let involvesTravel: Bool

    public init(code: String, group: String, service: String, keywords: [String],
                needsVetting: Bool, involvesTravel: Bool) {
        self.code = code
        self.group = group
        self.service = service
        self.keywords = keywords
        self.needsVetting = needsVetting
        self.involvesTravel = involvesTravel
    }

    public var id: String { code }

    /// The part of the code before the dot, e.g. `garden`.
    public var groupCode: String {
        code.firstIndex(of: ".").map { String(code[..<$0]) } ?? code
    }

    /// "Garden and outdoors / Weeding and tidying borders" (ASCII separator,
    /// safe on any terminal).
    public var displayName: String { "\(group) / \(service)" }
}

/// The whole taxonomy, in file order, with lookups.
public struct Taxonomy: Sendable, Hashable {
    public let entries: [TaxonomyEntry]
    private let indexByCode: [String: Int]

    /// Entries must have unique codes (as `TaxonomyFile` guarantees); a later
    /// duplicate is ignored by `entry(code:)`.
    public init(_ entries: [TaxonomyEntry]) {
        self.entries = entries
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.code] == nil {
            index[entry.code] = position
        }
        self.indexByCode = index
    }

    /// The shipped taxonomy.
    public static func bundled() throws -> Taxonomy {
        Taxonomy(try TaxonomyFile.loadBundled())
    }

    public func entry(code: String) -> TaxonomyEntry? {
        indexByCode[code].map { entries[$0] }
    }

    public func contains(code: String) -> Bool { indexByCode[code] != nil }

    /// Group display names in file order, without repeats.
    public var groups: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.group).inserted ? $0.group : nil }
    }

    public func entries(inGroup group: String) -> [TaxonomyEntry] {
        entries.filter { $0.group == group }
    }

    /// Entries matching every word of `text` (case- and accent-insensitive) in
    /// their code, group, service or keywords. Entries where a word matches the
    /// start of the service name or a keyword come first; otherwise file order.
    public func search(_ text: String) -> [TaxonomyEntry] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { Self.fold(String($0)) }
        guard !words.isEmpty else { return entries }
        var strong: [TaxonomyEntry] = []
        var weak: [TaxonomyEntry] = []
        for entry in entries {
            let serviceWords = entry.service.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Self.fold(String($0)) }
            let starts = entry.keywords.map(Self.fold) + serviceWords
            let haystack = Self.fold([entry.code, entry.group, entry.service, entry.keywords.joined(separator: " ")]
                .joined(separator: " "))
            guard words.allSatisfy({ haystack.contains($0) }) else { continue }
            if words.allSatisfy({ word in starts.contains { $0.hasPrefix(word) } }) {
                strong.append(entry)
            } else {
                weak.append(entry)
            }
        }
        return strong + weak
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// Reads and writes taxonomy.tsv.
///
/// Columns (header row required, tab-separated, any order, extra columns ignored):
/// `code`, `group`, `service`, `keywords` (space-separated, may be empty),
/// `vetting` (`yes`/`no`), `travel` (`yes`/`no`).
/// Codes are two lower-case parts joined by a dot (`[a-z][a-z0-9-]*`), unique;
/// every code with the same first part must name the same group, and vice versa.
public enum TaxonomyFile {
    public static let fileName = "taxonomy.tsv"
    public static let columns = ["code", "group", "service", "keywords", "vetting", "travel"]

    /// The shipped taxonomy from the resource bundle.
    public static func loadBundled() throws -> [TaxonomyEntry] {
        try load(from: TimeBankResources.dataDirectory.appendingPathComponent(fileName))
    }

    public static func load(from url: URL) throws -> [TaxonomyEntry] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    /// Parses the file's text; `fileName` is only used in error messages.
    public static func parse(_ text: String, fileName: String = fileName) throws -> [TaxonomyEntry] {
        try parseWithLines(text, fileName: fileName).map(\.entry)
    }

    /// Taxonomy text that `parse` reads back to the same entries (tabs and line
    /// breaks inside values become spaces).
    public static func format(_ entries: [TaxonomyEntry]) -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for entry in entries {
            let fields = [
                entry.code, entry.group, entry.service, entry.keywords.joined(separator: " "),
                entry.needsVetting ? "yes" : "no", entry.involvesTravel ? "yes" : "no",
            ]
            out += fields.map(tsvField).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Whether `code` has the `group.service` shape.
    public static func isValidCode(_ code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }

    static func parseWithLines(_ text: String, fileName: String) throws -> [(line: Int, entry: TaxonomyEntry)] {
        let table = try TSVTable(text: text, file: fileName, columns: columns)
        var result: [(line: Int, entry: TaxonomyEntry)] = []
        var lineOfCode: [String: Int] = [:]
        var groupOfPrefix: [String: (group: String, line: Int)] = [:]
        var prefixOfGroup: [String: (prefix: String, line: Int)] = [:]

        for row in table.rows {
            let code = try table.required("code", in: row)
            guard isValidCode(code) else {
                throw table.error(row, "code \"\(code)\" is not of the form group.service (lower-case letters, digits, hyphens)")
            }
            if let first = lineOfCode[code] {
                throw table.error(row, "code \(code) is already used on line \(first)")
            }
            lineOfCode[code] = row.line

            let group = try table.required("group", in: row)
            let service = try table.required("service", in: row)
            let prefix = String(code[..<code.firstIndex(of: ".")!])
            if let known = groupOfPrefix[prefix], known.group != group {
                throw table.error(row, "codes starting \(prefix). belong to group \"\(known.group)\" (line \(known.line)), not \"\(group)\"")
            }
            if let known = prefixOfGroup[group], known.prefix != prefix {
                throw table.error(row, "group \"\(group)\" uses codes starting \(known.prefix). (line \(known.line)), not \(prefix).")
            }
            groupOfPrefix[prefix] = groupOfPrefix[prefix] ?? (group, row.line)
            prefixOfGroup[group] = prefixOfGroup[group] ?? (prefix, row.line)

            var keywords: [String] = []
            for word in row["keywords"].split(whereSeparator: { $0.isWhitespace }) {
                let lowered = word.lowercased()
                if !keywords.contains(lowered) { keywords.append(lowered) }
            }
            let entry = TaxonomyEntry(
                code: code, group: group, service: service, keywords: keywords,
                needsVetting: try table.yesNo("vetting", in: row),
                involvesTravel: try table.yesNo("travel", in: row))
            result.append((row.line, entry))
        }
        if result.isEmpty {
            throw ResourceFileError(file: fileName, line: 0, reason: "has a header but no services")
        }
        return result
    }
}
