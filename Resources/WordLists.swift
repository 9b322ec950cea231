// Demo word lists and tables used by `timebank demo`: names, neighbourhoods,
// streets, organisation members, offer and need phrasings, broker notes and
// group activities.
import Foundation

/// A neighbourhood of the demo town.
public struct AreaEntry: Sendable, Hashable {
    public let name: String
    /// Outward postcode, e.g. `GL1`.
    public let postcodeDistrict: String
    /// Names of adjacent areas (symmetric: if A lists B, B lists A).
    public let neighbours: [String]

    public init(name: String, postcodeDistrict: String, neighbours: [String]) {
        self.name = name
        self.postcodeDistrict = postcodeDistrict
        self.neighbours = neighbours
    }
}

/// An organisation member (school, GP surgery, housing association, ...).
public struct OrganisationEntry: Sendable, Hashable {
    public let name: String
    /// Lower-case slug, e.g. `school`, `gp-surgery`, `housing-association`.
    public let kind: String
    /// One of the area names in areas.tsv.
    public let area: String

    public init(name: String, kind: String, area: String) {
        self.name = name
        self.kind = kind
        self.area = area
    }
}

/// A realistic phrasing of an offer or a need in one taxonomy category.
public struct ListingTemplate: Sendable, Hashable {
    public let code: String
    public let title: String
    /// One sentence, as a member would say it.
    public let description: String

    public init(code: String, title: String, description: String) {
        self.code = code
        self.title = title
        self.description = description
    }
}

/// How a group activity's hours flow.
public enum GroupActivityKind: String, Sendable, Hashable, CaseIterable {
    /// `class`: one leader, many attendees; each attendee pays a share of the leader's time.
    case oneToMany = "class"
    /// `event`: many volunteers for an organisation or the community pot.
    case manyToOne = "event"
}

/// A typical group activity.
public struct GroupActivityEntry: Sendable, Hashable {
    public let title: String
    /// A taxonomy code.
    public let code: String
    public let kind: GroupActivityKind
    /// Typical duration in whole minutes (1...1440).
    public let minutes: Int

    public init(title: String, code: String, kind: GroupActivityKind, minutes: Int) {
        self.title = title
        self.code = code
        self.kind = kind
        self.minutes = minutes
    }
}

/// Plain word lists: one entry per line; blank lines and `#` comment lines ignored.
public enum WordListFile {
    public static func load(from url: URL) throws -> [String] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    /// Entries in file order, surrounding spaces trimmed. Fails on a control
    /// character (such as a tab) or when there are no entries.
    public static func parse(_ text: String, fileName: String) throws -> [String] {
        var entries: [String] = []
        for (line, entry) in ResourceText.contentLines(text) {
            if let bad = ResourceText.controlCharacter(in: entry) {
                throw ResourceFileError(file: fileName, line: line, reason: "contains control character \(bad)")
            }
            entries.append(entry)
        }
        if entries.isEmpty {
            throw ResourceFileError(file: fileName, line: 0, reason: "has no entries")
        }
        return entries
    }
}

/// areas.tsv: columns `area`, `postcode_district`, `neighbours` (comma-separated
/// area names, may be empty). Names are unique; every neighbour must be another
/// listed area that lists this one back.
public enum AreasFile {
    public static let fileName = "areas.tsv"
    public static let columns = ["area", "postcode_district", "neighbours"]

    public static func load(from url: URL) throws -> [AreaEntry] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    public static func parse(_ text: String, fileName: String = fileName) throws -> [AreaEntry] {
        let table = try TSVTable(text: text, file: fileName, columns: columns)
        var areas: [(line: Int, area: AreaEntry)] = []
        var lineOfName: [String: Int] = [:]
        for row in table.rows {
            let name = try table.required("area", in: row)
            if let first = lineOfName[name] {
                throw table.error(row, "area \(name) is already listed on line \(first)")
            }
            lineOfName[name] = row.line
            let district = try table.required("postcode_district", in: row).uppercased()
            guard isPostcodeDistrict(district) else {
                throw table.error(row, "postcode_district \"\(district)\" is not an outward postcode such as GL1")
            }
            var neighbours: [String] = []
            for part in row["neighbours"].split(separator: ",") {
                let neighbour = part.trimmingCharacters(in: .whitespaces)
                if neighbour.isEmpty { continue }
                if neighbour == name { throw table.error(row, "area \(name) lists itself as a neighbour") }
                if !neighbours.contains(neighbour) { neighbours.append(neighbour) }
            }
            areas.append((row.line, AreaEntry(name: name, postcodeDistrict: district, neighbours: neighbours)))
        }
        if areas.isEmpty { throw ResourceFileError(file: fileName, line: 0, reason: "has a header but no areas") }

        let byName = Dictionary(uniqueKeysWithValues: areas.map { ($0.area.name, $0.area) })
        for (line, area) in areas {
            for neighbour in area.neighbours {
                guard let other = byName[neighbour] else {
                    throw ResourceFileError(file: fileName, line: line, reason: "neighbour \(neighbour) of \(area.name) is not a listed area")
                }
                guard other.neighbours.contains(area.name) else {
                    throw ResourceFileError(
                        file: fileName, line: line,
                        reason: "\(area.name) lists \(neighbour) as a neighbour but \(neighbour) (line \(lineOfName[neighbour]!)) does not list \(area.name)")
                }
            }
        }
        return areas.map(\.area)
    }

    /// `GL1`, `GL10`, `SW1A`, `M1`, ...: 1–2 letters, a digit, then an optional digit or letter.
    static func isPostcodeDistrict(_ text: String) -> Bool {
        let chars = Array(text.unicodeScalars)
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        while i < chars.count, i < 2, isLetter(chars[i]) { i += 1 }
        guard i >= 1, i < chars.count, isDigit(chars[i]) else { return false }
        i += 1
        if i < chars.count, isDigit(chars[i]) || isLetter(chars[i]) { i += 1 }
        return i == chars.count
    }
}

/// organisations.tsv: columns `name`, `kind`, `area`.
public enum OrganisationsFile {
    public static let fileName = "organisations.tsv"
    public static let columns = ["name", "kind", "area"]

    public static func load(from url: URL) throws -> [OrganisationEntry] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    public static func parse(_ text: String, fileName: String = fileName) throws -> [OrganisationEntry] {
        try parseWithLines(text, fileName: fileName).map(\.entry)
    }

    static func parseWithLines(_ text: String, fileName: String) throws -> [(line: Int, entry: OrganisationEntry)] {
        let table = try TSVTable(text: text, file: fileName, columns: columns)
        var seen: [String: Int] = [:]
        var result: [(line: Int, entry: OrganisationEntry)] = []
        for row in table.rows {
            let name = try table.required("name", in: row)
            if let first = seen[name] { throw table.error(row, "organisation \(name) is already listed on line \(first)") }
            seen[name] = row.line
            let entry = OrganisationEntry(
                name: name, kind: try table.required("kind", in: row).lowercased(),
                area: try table.required("area", in: row))
            result.append((row.line, entry))
        }
        return result
    }
}

/// offers.tsv and needs.tsv: columns `code`, `title`, `description`.
public enum ListingTemplatesFile {
    public static let offersFileName = "offers.tsv"
    public static let needsFileName = "needs.tsv"
    public static let columns = ["code", "title", "description"]

    public static func load(from url: URL) throws -> [ListingTemplate] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    public static func parse(_ text: String, fileName: String) throws -> [ListingTemplate] {
        try parseWithLines(text, fileName: fileName).map(\.entry)
    }

    static func parseWithLines(_ text: String, fileName: String) throws -> [(line: Int, entry: ListingTemplate)] {
        let table = try TSVTable(text: text, file: fileName, columns: columns)
        return try table.rows.map { row in
            let code = try table.required("code", in: row)
            guard TaxonomyFile.isValidCode(code) else {
                throw table.error(row, "code \"\(code)\" is not of the form group.service")
            }
            return (row.line, ListingTemplate(
                code: code, title: try table.required("title", in: row),
                description: try table.required("description", in: row)))
        }
    }
}

/// group_activities.tsv: columns `title`, `code`, `kind` (`class` or `event`), `minutes`.
public enum GroupActivitiesFile {
    public static let fileName = "group_activities.tsv"
    public static let columns = ["title", "code", "kind", "minutes"]

    public static func load(from url: URL) throws -> [GroupActivityEntry] {
        try parse(ResourceText.read(url), fileName: url.lastPathComponent)
    }

    public static func parse(_ text: String, fileName: String = fileName) throws -> [GroupActivityEntry] {
        try parseWithLines(text, fileName: fileName).map(\.entry)
    }

    static func parseWithLines(_ text: String, fileName: String) throws -> [(line: Int, entry: GroupActivityEntry)] {
        let table = try TSVTable(text: text, file: fileName, columns: columns)
        return try table.rows.map { row in
            let title = try table.required("title", in: row)
            let code = try table.required("code", in: row)
            guard TaxonomyFile.isValidCode(code) else {
                throw table.error(row, "code \"\(code)\" is not of the form group.service")
            }
            let kindText = try table.required("kind", in: row)
            guard let kind = GroupActivityKind(rawValue: kindText.lowercased()) else {
                throw table.error(row, "kind must be \"class\" or \"event\", not \"\(kindText)\"")
            }
            let minutesText = try table.required("minutes", in: row)
            guard let minutes = Int(minutesText), (1...1440).contains(minutes) else {
                throw table.error(row, "minutes must be a whole number from 1 to 1440, not \"\(minutesText)\"")
            }
            return (row.line, GroupActivityEntry(title: title, code: code, kind: kind, minutes: minutes))
        }
    }
}

/// Everything the demo generator draws from, loaded together and cross-checked:
/// every offer, need and group-activity code is in the taxonomy and every
/// organisation's area is in areas.tsv.
public struct DemoWordLists: Sendable, Hashable {
    public static let givenNamesFileName = "given_names.txt"
    public static let familyNamesFileName = "family_names.txt"
    public static let streetsFileName = "streets.txt"
    public static let notesFileName = "notes.txt"

    public let givenNames: [String]
    public let familyNames: [String]
    public let streets: [String]
    /// Short broker notes.
    public let notes: [String]
    public let areas: [AreaEntry]
    public let organisations: [OrganisationEntry]
    public let offers: [ListingTemplate]
    public let needs: [ListingTemplate]
    public let groupActivities: [GroupActivityEntry]

    public init(givenNames: [String], familyNames: [String], streets: [String], notes: [String],
                areas: [AreaEntry], organisations: [OrganisationEntry], offers: [ListingTemplate],
                needs: [ListingTemplate], groupActivities: [GroupActivityEntry]) {
        self.givenNames = givenNames
        self.familyNames = familyNames
        self.streets = streets
        self.notes = notes
        self.areas = areas
        self.organisations = organisations
        self.offers = offers
        self.needs = needs
        self.groupActivities = groupActivities
    }

    /// The shipped lists, checked against the shipped taxonomy.
    public static func loadBundled() throws -> DemoWordLists {
        let directory = TimeBankResources.dataDirectory
        return try load(from: directory, taxonomy: Taxonomy(try TaxonomyFile.loadBundled()))
    }

    /// Loads every list from `directory` (file names as shipped) and checks
    /// codes against `taxonomy`.
    public static func load(from directory: URL, taxonomy: Taxonomy) throws -> DemoWordLists {
        func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func checkCodes<T>(_ rows: [(line: Int, entry: T)], _ file: String, _ code: (T) -> String) throws -> [T] {
            for (line, entry) in rows where !taxonomy.contains(code: code(entry)) {
                throw ResourceFileError(file: file, line: line, reason: "code \(code(entry)) is not in the taxonomy")
            }
            return rows.map(\.entry)
        }

        let areas = try AreasFile.load(from: url(AreasFile.fileName))
        let areaNames = Set(areas.map(\.name))
        let organisationRows = try OrganisationsFile.parseWithLines(
            ResourceText.read(url(OrganisationsFile.fileName)), fileName: OrganisationsFile.fileName)
        for (line, organisation) in organisationRows where !areaNames.contains(organisation.area) {
            throw ResourceFileError(file: OrganisationsFile.fileName, line: line,
                                    reason: "area \(organisation.area) is not in \(AreasFile.fileName)")
        }

        let offersFile = ListingTemplatesFile.offersFileName
        let needsFile = ListingTemplatesFile.needsFileName
        let activitiesFile = GroupActivitiesFile.fileName
        return DemoWordLists(
            givenNames: try WordListFile.load(from: url(givenNamesFileName)),
            familyNames: try WordListFile.load(from: url(familyNamesFileName)),
            streets: try WordListFile.load(from: url(streetsFileName)),
            notes: try WordListFile.load(from: url(notesFileName)),
            areas: areas,
            organisations: organisationRows.map(\.entry),
            offers: try checkCodes(
                ListingTemplatesFile.parseWithLines(ResourceText.read(url(offersFile)), fileName: offersFile), offersFile, \.code),
            needs: try checkCodes(
                ListingTemplatesFile.parseWithLines(ResourceText.read(url(needsFile)), fileName: needsFile), needsFile, \.code),
            groupActivities: try checkCodes(
                GroupActivitiesFile.parseWithLines(ResourceText.read(url(activitiesFile)), fileName: activitiesFile),
                activitiesFile, \.code))
    }
}
