import TerminalUI

/// What the message line says once a field it complained about is put right: the error is
/// replaced, so a fixed field never leaves a stale "Error:" behind.
enum FieldFixed {
    /// "Available is fine now." or "Available is fine now; Email still needs attention."
    static func line(_ id: String, in form: FormState, stillFlagged: Set<String>) -> String {
        let label = form[id]?.label ?? id
        let others = form.fields.filter { stillFlagged.contains($0.id) && form.errors[$0.id] != nil }.map(\.label)
        guard let next = others.first else { return "\(label) is fine now." }
        return "\(label) is fine now; \(next)\(others.count > 1 ? " and \(others.count - 1) more" : "") still need\(others.count > 1 ? "" : "s") attention."
    }
}
