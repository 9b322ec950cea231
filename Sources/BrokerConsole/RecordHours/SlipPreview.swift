import TerminalUI
import TimeBank

/// The line a broker reads before saving: who goes up, who goes down, and where each ends.
/// "Ann Lee +1:30 → 4:15 · Bob Marsh −1:30 → −2:00"
enum SlipPreview {
    struct Side {
        var name: String
        var change: Minutes
        var after: Minutes
    }

    static func exchange(giver: AccountChoice, receiver: AccountChoice, minutes: Minutes) -> [Side] {
        [Side(name: giver.name, change: minutes, after: giver.balance + minutes),
         Side(name: receiver.name, change: -minutes, after: receiver.balance - minutes)]
    }

    /// The sides joined with " · ", the longest names shortened first when the line would not fit.
    static func line(_ sides: [Side], width: Int) -> String {
        let tails = sides.map { " \(SlipFormat.signed($0.change)) → \(SlipFormat.clock($0.after))" }
        let fixed = tails.reduce(0) { $0 + $1.displayWidth } + max(0, sides.count - 1) * 3
        var widths = sides.map(\.name.displayWidth)
        while widths.reduce(0, +) + fixed > width, let longest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[longest] > 4 {
            widths[longest] -= 1
        }
        return sides.indices.map { i in
            let name = sides[i].name
            return (name.displayWidth > widths[i] ? TextMeasure.truncate(name, toWidth: widths[i]) : name) + tails[i]
        }.joined(separator: " · ")
    }

    /// The question asked before recording past the limit, in the screen's own minus sign.
    static func creditQuestion(_ w: CreditLimitWarning) -> String {
        "\(w.name) would go to \(SlipFormat.clock(w.balanceAfter)), past the credit limit of \(SlipFormat.clock(-w.limit)). Record it anyway?"
    }

    /// What the slip means when the pot is one side, and any credit-limit warning to come.
    static func remark(giver: AccountChoice, receiver: AccountChoice, minutes: Minutes, creditLimit: Minutes) -> String? {
        if let warning = CreditLimit.check(receiver: receiver.ref, name: receiver.name, balance: receiver.balance,
                                           paying: minutes, limit: creditLimit) {
            return "! \(warning.name) would go to \(SlipFormat.clock(warning.balanceAfter)), past the \(SlipFormat.clock(-warning.limit)) credit limit."
        }
        if receiver.ref == .pot { return "A grant of \(MinutesFormat.clock(minutes)) from the community pot to \(giver.name)." }
        if giver.ref == .pot { return "A donation of \(MinutesFormat.clock(minutes)) from \(receiver.name) to the community pot." }
        return nil
    }
}
