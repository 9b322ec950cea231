/// One entry for a class or an event, turned into the individual exchanges it stands for.
public enum GroupActivity {
    public enum GroupActivityError: Error, Equatable, CustomStringConvertible {
        case noParticipants
        case leaderIsParticipant
        case duplicateParticipant

        public var description: String {
            switch self {
            case .noParticipants: return "A group activity needs at least one participant."
            case .leaderIsParticipant: return "The leader cannot also be a participant."
            case .duplicateParticipant: return "A participant is listed twice."
            }
        }
    }

    /// A class: the leader gives `leaderMinutes`; each attendee pays an equal whole-minute share,
    /// and the pot pays the remainder that does not divide evenly.
    public static func oneToMany(leader: AccountRef, attendees: [AccountRef], leaderMinutes: Minutes,
                                 date: CalendarDate, categoryCode: String?, description: String) throws -> [ExchangeRequest] {
        guard !attendees.isEmpty else { throw GroupActivityError.noParticipants }
        guard !attendees.contains(leader) else { throw GroupActivityError.leaderIsParticipant }
        guard Set(attendees).count == attendees.count else { throw GroupActivityError.duplicateParticipant }
        let share = leaderMinutes / attendees.count
        let remainder = leaderMinutes - share * attendees.count
        var out: [ExchangeRequest] = []
        if share > 0 {
            out += attendees.map {
                ExchangeRequest(date: date, giver: leader, receiver: $0, minutes: share, categoryCode: categoryCode, description: description)
            }
        }
        if remainder > 0, leader != .pot {
            out.append(ExchangeRequest(date: date, giver: leader, receiver: .pot, minutes: remainder, categoryCode: categoryCode,
                                       description: description + " (remainder from the pot)"))
        }
        return out
    }

    /// A class where each attendee received `minutesEach` of the leader's time (six attendees at
    /// 1:00 each credit the leader 6:00): one entry per attendee, nothing left over.
    public static func oneToManyEach(leader: AccountRef, attendees: [AccountRef], minutesEach: Minutes,
                                     date: CalendarDate, categoryCode: String?, description: String) throws -> [ExchangeRequest] {
        guard !attendees.isEmpty else { throw GroupActivityError.noParticipants }
        guard !attendees.contains(leader) else { throw GroupActivityError.leaderIsParticipant }
        guard Set(attendees).count == attendees.count else { throw GroupActivityError.duplicateParticipant }
        return attendees.map {
            ExchangeRequest(date: date, giver: leader, receiver: $0, minutes: minutesEach, categoryCode: categoryCode, description: description)
        }
    }

    /// An event: each volunteer gives `minutesEach` and is credited by `beneficiary` (an organisation or the pot).
    public static func manyToOne(volunteers: [AccountRef], beneficiary: AccountRef, minutesEach: Minutes,
                                 date: CalendarDate, categoryCode: String?, description: String) throws -> [ExchangeRequest] {
        guard !volunteers.isEmpty else { throw GroupActivityError.noParticipants }
        guard !volunteers.contains(beneficiary) else { throw GroupActivityError.leaderIsParticipant }
        guard Set(volunteers).count == volunteers.count else { throw GroupActivityError.duplicateParticipant }
        return volunteers.map {
            ExchangeRequest(date: date, giver: $0, receiver: beneficiary, minutes: minutesEach, categoryCode: categoryCode, description: description)
        }
    }
}
