import Foundation
import GRDB
import TimeBank
@testable import TimeBankStore

/// A fresh folder in the temporary directory holding one database file; removed when released.
final class TempDatabase: @unchecked Sendable {
    let folder: String
    let path: String

    init(name: String = "timebank.sqlite") {
        var template = Array((NSTemporaryDirectory() + "/timebank-tests-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        folder = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        path = folder + "/" + name
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Another connection straight to the file, as sqlite3 or a script would open it.
    func rawQueue() throws -> DatabaseQueue { try DatabaseQueue(path: path) }

    func mode(of file: String) -> mode_t? {
        var info = stat()
        guard stat(file, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

/// A store with an admin and a few members, ready for ledger tests.
struct Fixture {
    let temp: TempDatabase
    let store: Store
    let admin: Broker
    /// Member numbers of Ann, Bob, Cat (persons, pending).
    let ann: Int, bob: Int, cat: Int

    /// Last year: every month is over, so any of them can be closed.
    static let lastYear = CalendarDate.today().year - 1
    static var today: CalendarDate { .today() }

    init(creditLimit: Minutes = 10 * 60, welcomeCredit: Minutes = 2 * 60) throws {
        temp = TempDatabase()
        store = try Store(path: temp.path)
        admin = try store.signIn(username: "alice", displayName: "Alice Admin")
        try store.updateSettings(Settings(creditLimitMinutes: creditLimit, welcomeCreditMinutes: welcomeCredit), by: admin)
        let joined = day(Self.lastYear, 1, 1)
        ann = try store.addMember(Member(name: "Ann Archer", joined: joined), by: admin).number
        bob = try store.addMember(Member(name: "Bob Baker", joined: joined), by: admin).number
        cat = try store.addMember(Member(name: "Cat Cooper", joined: joined), by: admin).number
    }

    @discardableResult
    func record(_ giver: AccountRef, _ receiver: AccountRef, _ minutes: Minutes, on date: CalendarDate? = nil, id: UUID = UUID(),
                description: String = "", accept: Bool = false) throws -> Exchange {
        try store.record(ExchangeRequest(id: id, date: date ?? day(Self.lastYear, 6, 10), giver: giver, receiver: receiver,
                                         minutes: minutes, description: description), by: admin, acceptCreditLimit: accept).exchange
    }

    func balance(_ ref: AccountRef) throws -> Minutes { try store.balance(ref).balanceMinutes }

    /// Everything an invalid operation must leave alone.
    func snapshot() throws -> Snapshot {
        Snapshot(balances: try store.balances(), exchanges: try store.exchangeCount(), revision: try store.revision())
    }

    struct Snapshot: Equatable {
        var balances: [AccountBalance]
        var exchanges: Int
        var revision: Int64
    }
}

extension StoreError {
    var ledgerError: LedgerError? {
        if case .ledger(let e) = self { return e }
        return nil
    }
}
