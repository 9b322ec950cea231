import ArgumentParser
import Foundation
import TimeBank
import TimeBankStore

/// Subject access: everything held about one member, as JSON, as readable text, and a README.
struct ExportMember: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-member",
        abstract: "Write everything held about a member (a subject access request) into a folder, readable only by you.",
        discussion: """
            Writes member-M.json, member-M.txt and README.txt (what each part is, why it is kept and for how long), each 0600. \
            Other members appear as "another member" unless the setting subject_access_names_counterparties is true. \
            The export is recorded in the audit log.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The member number.") var member: Int
    @Option(help: ArgumentHelp("The folder to write into (made if missing).", valueName: "DIR")) var out: String

    func run() throws {
        let session = try Session.open(database)
        let record = try attempt { try session.store.subjectAccess(member: member) }
        let files = SubjectAccessFiles(record: record, timeBank: (try? session.store.settings().timeBankName) ?? "the time bank")
        let folder = URL(fileURLWithPath: out)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw CommandFailure.user("\(out) is a file, not a folder.") }
        } else {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CommandFailure.user("The folder \(out) cannot be made: \(error.localizedDescription)")
            }
        }
        let contents = [("member-\(member).json", try files.json()), ("member-\(member).txt", files.text()), ("README.txt", files.readme())]
        for (name, _) in contents where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw CommandFailure.user("\(out) already holds \(name); choose an empty folder so no earlier export is overwritten.")
        }
        for (name, text) in contents {
            try Self.writePrivate(text, to: folder.appendingPathComponent(name).path)
        }
        try attempt { try session.store.recordSubjectAccessExport(member: member, by: session.broker) }
        let output = CommandOutput.standardOutput()
        try output.writeLine("Wrote everything held about member \(member) to \(out): \(contents.map(\.0).joined(separator: ", ")).")
        try output.flush()
    }

    /// Created readable by the owner only, whatever the umask; an existing file is never replaced.
    static func writePrivate(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CommandFailure.user("Cannot write \(path): \(String(cString: strerror(errno))).") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let output = CommandOutput(descriptor: fd, sanitises: false)
        do {
            try output.write(text)
            try output.flush()
        } catch {
            throw CommandFailure.user("Cannot write \(path): \(error).")
        }
    }
}

/// The three files of a subject-access export.
struct SubjectAccessFiles {
    let record: SubjectAccessRecord
    let timeBank: String

    func json() throws -> String {
        let m = record.member
        let object: [String: Any] = [
            "member": m.number,
            "erased": record.erased,
            "profile": Dictionary(m.labelledFields.map { ($0.label, $0.value) }, uniquingKeysWith: { a, _ in a }),
            "balance": ["given_minutes": record.balance.givenMinutes, "received_minutes": record.balance.receivedMinutes,
                        "balance_minutes": record.balance.balanceMinutes],
            "notes": record.notes.map { ["at": $0.at, "broker": $0.broker, "text": $0.text] },
            "vetting": vettingObject(),
            "offers": record.offers.map { ["id": $0.id, "title": $0.title, "description": $0.description, "area": $0.area,
                                           "availability": $0.availability.text, "status": $0.status.rawValue, "created": $0.created.iso] },
            "needs": record.needs.map { ["id": $0.id, "title": $0.title, "description": $0.description, "area": $0.area,
                                         "availability": $0.availability.text, "status": $0.status.rawValue, "created": $0.created.iso,
                                         "needs_vetted_helper": $0.needsVettedHelper] },
            "referrals": record.referrals.map { r -> [String: Any] in
                ["id": r.id, "role": r.role, "need": r.needTitle, "status": r.status, "created": r.created, "updated": r.updated,
                 "note": r.note, "steps": r.steps.map { ["at": $0.at, "status": $0.status, "note": $0.note] }]
            },
            "exchanges": record.exchanges.map { e -> [String: Any] in
                ["date": e.date, "minutes": e.minutes, "hours": MinutesFormat.decimalHours(e.minutes), "direction": e.direction,
                 "with": e.counterparty, "category": e.category, "description": e.description, "reversal": e.reversal]
            },
            "audit": record.audit.map { ["at": $0.at, "broker": $0.broker, "action": $0.action, "entity": $0.entity, "id": $0.entityID,
                                         "details": $0.details] },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func vettingObject() -> [String: Any] {
        let v = record.vetting
        return [
            "references": v.references.map { ["referee": $0.referee, "received": $0.received.iso] },
            "id_seen": v.idSeen?.iso ?? "", "induction": v.induction?.iso ?? "", "dbs_required": v.dbsRequired,
            "dbs_level": v.dbs?.level ?? "", "dbs_certificate": v.dbs?.certificateNumber ?? "", "dbs_issued": v.dbs?.issued.iso ?? "",
            "dbs_review": v.dbs?.review.iso ?? "", "review": v.review?.iso ?? "",
        ]
    }

    func text() -> String {
        let m = record.member
        var out = "Everything \(timeBank) holds about member \(m.number)\n\n== Profile, consent and demographics ==\n"
        for (label, value) in m.labelledFields { out += "\(label): \(value)\n" }
        out += "\n== Balance ==\nGiven \(MinutesFormat.clock(record.balance.givenMinutes)), received \(MinutesFormat.clock(record.balance.receivedMinutes)), balance \(MinutesFormat.signedClock(record.balance.balanceMinutes))\n"
        out += "\n== Notes by brokers ==\n" + (record.notes.isEmpty ? "(none)\n" : record.notes.map { "\($0.at) \($0.broker): \($0.text)\n" }.joined())
        let v = record.vetting
        out += "\n== Vetting and references ==\n"
        out += "ID seen: \(v.idSeen?.iso ?? "-")\nInduction: \(v.induction?.iso ?? "-")\nDBS required: \(v.dbsRequired ? "yes" : "no")\n"
        if let d = v.dbs { out += "DBS: \(d.level), certificate \(d.certificateNumber), issued \(d.issued.iso), review \(d.review.iso)\n" }
        out += "Review: \(v.review?.iso ?? "-")\n"
        for r in v.references { out += "Reference from \(r.referee), received \(r.received.iso)\n" }
        out += "\n== Offers ==\n" + (record.offers.isEmpty ? "(none)\n" : record.offers.map { "#\($0.id) \($0.title) (\($0.status.rawValue), \($0.created.iso)): \($0.description)\n" }.joined())
        out += "\n== Needs ==\n" + (record.needs.isEmpty ? "(none)\n" : record.needs.map { "#\($0.id) \($0.title) (\($0.status.rawValue), \($0.created.iso)): \($0.description)\n" }.joined())
        out += "\n== Referrals ==\n" + (record.referrals.isEmpty ? "(none)\n" : record.referrals.map { r in
            "#\(r.id) as \(r.role) for \"\(r.needTitle)\": \(r.status), \(r.created) to \(r.updated)\(r.note.isEmpty ? "" : ": \(r.note)")\n"
                + r.steps.map { "    \($0.at) \($0.status)\($0.note.isEmpty ? "" : ": \($0.note)")\n" }.joined()
        }.joined())
        out += "\n== Exchanges ==\n" + (record.exchanges.isEmpty ? "(none)\n" : record.exchanges.map { e in
            "\(e.date) \(e.direction) \(MinutesFormat.clock(e.minutes)) \(e.direction == "given" ? "to" : "from") \(e.counterparty)"
                + "\(e.category.isEmpty ? "" : " [\(e.category)]")\(e.description.isEmpty ? "" : ": \(e.description)")\(e.reversal ? " (a correction)" : "")\n"
        }.joined())
        out += "\n== Audit log entries about this member ==\n" + (record.audit.isEmpty ? "(none)\n" : record.audit.map {
            "\($0.at) \($0.broker) \($0.action) \($0.entity) \($0.entityID)\($0.details.isEmpty ? "" : ": " + $0.details.replacingOccurrences(of: "\n", with: "; "))\n"
        }.joined())
        return out
    }

    func readme() -> String {
        """
        Subject access export for member \(record.member.number) of \(timeBank)
        Written \(Store.timestampText(Date())). member-\(record.member.number).txt is the readable copy; member-\(record.member.number).json holds the same for a computer.

        What each part is, why it is kept, and for how long:

        - Profile, consent and demographics: who you are and how to reach you, what you agreed to, and the optional figures
          funders ask for. Kept to run the time bank with you; demographics only in anonymous counts.
        - Notes by brokers: what the coordinators wrote down while helping you, each signed and dated.
        - Vetting and references: safeguarding checks for introducing members to each other safely.
        - Offers and needs: what you offered and asked for, so we could make introductions.
        - Referrals: the introductions we made, and each step of them.
        - Exchanges: the hours you gave and received, with dates. The ledger is the time bank's account of every hour and
          stays after personal details are erased; other members appear as "another member" because they are other people's data.
        - Audit log entries: who at the time bank changed or exported your record, and when.

        How long: while you are a member, and \(record.retentionYears) years after you leave; then your personal details are erased.
        The hours in the ledger stay, attributed to "Former member \(record.member.number)", so everyone's balances stay right.
        Ask the time bank's coordinator to correct anything here, or to erase your details sooner.
        """ + "\n"
    }
}
