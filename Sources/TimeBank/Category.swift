/// A service in the two-level taxonomy ("Home and garden" › "Weeding and lawns").
public struct Category: Hashable, Sendable, Identifiable {
    public var id: Int
    public var code: String
    public var group: String
    public var name: String
    public var keywords: [String]
    public var suggestsVetting: Bool
    public var involvesTravel: Bool
    public var active: Bool

    public init(id: Int = 0, code: String, group: String, name: String, keywords: [String] = [],
                suggestsVetting: Bool = false, involvesTravel: Bool = false, active: Bool = true) {
        self.id = id
        self.code = code
        self.group = group
        self.name = name
        self.keywords = keywords
        self.suggestsVetting = suggestsVetting
        self.involvesTravel = involvesTravel
        self.active = active
    }

    public var fullName: String { "\(group) › \(name)" }
}
