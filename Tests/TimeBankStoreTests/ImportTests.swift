import Foundation
import GRDB
import Testing
import TimeBank
import TimeBankImport
@testable import TimeBankStore

/// `timebank import` below the command line: the one CSV reader, the mappings, and the store's
/// single transaction.
@Suite("Import")
struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ImportFixtures")

    func counts(_ f: Fixture) throws -> [Int] {
        try f.temp.rawQueue().read { db in
            try ["member", "offer", "need", "exchange", "member_note", "audit"].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1 }
        }
    }

    func importBytes(_ f: Fixture, _ text: String, _ kind: ImportKind, format: ImportFormat = .timebank, commit: Bool = true) throws -> ImportOutcome {
        let file = try ImportFile.read(bytes: Array(text.utf8), kind: kind, format: format)
        return try f.store.importRows(file, kind: kind, source: "test.csv", commit: commit, by: f.admin)
    }

    @Test("Every file of the bad-file catalogue is refused at its line, and nothing is written")
    func catalogue() throws {
        let folder = Self.fixtures.appendingPathComponent("bad")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count >= 40)
        for name in names {
            // "<kind>[.timeoverflow]-L<line>-<what is wrong>.csv"
            let parts = name.split(separator: "-")
            let head = parts[0].split(separator: ".")
            let kind = try #require(ImportKind(rawValue: String(head[0])), "\(name)")
            let format: ImportFormat = head.count > 1 ? .timeoverflow : .timebank
            let line = try #require(Int(parts[1].dropFirst()), "\(name)")
            let f = try Fixture()
            let before = try counts(f)
            do {
                let file = try ImportFile.read(path: folder.appendingPathComponent(name).path, kind: kind, format: format)
                let outcome = try f.store.importRows(file, kind: kind, source: name, commit: true, by: f.admin)
                #expect(!outcome.committed, "\(name)")
                #expect(outcome.invalid.first?.line == line, "\(name): \(outcome.invalid)")
            } catch let error as CSVFileError {
                #expect(error.line == line, "\(name): \(error)")
            }
            #expect(try counts(f) == before, "\(name) wrote something")
        }
    }

    @Test("One bad row among 10,000 good ones writes nothing, and names its line")
    func oneBadRow() throws {
        let f = try Fixture()
        var text = "number,name,status,joined,email\n"
        for i in 0..<10_000 {
            let email = i == 6_000 ? "not an email" : "m\(i)@example.org"
            text += "\(5_000 + i),Member \(i),active,2025-01-02,\(email)\n"
        }
        let before = try counts(f)
        let outcome = try importBytes(f, text, .members)
        #expect(!outcome.committed)
        #expect(outcome.invalid.map(\.line) == [6_002])
        #expect(outcome.created == 9_999)
        #expect(try counts(f) == before)
    }

    @Test("A preview writes nothing; a commit writes every row; the same file again creates nothing")
    func previewCommitReimport() throws {
        let f = try Fixture()
        let text = "\u{FEFF}number,name,status,joined,email,phone\r\n2001,Zoë 王 O'Brien,active,28/11/2025,zoe@example.org,07700 900123\r\n2002,\"Lee, Sam\",pending,2025-11-29,,\r\n"
        let before = try counts(f)
        let preview = try importBytes(f, text, .members, commit: false)
        #expect(preview.created == 2 && !preview.committed)
        #expect(try counts(f) == before)
        let done = try importBytes(f, text, .members)
        #expect(done.committed && done.created == 2)
        let zoe = try #require(try f.store.member(2001))
        #expect(zoe.name == "Zoë 王 O'Brien" && zoe.joined == day(2025, 11, 28) && zoe.status == .active)
        #expect(try f.store.member(2002)?.name == "Lee, Sam")
        let again = try importBytes(f, text, .members)
        #expect(again.created == 0 && again.skipped.map(\.line) == [2, 3])
    }

    @Test("The export's vetting columns become vetting records: complete or expired with their review date, missing as it was")
    func vettingColumns() throws {
        let f = try Fixture()
        let today = CalendarDate.today()
        let ahead = today.adding(days: 365), past = today.adding(days: -10)
        let text = """
            number,name,joined,vetting,vetting_review
            3001,Vera Vetted,2025-01-02,complete,\(ahead.iso)
            3002,Ed Expired,2025-01-02,expired,\(past.iso)
            3003,Mia Missing,2025-01-02,missing,\(ahead.iso)
            3004,Nat None,2025-01-02,missing,
            3005,Col Complete,2025-01-02,complete,

            """
        let outcome = try importBytes(f, text, .members)
        #expect(outcome.committed && outcome.created == 5, "\(outcome.invalid)")
        let vera = try f.store.vetting(member: 3001)
        #expect(vera.state(today: today) == .complete && vera.nextReview == ahead)
        #expect(vera.references.allSatisfy { $0.referee == "not given in the imported file" })
        #expect(try f.store.vetting(member: 3002).state(today: today) == .expired)
        #expect(try f.store.vetting(member: 3002).nextReview == past)
        let mia = try f.store.vetting(member: 3003)
        #expect(mia.state(today: today) == .missing && mia.nextReview == ahead)
        #expect(try f.store.vetting(member: 3004) == Vetting())
        let col = try f.store.vetting(member: 3005)
        #expect(col.state(today: today) == .complete && col.nextReview == nil)
        #expect(try f.store.check() == [])
    }

    @Test("A vetting that says expired while its review date is still ahead is refused with its line")
    func expiredInTheFuture() throws {
        let f = try Fixture()
        let ahead = CalendarDate.today().adding(days: 30)
        let outcome = try importBytes(f, "number,name,vetting,vetting_review\n3001,Ann Lee,expired,\(ahead.iso)\n", .members)
        #expect(!outcome.committed)
        #expect(outcome.invalid.map(\.line) == [2])
        #expect(outcome.invalid.first?.reason.contains("has not passed") == true)
    }

    @Test("A member already here by email, or by phone and name, is skipped and named")
    func matches() throws {
        let f = try Fixture()
        _ = try importBytes(f, "name,email,phone\nDee Dunn,dee@example.org,\nEd Eve,,07700 900555\n", .members)
        let outcome = try importBytes(f, "name,email,phone\nDeirdre Dunn,DEE@example.org,\nED EVE,,07700900555\nEd Eve,,07700 900556\n", .members)
        #expect(outcome.skipped.map(\.line) == [2, 3])
        #expect(outcome.skipped[0].reason.contains("by email"))
        #expect(outcome.skipped[1].reason.contains("by phone and name"))
        #expect(outcome.created == 1)
    }

    @Test("Exchanges keep their ids, dates, recorder and text; a reversal in the same file follows its original")
    func exchanges() throws {
        let f = try Fixture()
        let text = """
            id,date,giver,receiver,minutes,hours,category,description,reverses,recorded_by,recorded_at
            aaaaaaaa-0000-4000-8000-000000000001,2025-03-01,\(f.ann),\(f.bob),90,1.50,home.cleaning,"Tidy, then \"\"tea\"\"",,carol,2025-03-02T09:00:00.125Z
            aaaaaaaa-0000-4000-8000-000000000002,2025-03-05,\(f.bob),\(f.ann),90,1.50,home.cleaning,Wrong entry,aaaaaaaa-0000-4000-8000-000000000001,carol,2025-03-05T09:00:00.000Z
            aaaaaaaa-0000-4000-8000-000000000003,01/04/2025,pot,\(f.cat),45,0.75,,,,,

            """
        let outcome = try importBytes(f, text, .exchanges)
        #expect(outcome.committed && outcome.created == 3)
        let first = try #require(try f.store.exchange(id: UUID(uuidString: "aaaaaaaa-0000-4000-8000-000000000001")!))
        #expect(first.description == "Tidy, then \"tea\"" && first.recordedBy == "carol" && first.minutes == 90)
        #expect(Store.timestampText(first.recordedAt) == "2025-03-02T09:00:00.125Z")
        #expect(try f.store.balance(.member(f.ann)).balanceMinutes == 0)
        #expect(try f.store.balance(.member(f.cat)).balanceMinutes == -45)
        #expect(try f.store.check() == [])
        #expect(try importBytes(f, text, .exchanges).created == 0)
    }

    @Test("Opening balances are posted against their own account, never the pot, and everything still sums to zero")
    func balances() throws {
        let f = try Fixture()
        let potBefore = try f.store.balance(.pot).balanceMinutes
        let outcome = try importBytes(f, "member,balance_minutes\n\(f.ann),1800\n\(f.bob),-75\n\(f.cat),0\n", .balances)
        #expect(outcome.committed && outcome.created == 2 && outcome.skipped.map(\.line) == [4])
        #expect(try f.store.balance(.member(f.ann)).balanceMinutes == 1800)
        #expect(try f.store.balance(.member(f.bob)).balanceMinutes == -75)
        #expect(try f.store.balance(.opening).balanceMinutes == -1725)
        #expect(try f.store.balance(.pot).balanceMinutes == potBefore)
        #expect(try f.store.check() == [])
        // 30 hours is more than one exchange may hold: two entries, 24 hours and 6.
        let entries = try f.temp.rawQueue().read { db in
            try Int.fetchAll(db, sql: "SELECT minutes FROM exchange WHERE category = 'opening' ORDER BY minutes DESC")
        }
        #expect(entries == [1440, 360, 75])
        // Not hours exchanged: Today's figures and the month totals reports read leave them out.
        let month = CalendarDate.today().monthKey
        #expect(try f.store.monthTotals(fromMonth: month, toMonth: month).allSatisfy { $0.category != "opening" })
        #expect(try f.store.todayFigures().thisMonth.minutes == 0)
        #expect(try importBytes(f, "member,balance_hours\n\(f.ann),30.00\n", .balances).created == 0)
    }

    @Test("A TimeOverflow pair: users by position, transfers in seconds; balances equal the transfers' sums")
    func timeOverflow() throws {
        let f = try Fixture()
        let users = """
            7,2019-04-01,Ann,Marie,Archer,1,1980-06-15,07700 900701,07700 900799,ann7@example.org
            8,15/05/2019,Bob,,Baker,2,,07700 900702,,bob8@example.org
            9,2019-06-01,Zoë,,O'Brien,4,1950-01-01,,,zoe9@example.org

            """
        let members = try importBytes(f, users, .members, format: .timeoverflow)
        #expect(members.committed && members.created == 3)
        let ann = try #require(try f.store.member(7))
        #expect(ann.name == "Ann Marie Archer" && ann.joined == day(2019, 4, 1) && ann.demographics.gender == "female")
        #expect(try f.store.notes(member: 7).map(\.text) == ["Alternative phone (from TimeOverflow): 07700 900799"])
        // Credit moves from source to destination: the destination gave the help.
        let transfers = """
            7,Member,8,Member,5400,2020-01-10 10:00:00 UTC,Shopping,12
            8,Member,9,Member,3600,2020-01-11 10:00:00 UTC,Lift to the surgery,
            1,Organization,7,Member,7200,2020-01-12 10:00:00 UTC,Welcome hours,
            9,Member,1,Organization,1800,2020-02-01 10:00:00 UTC,Donation,
            7,Member,8,Member,5400,2020-01-10 10:00:00 UTC,Shopping,12

            """
        let potBefore = try f.store.balance(.pot).balanceMinutes
        let exchanges = try importBytes(f, transfers, .exchanges, format: .timeoverflow)
        #expect(exchanges.committed && exchanges.created == 5)
        // Ann: received 90 twice, gave 120 (from the pot): 120 - 180 = -60.
        #expect(try f.store.balance(.member(7)).balanceMinutes == -60)
        // Bob: gave 90 twice, received 60: 180 - 60 = 120.
        #expect(try f.store.balance(.member(8)).balanceMinutes == 120)
        // Zoë: gave 60 to Bob; source of 30 to the pot, so she received that credit's worth: 60 - 30.
        #expect(try f.store.balance(.member(9)).balanceMinutes == 60 - 30)
        #expect(try f.store.balance(.pot).balanceMinutes == potBefore - 120 + 30)
        #expect(try f.store.check() == [])
        #expect(try importBytes(f, transfers, .exchanges, format: .timeoverflow).created == 0)
    }
}
