import ArgumentParser
import Foundation
import TimeBank
import TimeBankImport
import TimeBankStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring members, offers, needs, exchanges or opening balances from a CSV file (ours, or TimeOverflow's).",
        discussion: """
            Without --commit, a preview: how many rows would be created, which are already here (by member number, email, \
            or phone and name; by id for offers, needs and exchanges) and would be skipped, and every invalid row with its line. \
            With --commit, every row in one transaction, or nothing when any row is invalid. Importing a file again creates nothing. \
            --format timebank takes the columns 'timebank export' writes; --format timeoverflow takes TimeOverflow's users file \
            (import members) and transfers file (import exchanges).
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "members, offers, needs, exchanges or balances.") var what: Kind
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "timebank (our export's columns) or timeoverflow.") var format: Format = .timebank
    @Flag(help: "Write the rows; without it nothing is written.") var commit = false

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case members, offers, needs, exchanges, balances
        var kind: ImportKind { ImportKind(rawValue: rawValue) ?? .members }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case timebank, timeoverflow
        var format: ImportFormat { ImportFormat(rawValue: rawValue) ?? .timebank }
    }

    func run() throws {
        let parsed: ImportFile
        do {
            parsed = try ImportFile.read(path: file, kind: what.kind, format: format.format)
        } catch let error as CSVFileError {
            throw CommandFailure.user("\(file): \(error.description) Nothing was imported.")
        }
        let session = try Session.open(database)
        let outcome = try attempt {
            try session.store.importRows(parsed, kind: what.kind, source: URL(fileURLWithPath: file).lastPathComponent, commit: commit,
                                         by: session.broker)
        }
        let out = CommandOutput.standardOutput()
        try out.writeLine(outcome.committed
            ? "Imported \(what.rawValue) from \(file):"
            : "Preview of \(what.rawValue) from \(file) (nothing written\(commit ? "" : "; add --commit to import")):")
        try out.writeLine(outcome.committed ? "  \(outcome.created) created" : "  \(outcome.created) to create")
        if !outcome.skipped.isEmpty {
            try out.writeLine("  \(outcome.skipped.count) already here, skipped:")
            for s in outcome.skipped { try out.writeLine("    \(s)") }
        }
        if !outcome.invalid.isEmpty {
            try out.writeLine("  \(outcome.invalid.count) invalid:")
            for p in outcome.invalid { try out.writeLine("    \(p)") }
        }
        try out.flush()
        if !outcome.invalid.isEmpty {
            let rows = outcome.invalid.count == 1 ? "1 row is" : "\(outcome.invalid.count) rows are"
            throw CommandFailure.user("\(rows) invalid (the first on line \(outcome.invalid[0].line)); nothing was imported.")
        }
    }
}
