import TerminalUI
import TimeBank
import TimeBankStore

/// One line of a card tab. Tabs are lists of lines so every tab scrolls the same way and
/// long values wrap instead of being cut off.
struct CardLine: Equatable {
    var text: String
    var style: Style = .plain
    /// A "Label  value" line: the label is drawn bold in a column of its own.
    var label: String?

    static let blank = CardLine(text: "")
}

/// The lines of each tab of a member card, at a given width.
enum MemberCardContent {
    static let labelWidth = 22

    static func lines(_ tab: MemberCardState.Tab, _ data: MemberCardData, width: Int, today: CalendarDate) -> [CardLine] {
        switch tab {
        case .profile: return profile(data, width: width)
        case .offers: return offers(data, width: width)
        case .needs: return needs(data, width: width)
        case .statement: return statement(data, width: width)
        case .notes: return notes(data, width: width)
        case .vetting: return vetting(data, width: width, today: today)
        }
    }

    /// "Label  value", wrapped under the value column; empty values say so rather than vanish.
    static func labelled(_ label: String, _ value: String, width: Int, style: Style = .plain) -> [CardLine] {
        let wrapped = TextWrap.wrap(value.isEmpty ? "—" : value, width: max(10, width - labelWidth))
        return wrapped.enumerated().map { index, text in
            CardLine(text: text, style: value.isEmpty ? .muted : style, label: index == 0 ? label : "")
        }
    }

    static func profile(_ data: MemberCardData, width: Int) -> [CardLine] {
        let m = data.member
        var out: [CardLine] = []
        for field in m.labelledFields {
            if m.kind == .person, field.label == "Contact person", field.value.isEmpty { continue }
            out += labelled(field.label, field.value, width: width)
        }
        return out
    }

    static func offers(_ data: MemberCardData, width: Int) -> [CardLine] {
        guard !data.offers.isEmpty else { return [CardLine(text: "No offers yet.", style: .muted)] }
        return data.offers.sorted { ($0.status != .open ? 1 : 0, $0.id) < ($1.status != .open ? 1 : 0, $1.id) }.flatMap { o in
            listing(title: o.title, status: o.status, category: data.categories[o.categoryID] ?? "?", description: o.description,
                    dates: "created \(o.created.iso)" + (o.review.map { ", review \($0.iso)" } ?? "")
                        + (o.availability.isEmpty ? "" : " · free \(o.availability.phrase)"), width: width)
        }
    }

    static func needs(_ data: MemberCardData, width: Int) -> [CardLine] {
        guard !data.needs.isEmpty else { return [CardLine(text: "No needs yet.", style: .muted)] }
        return data.needs.sorted { ($0.status != .open ? 1 : 0, $0.id) < ($1.status != .open ? 1 : 0, $1.id) }.flatMap { n in
            var extras = "created \(n.created.iso)" + (n.review.map { ", review \($0.iso)" } ?? "")
            if n.needsVettedHelper { extras += " · needs a vetted helper" }
            if n.requiresTravel { extras += " · helper must travel" }
            return listing(title: n.title, status: n.status, category: data.categories[n.categoryID] ?? "?",
                           description: n.description, dates: extras, width: width)
        }
    }

    static func listing(title: String, status: ListingStatus, category: String, description: String, dates: String, width: Int) -> [CardLine] {
        var out = [CardLine(text: "[\(status.rawValue)] \(title) · \(category)", style: status == .open ? .bold : .plain)]
        out += TextWrap.wrap(description, width: max(10, width - 4)).map { CardLine(text: "    " + $0) }
        out += [CardLine(text: "    " + dates, style: .muted), .blank]
        return out
    }

    /// Hours given and received apart from the balance, then the exchanges newest first.
    static func statement(_ data: MemberCardData, width: Int) -> [CardLine] {
        guard let s = data.statement else { return [CardLine(text: "The statement could not be read.", style: .error)] }
        var out = [
            CardLine(text: "Given \(MinutesFormat.clock(s.givenMinutes)) h · received \(MinutesFormat.clock(s.receivedMinutes)) h · balance \(MinutesFormat.signedClock(s.closingBalance)) h", style: .bold),
            .blank,
        ]
        guard !s.lines.isEmpty else { return out + [CardLine(text: "No exchanges yet.", style: .muted)] }
        out.append(CardLine(text: row("Date", "With", "Category", "Hours", "Balance", width: width), style: TableView.headerStyle))
        for line in s.lines.reversed() {
            let e = line.exchange
            var partner = line.partnerName
            if e.reverses != nil { partner = "REVERSAL · " + partner }
            if line.reversedBy != nil { partner = "(reversed) " + partner }
            let category = line.categoryName.isEmpty ? (e.categoryCode.flatMap { data.categoryCodes[$0] } ?? e.categoryCode ?? "") : line.categoryName
            out.append(CardLine(text: row(e.date.iso, partner, category, MinutesFormat.signedClock(line.signedMinutes),
                                          MinutesFormat.signedClock(line.balanceAfter), width: width),
                                style: e.reverses != nil || line.reversedBy != nil ? .muted : .plain))
            if !e.description.isEmpty {
                out.append(CardLine(text: "           " + TextMeasure.truncate(e.description, toWidth: max(1, width - 11)), style: .muted))
            }
        }
        return out
    }

    /// Fixed columns so dates and hours line up whatever the names.
    static func row(_ date: String, _ with: String, _ category: String, _ hours: String, _ balance: String, width: Int) -> String {
        let fixed = 10 + 1 + 8 + 1 + 8
        let flexible = max(10, width - fixed - 2)
        let withWidth = flexible * 11 / 20
        return TextMeasure.pad(date, toWidth: 10) + " " + TextMeasure.pad(with, toWidth: withWidth) + " "
            + TextMeasure.pad(category, toWidth: flexible - withWidth) + " "
            + TextMeasure.pad(hours, toWidth: 8, alignment: .right) + TextMeasure.pad(balance, toWidth: 8, alignment: .right)
    }

    /// Newest first, each signed by its broker and stamped (UTC, as stored).
    static func notes(_ data: MemberCardData, width: Int) -> [CardLine] {
        guard !data.notes.isEmpty else { return [CardLine(text: "No notes yet. Press n to add one.", style: .muted)] }
        return data.notes.flatMap { note -> [CardLine] in
            let when = note.at.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
            let who = data.brokerNames[note.broker] ?? note.broker
            return [CardLine(text: "\(when) · \(who)", style: .bold)]
                + TextWrap.wrap(note.text, width: max(10, width - 2)).map { CardLine(text: "  " + $0) } + [.blank]
        }
    }

    /// Every part of the record; what is missing or due is in bold words, not colour alone.
    static func vetting(_ data: MemberCardData, width: Int, today: CalendarDate) -> [CardLine] {
        let v = data.vetting
        let soon = today.adding(days: 30)
        func dateWord(_ d: CalendarDate?, missing: String) -> (String, Style) {
            guard let d else { return (missing, .warning) }
            return (d.iso, .plain)
        }
        func reviewWord(_ d: CalendarDate?) -> (String, Style) {
            guard let d else { return ("none set", .muted) }
            if d < today { return ("\(d.iso) — OVERDUE", .warning) }
            if d <= soon { return ("\(d.iso) — DUE within 30 days", .warning) }
            return (d.iso, .plain)
        }
        let state = v.state(today: today)
        var out = labelled("State", state.rawValue.uppercased(), width: width, style: state == .complete ? .bold : .warning)
        let outstanding = v.outstanding(today: today)
        if !outstanding.isEmpty { out += labelled("To do", outstanding.joined(separator: "; "), width: width, style: .warning) }
        out.append(.blank)
        out += labelled("References", "\(v.references.count) of \(Vetting.referencesRequired) received", width: width,
                        style: v.references.count >= Vetting.referencesRequired ? .plain : .warning)
        for r in v.references { out += labelled("", "\(r.referee), received \(r.received.iso)", width: width) }
        let id = dateWord(v.idSeen, missing: "NOT SEEN")
        out += labelled("ID seen", id.0, width: width, style: id.1)
        let induction = dateWord(v.induction, missing: "NOT ATTENDED")
        out += labelled("Induction", induction.0, width: width, style: induction.1)
        if v.dbsRequired {
            if let dbs = v.dbs {
                out += labelled("DBS", "\(dbs.level), certificate \(dbs.certificateNumber), issued \(dbs.issued.iso)", width: width)
                let review = reviewWord(dbs.review)
                out += labelled("DBS review", review.0, width: width, style: review.1)
            } else {
                out += labelled("DBS", "REQUIRED BUT MISSING", width: width, style: .warning)
            }
        } else {
            out += labelled("DBS", "not required for this member's role", width: width, style: .muted)
        }
        let review = reviewWord(v.review)
        out += labelled("Record review", review.0, width: width, style: review.1)
        return out
    }
}
