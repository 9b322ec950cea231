import Foundation
import GRDB
import TimeBank

/// Another broker saved the record after this broker started editing it: their name, when,
/// and what they changed. The refused save keeps the broker's edits on screen.
public struct RecordConflict: Equatable, Sendable, CustomStringConvertible {
    /// "offer 12", "need 7", "the vetting of member 1042", "referral 3".
    public var record: String
    public var otherBroker: String
    public var savedAt: String
    /// "title: “Gardening” → “Garden help”", one per field they changed.
    public var changes: [String]
    /// What to do now: save again after checking, or look again before moving.
    public var advice = "your edits are kept, check them and save again"

    public var description: String {
        let what = changes.isEmpty ? "" : " (\(changes.joined(separator: "; ")))"
        let when = savedAt.isEmpty ? "" : " at \(savedAt)"
        return "\(otherBroker) saved \(record)\(when) while you had it open\(what); \(advice)."
    }
}

extension Store {
    /// A field that changed, as written in the audit log after the "v=N" line: label, before, after.
    typealias FieldChange = (label: String, before: String, after: String)

    /// The audit details of a versioned save: "v=N" then one tab-separated line per change.
    static func versionedDetails(_ version: Int, _ changes: [FieldChange]) -> String {
        (["v=\(version)"] + changes.map { "\($0.label)\t\(flat($0.before))\t\(flat($0.after))" }).joined(separator: "\n")
    }

    /// Refuses a save started from `expected` when the stored version has moved on, naming who
    /// moved it and what they changed (from the audit log).
    static func requireVersion(_ db: Database, current: Int, expected: Int, entity: String, id: String, record: String,
                               advice: String? = nil) throws {
        guard current != expected else { return }
        let rows = try Row.fetchAll(db, sql: "SELECT at, broker, details FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id",
                                    arguments: [entity, id])
        var conflict = RecordConflict(record: record, otherBroker: "Another broker", savedAt: "", changes: [])
        if let advice { conflict.advice = advice }
        for row in rows {
            let lines = (row["details"] as String).split(separator: "\n", omittingEmptySubsequences: false)
            guard let first = lines.first, first.hasPrefix("v="), let v = Int(first.dropFirst(2)), v > expected else { continue }
            let username: String = row["broker"]
            conflict.otherBroker = try String.fetchOne(db, sql: "SELECT display_name FROM broker WHERE username = ?", arguments: [username]) ?? username
            conflict.savedAt = String((row["at"] as String).dropFirst(11).prefix(5)) + " UTC"
            for line in lines.dropFirst() {
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else { continue }
                conflict.changes.removeAll { $0.hasPrefix(parts[0] + ":") }
                conflict.changes.append("\(parts[0]): “\(parts[1])” → “\(parts[2])”")
            }
        }
        throw StoreError.recordChanged(conflict)
    }

    /// One line of the audit log holds one value: line breaks and tabs in free text are shown as spaces.
    private static func flat(_ text: String) -> String {
        let oneLine = text.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        return oneLine.count > 60 ? String(oneLine.prefix(60)) + "…" : String(oneLine)
    }

    static func listingChanges(from a: Offer, to b: Offer) -> [FieldChange] {
        var out: [FieldChange] = []
        if a.title != b.title { out.append(("title", a.title, b.title)) }
        if a.description != b.description { out.append(("description", a.description, b.description)) }
        if a.area != b.area { out.append(("area", a.area, b.area)) }
        if a.categoryID != b.categoryID { out.append(("category", String(a.categoryID), String(b.categoryID))) }
        if a.availability != b.availability { out.append(("availability", String(a.availability.rawValue), String(b.availability.rawValue))) }
        if a.status != b.status { out.append(("status", a.status.rawValue, b.status.rawValue)) }
        return out
    }

    static func listingChanges(from a: Need, to b: Need) -> [FieldChange] {
        var out = listingChanges(from: Offer(member: a.member, categoryID: a.categoryID, title: a.title, description: a.description, area: a.area,
                                             availability: a.availability, status: a.status, created: a.created),
                                 to: Offer(member: b.member, categoryID: b.categoryID, title: b.title, description: b.description, area: b.area,
                                           availability: b.availability, status: b.status, created: b.created))
        if a.needsVettedHelper != b.needsVettedHelper { out.append(("needs a vetted helper", String(a.needsVettedHelper), String(b.needsVettedHelper))) }
        if a.requiresTravel != b.requiresTravel { out.append(("requires travel", String(a.requiresTravel), String(b.requiresTravel))) }
        return out
    }

    static func vettingChanges(from a: Vetting, to b: Vetting) -> [FieldChange] {
        var out: [FieldChange] = []
        func names(_ v: Vetting) -> String { v.references.map { "\($0.referee) \($0.received.iso)" }.joined(separator: ", ") }
        if names(a) != names(b) { out.append(("references", names(a), names(b))) }
        if a.idSeen != b.idSeen { out.append(("ID seen", a.idSeen?.iso ?? "", b.idSeen?.iso ?? "")) }
        if a.induction != b.induction { out.append(("induction", a.induction?.iso ?? "", b.induction?.iso ?? "")) }
        if a.dbsRequired != b.dbsRequired || a.dbs != b.dbs {
            out.append(("DBS", a.dbs.map { "\($0.level) \($0.review.iso)" } ?? "", b.dbs.map { "\($0.level) \($0.review.iso)" } ?? ""))
        }
        if a.review != b.review { out.append(("review", a.review?.iso ?? "", b.review?.iso ?? "")) }
        return out
    }
}
