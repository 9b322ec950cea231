import TimeBank
import TimeBankStore

/// Each filter key steps through its values and back to "any", so one key per filter is
/// enough and the broker can always see where they are on the filter line.
extension MemberQuery {
    mutating func cycleStatus() {
        let all: [MemberStatus?] = [nil] + MemberStatus.allCases.map(Optional.some)
        status = all[((all.firstIndex(of: status) ?? 0) + 1) % all.count]
    }

    mutating func cycleArea(among areas: [String]) {
        let all: [String?] = [nil] + areas.map(Optional.some)
        area = all[((all.firstIndex(of: area) ?? 0) + 1) % all.count]
    }

    mutating func cycleVetting() {
        // The order brokers ask for most: who is not vetted, whose review is coming up.
        let order: [VettingFilter] = [.any, .missing, .dueSoon, .expired, .complete]
        vetting = order[((order.firstIndex(of: vetting) ?? 0) + 1) % order.count]
    }

    mutating func toggleOpenNeeds() { hasOpenNeeds.toggle() }

    mutating func cycleKind() {
        let all: [MemberKind?] = [nil, .person, .organisation]
        kind = all[((all.firstIndex(of: kind) ?? 0) + 1) % all.count]
    }

    mutating func cycleSort() {
        let all = Sort.allCases
        sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
    }

    mutating func clearFilters() {
        self = MemberQuery(search: "", sort: sort)
    }

    var hasFilters: Bool { status != nil || area != nil || vetting != .any || hasOpenNeeds || kind != nil }

    /// The filter line's parts: (key, label, value, is it narrowing the list?); a filter that is
    /// off has no value, which keeps the line within 80 columns.
    var filterParts: [(key: String, label: String, value: String, active: Bool)] {
        [
            ("F5", "status", status?.rawValue ?? "", status != nil),
            ("F6", "area", area ?? "", area != nil),
            ("F7", "vetting", vetting == .any ? "" : Self.vettingWord(vetting), vetting != .any),
            ("F8", "needs", hasOpenNeeds ? "open" : "", hasOpenNeeds),
            ("F9", "kind", kind?.rawValue ?? "", kind != nil),
            ("F3", "sort", sort.rawValue, false),
        ]
    }

    static func vettingWord(_ v: VettingFilter) -> String {
        switch v {
        case .any: return "any"
        case .complete: return "complete"
        case .dueSoon: return "due"
        case .expired: return "expired"
        case .missing: return "missing"
        }
    }
}
