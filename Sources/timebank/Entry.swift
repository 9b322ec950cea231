import ArgumentParser
import Foundation

/// Runs the command line with the exit codes of the contract: 0 ok, 1 user error,
/// 2 usage, 3 a data problem found by `check`; errors are one sentence on stderr.
@main
enum Entry {
    static func main() {
        do {
            var command = try TimeBankCommand.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            ErrorOutput.report(failure.message, lines: failure.code == 3)
            exit(failure.code)
        } catch let output as CommandOutput.Failure {
            ErrorOutput.report(output.description)
            exit(1)
        } catch {
            let code = TimeBankCommand.exitCode(for: error)
            let message = TimeBankCommand.fullMessage(for: error)
            if code == .success {
                // --help and --version: written and checked like any other output.
                do {
                    if !message.isEmpty { try CommandOutput.standardOutput().finishLine(message) }
                } catch {
                    ErrorOutput.report(failure(error).message)
                    exit(1)
                }
                exit(0)
            }
            if code == .validationFailure {
                // One sentence, not the usage screen: the contract is one line on stderr.
                let parts = TimeBankCommand.message(for: error).split(separator: "\n")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
                    .filter { !$0.isEmpty }
                var short = parts.first ?? "Invalid arguments."
                if parts.count > 1 { short += " " + parts.dropFirst().joined(separator: ", ") }
                ErrorOutput.report("\(ErrorOutput.sentence(short)) See 'timebank --help'.")
                exit(2)
            }
            if !message.isEmpty { ErrorOutput.report(message) }
            exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}

/// A failure that ends the command with a sentence and an exit code.
struct CommandFailure: Error {
    var message: String
    var code: Int32

    static func user(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 1) }
    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 2) }
    static func dataProblem(_ message: String) -> CommandFailure { CommandFailure(message: message, code: 3) }
}
