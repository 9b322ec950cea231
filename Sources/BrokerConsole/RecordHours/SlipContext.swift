import TimeBank
import TimeBankStore

/// What checking a slip needs besides the slip itself, read once per reload so that a
/// keystroke never waits for the database.
struct SlipContext: Sendable {
    var today: CalendarDate
    var categories: [TimeBank.Category] = []
    var closedMonths: [String] = []
    var creditLimit: Minutes = Settings().creditLimitMinutes
    var futureDaysAllowed = Settings().futureDaysAllowed

    static func load(_ context: ConsoleContext) -> SlipContext {
        let store = context.store
        let settings = (try? store.settings()) ?? Settings()
        return SlipContext(today: context.today(),
                           categories: (try? store.categories()) ?? [],
                           closedMonths: (try? store.closedMonths()) ?? [],
                           creditLimit: settings.creditLimitMinutes, futureDaysAllowed: settings.futureDaysAllowed)
    }

    /// The date as typed, empty meaning today.
    func date(_ text: String) -> Result<CalendarDate, SlipProblem> {
        do {
            let date = try DateParser.parse(text.isEmpty ? "today" : text, today: today)
            if closedMonths.contains(date.monthKey) { return .failure(SlipProblem(OpenMonths.refusal(month: date.monthKey, closed: closedMonths))) }
            try ServiceDate.check(date, today: today, futureDaysAllowed: futureDaysAllowed)
            return .success(date)
        } catch let error as DateInputError {
            return .failure(SlipProblem(error.description))
        } catch let error as LedgerError {
            return .failure(SlipProblem(error.description))
        } catch {
            return .failure(SlipProblem(String(describing: error)))
        }
    }

    /// The bare number a duration needs a unit for ("13": minutes or hours?), if that is all that is wrong.
    func unitQuestion(_ text: String) -> Int? {
        do {
            _ = try DurationParser.parse(text)
            return nil
        } catch {
            if case .needsUnit(let n) = error { return n }
            return nil
        }
    }

    func duration(_ text: String) -> Result<Minutes, SlipProblem> {
        do { return .success(try DurationParser.parse(text)) } catch { return .failure(SlipProblem(error.description)) }
    }

    /// Empty means no category; otherwise a code, or words found in a category's name or keywords.
    func category(_ text: String) -> Result<CategoryMatch?, SlipProblem> {
        CategoryMatch.find(text, in: categories)
    }
}

/// The one category a broker's words point at. Words that fit several are not read as the
/// first of them: the broker chooses one from the list (`CategoryPicker`) or types its code.
struct CategoryMatch: Equatable, Sendable {
    var category: TimeBank.Category

    static func find(_ text: String, in categories: [TimeBank.Category]) -> Result<CategoryMatch?, SlipProblem> {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return .success(nil) }
        let found = CategorySearch.matches(typed, in: categories)
        switch found.count {
        case 0: return .failure(SlipProblem("No category matches '\(typed)'; try one word such as garden."))
        case 1: return .success(CategoryMatch(category: found[0]))
        default: return .failure(SlipProblem("'\(typed)' fits \(found.count) categories; choose one with ↑↓ and Enter, or type its code."))
        }
    }

    var details: String { CategorySearch.label(category) }
}

/// Which months still take entries, said the way a broker reads it.
enum OpenMonths {
    /// "October 2026 is closed; open months are September 2026 and November 2026 onwards."
    static func refusal(month: String, closed: [String]) -> String {
        "\(SlipFormat.monthName(month)) is closed; \(describe(closed: closed))."
    }

    /// "open months are those before August 2026, September 2026 and November 2026 onwards"
    static func describe(closed: [String]) -> String {
        let sorted = closed.sorted()
        guard let first = sorted.first, let last = sorted.last else { return "every month is open" }
        var parts = ["those before \(SlipFormat.monthName(first))"]
        var month = first
        while month < last {
            month = next(month)
            if !sorted.contains(month) { parts.append(SlipFormat.monthName(month)) }
        }
        parts.append("\(SlipFormat.monthName(next(last))) onwards")
        return "open months are " + joined(parts)
    }

    static func next(_ key: String) -> String {
        guard let y = Int(key.prefix(4)), let m = Int(key.suffix(2)) else { return key }
        let date = m == 12 ? CalendarDate(year: y + 1, month: 1, day: 1) : CalendarDate(year: y, month: m + 1, day: 1)
        return date?.monthKey ?? key
    }

    private static func joined(_ parts: [String]) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}

/// What is wrong with one field, in a sentence the broker can act on.
struct SlipProblem: Error, Equatable, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
}
