import TerminalUI
import TimeBank

/// An admin adding or changing a service in the taxonomy.
struct CategoryForm: Equatable, Sendable {
    let editing: TimeBank.Category?
    var form: FormState

    init(editing c: TimeBank.Category?, group: String = "") {
        editing = c
        form = FormState(fields: [
            .text("code", label: "Code", text: c?.code ?? "", required: true, maxLength: 40, placeholder: "garden.weeding", width: 30),
            .text("group", label: "Group", text: c?.group ?? group, required: true, maxLength: 60),
            .text("name", label: "Service", text: c?.name ?? "", required: true, maxLength: 80),
            .text("keywords", label: "Keywords", text: c?.keywords.joined(separator: " ") ?? "", maxLength: 300,
                  placeholder: "words brokers and members use for it"),
            .checkbox("vetting", label: "Usually needs a vetted helper", checked: c?.suggestsVetting ?? false),
            .checkbox("travel", label: "Involves travel", checked: c?.involvesTravel ?? false),
            .checkbox("active", label: "In use (clear to retire it)", checked: c?.active ?? true),
        ])
    }

    var title: String { editing.map { "Editing category \($0.code)" } ?? "New category" }

    var isDirty: Bool { CategoryForm(editing: editing).form.fields.map(\.value) != form.fields.map(\.value) }

    var category: TimeBank.Category {
        TimeBank.Category(id: editing?.id ?? 0, code: form.value(of: "code"), group: form.value(of: "group"), name: form.value(of: "name"),
                          keywords: form.value(of: "keywords").split(separator: " ").map(String.init),
                          suggestsVetting: form["vetting"]?.isChecked ?? false, involvesTravel: form["travel"]?.isChecked ?? false,
                          active: form["active"]?.isChecked ?? true)
    }
}
