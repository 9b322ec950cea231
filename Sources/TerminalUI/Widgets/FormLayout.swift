/// Where each field of a form goes at a given size: the label column, the
/// input, the validation message, and which page the field is on when the
/// form is taller than its rect.
struct FormLayout {
    struct Placement {
        var fieldIndex: Int
        var page: Int
        /// Row offset from the top of the form rect.
        var row: Int
        /// A group heading drawn on the row above the field.
        var heading: String?
        var input: Rect
        /// Where the validation message goes (beside the input, or below it).
        var message: Rect?
    }

    static let minimumMessageWidth = 8
    let labelWidth: Int
    let placements: [Placement]
    let pageCount: Int
    /// Rows of the rect given to fields (one less than the rect when paged,
    /// for the "Page 1 of 2" line).
    let fieldRows: Int

    init(fields: [FormField], errors: [String: String], rect: Rect) {
        let widestLabel = fields.map { $0.decoratedLabel.displayWidth }.max() ?? 0
        // Labels may take up to half the width; longer ones end in "…".
        labelWidth = min(widestLabel + 1, max(0, rect.width / 2))
        var result = Self.place(fields, errors: errors, rect: rect, labelWidth: labelWidth, rows: rect.height)
        if result.pages > 1 {
            result = Self.place(fields, errors: errors, rect: rect, labelWidth: labelWidth, rows: rect.height - 1)
            fieldRows = rect.height - 1
        } else {
            fieldRows = rect.height
        }
        placements = result.placements
        pageCount = result.pages
    }

    func placement(of fieldIndex: Int) -> Placement? {
        placements.first { $0.fieldIndex == fieldIndex }
    }

    func fields(onPage page: Int) -> [Placement] {
        placements.filter { $0.page == page }
    }

    private static func place(_ fields: [FormField], errors: [String: String], rect: Rect, labelWidth: Int, rows: Int) -> (placements: [Placement], pages: Int) {
        var placements: [Placement] = []
        var page = 0
        var row = 0
        var previousGroup: String?
        let available = max(1, rect.width - labelWidth)
        for (index, field) in fields.enumerated() {
            let heading = field.group != nil && field.group != previousGroup ? field.group : nil
            previousGroup = field.group
            var inputWidth = min(field.width ?? available, available)
            var messageBeside = true
            if let error = errors[field.id] {
                let wanted = error.displayWidth + 3
                if field.width == nil { inputWidth = max(available / 2, available - wanted) }
                messageBeside = available - inputWidth - 1 >= minimumMessageWidth
            }
            let hasMessageBelow = errors[field.id] != nil && !messageBeside
            let blockHeight = (heading != nil ? 1 : 0) + field.inputHeight + (hasMessageBelow ? 1 : 0)
            if row > 0, row + blockHeight > rows {
                page += 1
                row = 0
            }
            let inputRow = rect.row + row + (heading != nil ? 1 : 0)
            let input = Rect(row: inputRow, column: rect.column + labelWidth, width: inputWidth, height: field.inputHeight)
            var message: Rect?
            if errors[field.id] != nil {
                message = messageBeside
                    ? Rect(row: inputRow, column: input.maxColumn + 1, width: rect.maxColumn - input.maxColumn - 1, height: 1)
                    : Rect(row: input.maxRow, column: input.column, width: available, height: 1)
            }
            placements.append(Placement(fieldIndex: index, page: page, row: row, heading: heading, input: input, message: message))
            row += blockHeight
        }
        return (placements, page + 1)
    }
}
