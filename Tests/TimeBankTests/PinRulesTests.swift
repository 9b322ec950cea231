import Testing
import TimeBank

@Suite("PIN rules and settings, as the domain states them")
struct PinRulesTests {
    @Test("Locked out after the fifth wrong PIN in a row: 30 s, doubling, never past 15 minutes")
    func schedule() {
        #expect((1...4).map(PinLockout.lockSeconds(afterFailures:)) == [0, 0, 0, 0])
        #expect((5...12).map(PinLockout.lockSeconds(afterFailures:)) == [30, 60, 120, 240, 480, 900, 900, 900])
        #expect(PinLockout.lockSeconds(afterFailures: Int.max) == 900)
    }

    @Test("Six digits, or a passphrase of ten characters in any script")
    func policy() {
        #expect(PinPolicy.problem(with: Array("123456".utf8)) == nil)
        #expect(PinPolicy.problem(with: Array("12345".utf8)) != nil)
        #expect(PinPolicy.problem(with: Array("Zoë 王 O'Br".utf8)) == nil)
        #expect(PinPolicy.problem(with: Array("short pass".utf8).dropLast().map { $0 }) != nil)
        #expect(PinPolicy.problem(with: Array("1234567\u{7}".utf8)) == "A PIN cannot contain control characters.")
    }

    @Test("Settings are checked by name: the idle lock from 1 to 60 minutes, hours as hours, months by number or name")
    func settings() throws {
        var s = Settings()
        #expect(s.idleLockMinutes == 5)
        try SettingKey.idleLockMinutes.apply("60", to: &s)
        #expect(s.idleLockMinutes == 60)
        #expect(throws: SettingError("idle-lock-minutes must be a whole number from 1 to 60.")) { try SettingKey.idleLockMinutes.apply("0", to: &s) }
        #expect(throws: SettingError("idle-lock-minutes must be a whole number from 1 to 60.")) { try SettingKey.idleLockMinutes.apply("61", to: &s) }
        try SettingKey.creditLimit.apply("7.5", to: &s)
        #expect(s.creditLimitMinutes == 450)
        try SettingKey.welcomeCredit.apply("1:30", to: &s)
        #expect(s.welcomeCreditMinutes == 90)
        #expect(throws: SettingError.self) { try SettingKey.welcomeCredit.apply("25", to: &s) }
        #expect(throws: SettingError.self) { try SettingKey.creditLimit.apply("-3", to: &s) }
        try SettingKey.financialYearStart.apply("april", to: &s)
        #expect(s.financialYearStartMonth == 4)
        try SettingKey.financialYearStart.apply("1", to: &s)
        #expect(SettingKey.financialYearStart.value(in: s) == "January")
        #expect(throws: SettingError.self) { try SettingKey.followUpDays.apply("٣", to: &s) }
    }
}
