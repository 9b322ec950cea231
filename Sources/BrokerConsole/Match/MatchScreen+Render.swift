import Foundation
import TerminalUI
import TimeBank
import TimeBankStore

/// Drawing the three views. The selected row is in reverse video with "›" and holds the cursor.
extension MatchScreen {
    static func needColumns(memberWidth: Int) -> [TableColumn] {
        [
            TableColumn("No", width: .fixed(6), alignment: .right),
            TableColumn("Need", width: .fill),
            TableColumn("Member", width: .fixed(memberWidth)),
            TableColumn("Area", width: .fixed(12)),
            TableColumn("Vetted", width: .fixed(6)),
            TableColumn("Open", width: .fixed(5), alignment: .right),
        ]
    }

    func render(into frame: inout Frame, in rect: Rect, _ context: ConsoleContext) {
        let left = rect.column + 1
        let width = rect.width - 2
        if let problem {
            frame.put(problem, row: rect.row, column: left, maxWidth: width, style: .error)
        }
        let body = Self.listRect(in: rect)
        switch mode {
        case .needs:
            if problem == nil {
                frame.put("Open needs (\(CountText.grouped(needTotal))): type to search · Enter ranks helpers · Ctrl-R referrals", row: rect.row,
                          column: left, maxWidth: width, style: .muted)
            }
            let shown = needTable.visibleRange(in: body).filter { needs.indices.contains($0) }.map { (name: needs[$0].memberName, number: needs[$0].member) }
            let memberWidth = MemberLabel.columnWidth(shown, narrow: 18, tableWidth: body.width)
            TableView.render(needTable, columns: Self.needColumns(memberWidth: memberWidth), emptyMessage: "No open need matches.", into: &frame, at: body,
                             focused: panel == nil) { index in
                guard needs.indices.contains(index) else { return nil }
                let n = needs[index]
                return TableRow([String(n.id), "\(n.title) · \(n.category.name)", MemberLabel.nameAndNumber(n.memberName, n.member, width: memberWidth), n.area,
                                 n.needsVettedHelper ? "yes" : "", String(max(0, today.days(since: n.created)))])
            }
        case .helpers:
            renderHelpers(into: &frame, in: rect)
        case .referrals:
            let count = referralTotal > referrals.count ? "\(referrals.count) most recent of \(referralTotal)" : "\(referralTotal)"
            frame.put("\(openReferralsOnly ? "Referrals still moving" : "All referrals") (\(count)): Enter moves one on · "
                      + "Ctrl-O \(openReferralsOnly ? "closed ones too" : "only those moving")", row: rect.row, column: left,
                      maxWidth: width, style: .muted)
            let now = context.now()
            TableView.render(referralTable, columns: ReferralList.columns, emptyMessage: "No referrals yet: Ctrl-P on a helper proposes one.",
                             into: &frame, at: body, focused: panel == nil) { index in
                referrals.indices.contains(index) ? ReferralList.row(referrals[index], now: now) : nil
            }
        }
        if let panel { panel.render(into: &frame, in: body) }
        renderSomeoneElse(into: &frame, in: rect)
    }

    private func renderHelpers(into frame: inout Frame, in rect: Rect) {
        guard let need else { return }
        let left = rect.column + 1
        let width = rect.width - 2
        frame.put("Need \(need.id): \(need.title) · \(need.category.name)", row: rect.row, column: left, maxWidth: width, style: .bold)
        var facts = ["for \(need.memberName) (\(need.member))"]
        if !need.area.isEmpty { facts.append(need.area) }
        if !need.availability.isEmpty { facts.append("free " + need.availability.phrase) }
        if need.needsVettedHelper { facts.append("needs a vetted helper") }
        if need.requiresTravel { facts.append("helper must travel") }
        frame.put(facts.joined(separator: " · "), row: rect.row + 1, column: left, maxWidth: width)
        frame.put("Ranked helpers (\(helpers.results.count)), best first: Ctrl-P proposes · Enter opens their card",
                  row: rect.row + 2, column: left, maxWidth: width, style: .muted)
        helpers.render(into: &frame, in: Self.helpersRect(in: rect), focused: panel == nil)
    }
}
