import Foundation
import TimeBank

/// What a time bank leaving TimeOverflow brings: its users file and its transfers file, both
/// read by position. A first row that is a header (its first field not a number) is read past.
struct TimeOverflowMapping {
    let kind: ImportKind

    static let userFields = 10
    static let transferFields = 8

    init(kind: ImportKind, line: Int) throws(CSVFileError) {
        guard kind == .members || kind == .exchanges else {
            throw CSVFileError(line: nil, "TimeOverflow files are its users (import members) and its transfers (import exchanges); import \(kind.rawValue) takes --format timebank.")
        }
        self.kind = kind
    }

    static func isHeader(_ r: CSVRecord) -> Bool {
        guard let first = r.fields.first?.trimmingCharacters(in: .whitespaces) else { return false }
        return ImportValues.integer(first) == nil && first.lowercased().contains("id")
    }

    func map(_ r: CSVRecord, occurrence: Int, today: CalendarDate) throws(RowProblemError) -> ImportedRow {
        switch kind {
        case .exchanges: return .exchange(try transfer(r, occurrence: occurrence))
        default: return .member(try user(r, today: today))
        }
    }

    /// uid, entry date, first name, middle name, last name, gender code 1–4, date of birth,
    /// phone, alternative phone, email.
    private func user(_ r: CSVRecord, today: CalendarDate) throws(RowProblemError) -> ImportedMember {
        guard r.fields.count == Self.userFields else {
            throw RowProblemError(r.line, "has \(r.fields.count) fields where a TimeOverflow user has \(Self.userFields): uid, entry date, first, middle and last name, gender, date of birth, phone, alternative phone, email.")
        }
        let f = r.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let uid = ImportValues.integer(f[0]), uid > 0, uid < 1_000_000_000 else {
            throw RowProblemError(r.line, "the uid '\(f[0].prefix(20))' is not a whole number above 0.")
        }
        guard let joined = ImportValues.date(f[1]) else {
            throw RowProblemError(r.line, "the entry date '\(f[1].prefix(30))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
        }
        let name = [f[2], f[3], f[4]].filter { !$0.isEmpty }.joined(separator: " ")
        guard !name.isEmpty else { throw RowProblemError(r.line, "the user has no name.") }
        var gender = ""
        if !f[5].isEmpty {
            guard let code = ImportValues.integer(f[5]), (1...4).contains(code) else {
                throw RowProblemError(r.line, "the gender code '\(f[5].prefix(10))' is not 1, 2, 3 or 4.")
            }
            gender = ["female", "male", "other", "prefer not to say"][code - 1]
        }
        var ageBand = ""
        if !f[6].isEmpty {
            guard let born = ImportValues.date(f[6]), born <= today else {
                throw RowProblemError(r.line, "the date of birth '\(f[6].prefix(30))' is not a past date written YYYY-MM-DD or DD/MM/YYYY.")
            }
            // Only the age band is kept: a date of birth is more than funder reports need.
            ageBand = Self.ageBand(born: born, today: today)
        }
        let member = Member(name: name, phone: f[7], email: f[9], joined: joined, status: .active,
                            demographics: Demographics(ageBand: ageBand, gender: gender))
        try TimeBankMapping.validate(member, line: r.line)
        var notes: [String] = []
        if !f[8].isEmpty, f[8] != f[7] { notes.append("Alternative phone (from TimeOverflow): \(f[8])") }
        return ImportedMember(line: r.line, number: uid, member: member, notes: notes)
    }

    static func ageBand(born: CalendarDate, today: CalendarDate) -> String {
        var age = today.year - born.year
        if (today.month, today.day) < (born.month, born.day) { age -= 1 }
        switch age {
        case ..<16: return "under 16"
        case 16...24: return "16-24"
        case 25...34: return "25-34"
        case 35...44: return "35-44"
        case 45...54: return "45-54"
        case 55...64: return "55-64"
        case 65...74: return "65-74"
        default: return "75+"
        }
    }

    /// source id, source type, destination id, destination type, amount in seconds, created at,
    /// reason, post id. Credit moves from source to destination: the destination gave the help.
    private func transfer(_ r: CSVRecord, occurrence: Int) throws(RowProblemError) -> ImportedExchange {
        guard r.fields.count == Self.transferFields else {
            throw RowProblemError(r.line, "has \(r.fields.count) fields where a TimeOverflow transfer has \(Self.transferFields): source id, source type, destination id, destination type, amount, created at, reason, post id.")
        }
        let f = r.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let receiver = try account(id: f[0], type: f[1], side: "source", line: r.line)
        let giver = try account(id: f[2], type: f[3], side: "destination", line: r.line)
        guard giver != receiver else { throw RowProblemError(r.line, "the source and the destination are the same account.") }
        guard let seconds = ImportValues.integer(f[4]), seconds > 0 else {
            throw RowProblemError(r.line, "the amount '\(f[4].prefix(20))' is not a whole number of seconds above 0.")
        }
        guard seconds % 60 == 0 else {
            throw RowProblemError(r.line, "the amount \(seconds) seconds is not a whole number of minutes; the ledger keeps whole minutes and does not round.")
        }
        let minutes = seconds / 60
        guard minutes <= DurationParser.maximum else {
            throw RowProblemError(r.line, "the amount of \(minutes) minutes is more than the 24 hours one exchange may be.")
        }
        guard let date = ImportValues.date(f[5]) else {
            throw RowProblemError(r.line, "created at '\(f[5].prefix(30))' is not a date written YYYY-MM-DD or DD/MM/YYYY.")
        }
        guard f[6].count <= 400 else { throw RowProblemError(r.line, "the reason is longer than 400 characters.") }
        // No id in the file: the row's own text (and how many identical rows came before it) is its id.
        let id = ImportValues.stableID("timeoverflow-transfer\u{1F}" + f.joined(separator: "\u{1F}") + "\u{1F}\(occurrence)")
        return ImportedExchange(line: r.line, id: id, date: date, giver: giver, receiver: receiver, minutes: minutes, categoryCode: nil,
                                description: r.fields[6], reverses: nil, recordedBy: "", recordedAt: "")
    }

    private func account(id: String, type: String, side: String, line: Int) throws(RowProblemError) -> AccountRef {
        switch type.lowercased() {
        case "organization", "organisation": return .pot
        case "member":
            guard let n = ImportValues.integer(id), n > 0, n < 1_000_000_000 else {
                throw RowProblemError(line, "the \(side) id '\(id.prefix(20))' is not a member's uid.")
            }
            return .member(n)
        default:
            throw RowProblemError(line, "the \(side) type '\(type.prefix(20))' is not Member or Organization.")
        }
    }
}
