import GRDB
import GRDBSQLite
import TimeBank

/// A period of whole months' members counted as their month rows are read, with no record kept
/// per member: each month's rows come in member order, so the months are read side by side and
/// each member's months are summed as the member comes up, then counted (`MemberFigures`).
///
/// Only the minutes kept (never reversed) are read from the rows, each column read costing about
/// a third of a row's step. What the rows do not say comes from the report's reversals and pairs
/// (`memberCorrections`): net minutes differ from those kept by each original dated in the period
/// that was reversed (on any date), positive, and each reversal dated in it, negative; originals
/// dated in the period and reversed after it stood at its end; a pair met in two months of the
/// period is one partner, not two.
extension Store {
    /// A change to a member's figures that the rows do not say, and the net minutes of the
    /// corrections by month of the period (index): `given_through` of the member's first month in
    /// the period counted that month's, so they come off what the member had given before it.
    struct MemberCorrection {
        var slot: Int
        var change = MemberTally()
        var givenByMonth: [(month: Int, minutes: Minutes)] = []

        /// The net minutes of the corrections dated in one month of the period (its index).
        func given(inMonth month: Int) -> Minutes {
            givenByMonth.reduce(0) { $0 + ($1.month == month ? $1.minutes : 0) }
        }

        /// The change alone, for a member with no row in the period (aggregates `timebank check`
        /// would name), taken as first seen in the period's first month.
        var withoutRow: MemberTally {
            var t = change
            t.givenBefore -= given(inMonth: 0)
            return t
        }
    }

    /// One month's rows in member order, from its pack where it has one (`PackedMonthRows`), else
    /// stepped from its statement here (see `Database.forEachRawRow`). `row` is the row where it stands.
    private struct MonthRows {
        let month: Int
        private let statement: GRDB.Statement?
        /// Whether the statement reads `active_before` (a single month's retention), a sixth column.
        private let readsActiveBefore: Bool
        private var pack: PackedMonthRows?
        var row = end
        /// After the last row: no member number is this large.
        static let end = MemberMonthPack.Row(member: Int.max, keptGivenMinutes: 0, keptReceivedMinutes: 0, givenThrough: 0, partners: 0,
                                             activeBefore: 0)

        init(month: Int, pack: PackedMonthRows) {
            self.month = month
            statement = nil
            readsActiveBefore = true
            self.pack = pack
        }

        init(month: Int, statement: GRDB.Statement, arguments: StatementArguments, readsActiveBefore: Bool) throws {
            self.month = month
            self.statement = statement
            self.readsActiveBefore = readsActiveBefore
            try statement.setArguments(arguments)
        }

        mutating func advance() throws {
            if pack != nil {
                row = try pack?.next() ?? Self.end
                return
            }
            guard let statement else { return }
            let raw = RawRow(statement: statement.sqliteStatement)
            switch sqlite3_step(raw.statement) {
            case SQLITE_ROW:
                row = MemberMonthPack.Row(member: raw.int(0), raw, first: 1, readsActiveBefore: readsActiveBefore)
            case SQLITE_DONE: row = Self.end
            case let code: throw Database.stepError(code, statement)
            }
        }
    }

    /// The period's members counted. For a single month, `activeBefore` (one flag per slot) is set
    /// from the rows' `active_before`, for its retention; for a longer period it is empty. The
    /// members who gave as an organisation are added to `organisationsGave`.
    static func periodMembers(_ db: Database, _ p: ReportPeriod, people: ReportPeople, activeBefore: inout [Bool],
                              organisationsGave: inout [Int], corrections: [MemberCorrection]) throws -> MemberFigures {
        let before = (activeBefore, organisationsGave)
        do {
            return try countMembers(db, p, people: people, activeBefore: &activeBefore, organisationsGave: &organisationsGave,
                                    corrections: corrections, packs: true)
        } catch is MemberMonthPack.Damaged {
            // A damaged pack (`timebank check` names it) is passed over: the months' rows say the same.
            (activeBefore, organisationsGave) = before
            return try countMembers(db, p, people: people, activeBefore: &activeBefore, organisationsGave: &organisationsGave,
                                    corrections: corrections, packs: false)
        }
    }

    /// `periodMembers`, reading the months' packs where they have them when `packs`.
    private static func countMembers(_ db: Database, _ p: ReportPeriod, people: ReportPeople, activeBefore: inout [Bool],
                                     organisationsGave: inout [Int], corrections: [MemberCorrection], packs: Bool) throws -> MemberFigures {
        let singleMonth = !activeBefore.isEmpty
        let sql = """
            SELECT member, kept_given_minutes, kept_received_minutes, given_through, partners\(singleMonth ? ", active_before" : "")
            FROM report_member_month WHERE month = ?
            """
        // Statements made for this read, not cached: the months' are open at the same time.
        var months = try p.monthKeys.enumerated().map { index, key in
            var rows = if packs, let pack = try packedMonth(db, key) {
                MonthRows(month: index, pack: pack)
            } else {
                try MonthRows(month: index, statement: try db.makeStatement(sql: sql), arguments: [key], readsActiveBefore: singleMonth)
            }
            try rows.advance()
            return rows
        }
        var figures = MemberFigures(people: people)
        var next = corrections.startIndex
        // Compared on every member: the slots alone, apart from the corrections' arrays.
        let correctionSlots = corrections.map(\.slot)
        let isOrganisation = people.isOrganisation
        while true {
            var member = Int.max
            // By index: a copy of each month's reader would be retained and released every time.
            for i in months.indices where months[i].row.member < member { member = months[i].row.member }
            guard member != Int.max else { break }
            var t = MemberTally()
            var firstMonth = 0
            let s = people.slot(of: member)
            for i in months.indices where months[i].row.member == member {
                let row = months[i].row
                let given = row.keptGivenMinutes
                if !t.touched {
                    t.touched = true
                    t.givenBefore = row.givenThrough - given
                    firstMonth = months[i].month
                }
                let received = row.keptReceivedMinutes
                t.givenNet += given
                t.receivedNet += received
                t.givenStanding += given
                t.receivedStanding += received
                t.partners += Int32(truncatingIfNeeded: row.partners)
                if let s {
                    if singleMonth && row.activeBefore != 0 && activeBefore.indices.contains(s) { activeBefore[s] = true }
                    if given > 0 && isOrganisation[s] { organisationsGave.append(member) }
                }
                try months[i].advance()
            }
            guard let s else { continue }
            // A correction for a member with no row (aggregates `timebank check` would name) keeps its place.
            while next < correctionSlots.endIndex && correctionSlots[next] < s {
                figures.add(corrections[next].slot, corrections[next].withoutRow, people: people)
                next += 1
            }
            if next < correctionSlots.endIndex && correctionSlots[next] == s {
                let c = corrections[next]
                t.add(c.change)
                t.givenBefore -= c.given(inMonth: firstMonth)
                next += 1
            }
            figures.add(s, t, people: people)
        }
        for c in corrections[next...] { figures.add(c.slot, c.withoutRow, people: people) }
        return figures
    }

    /// What the member rows of a period of whole months do not say, by slot in order (see above).
    static func memberCorrections(_ reversals: [ReportReversal], _ p: ReportPeriod, late: [ReportReversal], partners: [Int32],
                                  people: ReportPeople) -> [MemberCorrection] {
        var changes: [Int: MemberCorrection] = [:]
        let periodStart = monthNumber(p.first)
        func change(_ s: Int, _ body: (inout MemberCorrection) -> Void) { body(&changes[s, default: MemberCorrection(slot: s)]) }
        func net(_ minutes: Minutes, giver: Int, receiver: Int, on day: CalendarDate) {
            guard let g = people.slot(of: giver), let r = people.slot(of: receiver) else { return }
            change(g) {
                $0.change.givenNet += minutes
                $0.givenByMonth.append((monthNumber(day) - periodStart, minutes))
            }
            change(r) { $0.change.receivedNet += minutes }
        }
        for r in reversals {
            if p.contains(r.original) { net(r.minutes, giver: r.giver, receiver: r.receiver, on: r.original) }
            if p.contains(r.reversal) { net(-r.minutes, giver: r.giver, receiver: r.receiver, on: r.reversal) }
        }
        for c in late where p.contains(c.original) {
            guard let g = people.slot(of: c.giver), let r = people.slot(of: c.receiver) else { continue }
            change(g) { $0.change.givenStanding += c.minutes }
            change(r) { $0.change.receivedStanding += c.minutes }
        }
        for (s, partnersChange) in partners.enumerated() where partnersChange != 0 { change(s) { $0.change.partners += partnersChange } }
        return changes.values.sorted { $0.slot < $1.slot }
    }
}
