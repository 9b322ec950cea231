import Foundation
import TimeBankResources

/// Names drawn from the shipped word lists so that they look like a real UK membership:
/// family names of the same script as the given name, Chinese names written family-first,
/// and a familiar or romanised preferred name where people commonly use one.
struct DemoNames {
    struct Person {
        var name: String
        var preferred: String
        var given: String
        var female: Bool?
        /// ASCII pieces for an email address; empty when the name has none.
        var emailLocal: String
        var languages: String
    }

    private let given: [String]
    private let givenSlugs: [String]
    /// The given-names list puts women's names first and men's from "John" on.
    private let firstMale: Int?
    private let latinFamilies: [Int]
    private let hanFamilies: [Int]
    private let arabicFamilies: [Int]
    private let families: [String]
    private let familySlugs: [String]
    /// The language besides English that each given name suggests, worked out once.
    private let otherLanguage: [[String]]

    static let familiar: [String: String] = [
        "Margaret": "Maggie", "Patricia": "Pat", "Susan": "Sue", "Elizabeth": "Liz", "Christine": "Chris",
        "Deborah": "Debbie", "Jessica": "Jess", "Charlotte": "Lottie", "Katarzyna": "Kasia", "Małgorzata": "Gosia",
        "Agnieszka": "Aga", "Kateryna": "Katya", "Oleksandr": "Sasha", "Dmytro": "Dima", "Michael": "Mike",
        "Robert": "Bob", "William": "Bill", "Richard": "Rich", "Stephen": "Steve", "Andrew": "Andy", "Thomas": "Tom",
        "Muhammad": "Mo", "Mohammed": "Mo", "Oluwaseun": "Seun", "Abdirahman": "Abdi", "Abdullahi": "Abdi",
        "Chiamaka": "Amaka", "Folasade": "Sade", "Jakub": "Kuba", "Krzysztof": "Krzyś", "Xiu Ying": "Ying",
        "María José": "Majo", "Ngọc Anh": "Anh", "Barbara": "Babs", "Rajesh": "Raj", "Gurpreet": "Preet",
    ]
    /// How people who write their name in another script are usually addressed at the centre.
    static let romanised: [String: String] = ["美玲": "Mei Ling", "志强": "Zhiqiang", "فاطمة": "Fatima", "محمد": "Mohammed"]

    init(_ lists: DemoWordLists) {
        given = lists.givenNames
        families = lists.familyNames
        firstMale = given.firstIndex(of: "John")
        givenSlugs = given.map { DemoNames.slug(DemoNames.romanised[$0] ?? $0) }
        familySlugs = families.map { DemoNames.slug($0) }
        otherLanguage = given.map { DemoNames.otherLanguages(for: $0) }
        var latin: [Int] = [], han: [Int] = [], arabic: [Int] = []
        for (i, f) in families.enumerated() {
            switch DemoNames.script(f) {
            case .han: han.append(i)
            case .arabic: arabic.append(i)
            case .latin: latin.append(i)
            }
        }
        latinFamilies = latin.isEmpty ? Array(families.indices) : latin
        hanFamilies = han.isEmpty ? latinFamilies : han
        arabicFamilies = arabic.isEmpty ? latinFamilies : arabic
    }

    enum Script { case latin, han, arabic }

    static func script(_ s: String) -> Script {
        for u in s.unicodeScalars {
            if (0x4E00...0x9FFF).contains(u.value) { return .han }
            if (0x0600...0x06FF).contains(u.value) { return .arabic }
        }
        return .latin
    }

    /// Lowercase ASCII letters only: "Ó Súilleabháin" → "osuilleabhain", "Łukasz" → "lukasz".
    static func slug(_ s: String) -> String {
        let special: [Character: String] = ["ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d", "æ": "ae", "ı": "i"]
        let mapped = s.map { special[$0] ?? String($0) }.joined()
        let folded = mapped.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }

    func person(_ rng: inout DemoRandom) -> Person {
        let g = rng.below(given.count)
        let first = given[g]
        let script = DemoNames.script(first)
        let pool = script == .han ? hanFamilies : script == .arabic ? arabicFamilies : latinFamilies
        let f = rng.pick(pool)
        let name = script == .han ? families[f] + first : first + " " + families[f]
        var preferred = ""
        if let r = DemoNames.romanised[first], rng.chance(0.9) {
            preferred = r
        } else if let short = DemoNames.familiar[first], rng.chance(0.5) {
            preferred = short
        }
        var local = givenSlugs[g].isEmpty || familySlugs[f].isEmpty ? "" : givenSlugs[g] + "." + familySlugs[f]
        if !local.isEmpty, rng.chance(0.4) { local += String(rng.int(1...99)) }
        return Person(name: name, preferred: preferred, given: first, female: firstMale.map { g < $0 },
                      emailLocal: local, languages: languages(otherLanguage[g], &rng))
    }

    /// Just a name, for referees and emergency contacts.
    func fullName(_ rng: inout DemoRandom) -> String {
        let first = rng.pick(given)
        let script = DemoNames.script(first)
        let f = rng.pick(script == .han ? hanFamilies : script == .arabic ? arabicFamilies : latinFamilies)
        return script == .han ? families[f] + first : first + " " + families[f]
    }

    private func languages(_ others: [String], _ rng: inout DemoRandom) -> String {
        let other: String
        if others.isEmpty {
            guard rng.chance(0.04) else { return "English" }
            other = rng.pick(["BSL", "French", "Spanish", "German"])
        } else {
            other = rng.pick(others)
        }
        return rng.chance(0.85) ? "English, " + other : other
    }

    /// Languages a given name suggests besides English; brokers record what people tell them.
    static func otherLanguages(for given: String) -> [String] {
        switch script(given) {
        case .han: return ["Mandarin"]
        case .arabic: return ["Arabic"]
        case .latin: break
        }
        let byName: [([String], [String])] = [
            (["Agnieszka", "Katarzyna", "Zofia", "Ewa", "Krzysztof", "Tomasz", "Piotr", "Marek", "Jakub"], ["Polish"]),
            (["Linh", "Minh"], ["Vietnamese"]),
            (["Harpreet", "Gurpreet", "Simran", "Harjit", "Gurdeep", "Ravinder"], ["Punjabi"]),
            (["Priya", "Anjali", "Sunita", "Nisha", "Rajesh", "Sanjay", "Amit", "Vikram", "Arjun"], ["Gujarati", "Hindi"]),
            (["Hodan", "Faadumo", "Sahra", "Abdirahman", "Abdullahi", "Mahad"], ["Somali"]),
            (["Fatima", "Aisha", "Ayesha", "Zainab", "Maryam", "Imran", "Bilal", "Ahmed", "Omar"], ["Urdu", "Arabic", "Bengali"]),
            (["Catrin", "Seren", "Rhiannon", "Dafydd", "Rhys"], ["Welsh"]),
            (["Oksana", "Kateryna", "Dmytro", "Oleksandr"], ["Ukrainian"]),
            (["Inês", "Beatriz", "João", "Luís"], ["Portuguese"]),
            (["Ioana", "Andrei", "Mihai"], ["Romanian"]),
        ]
        if given.contains(where: { "łŁśźżąęń".contains($0) }) { return ["Polish"] }
        if given.unicodeScalars.contains(where: { (0x1EA0...0x1EF9).contains($0.value) }) { return ["Vietnamese"] }
        return byName.first { $0.0.contains(given) }?.1 ?? []
    }
}
