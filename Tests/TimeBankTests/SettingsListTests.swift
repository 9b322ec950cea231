import Testing
import TimeBank

/// `timebank settings` lists every setting the program reads, the later ones included.
@Suite struct SettingsListTests {
    @Test func theSettingsOfRecordingVettingAndRetentionAreListedAndChecked() throws {
        let names = SettingKey.allCases.map(\.rawValue)
        #expect(names.contains("future-days-allowed"))
        #expect(names.contains("vetting-review-years"))
        #expect(names.contains("retention-years"))
        var s = Settings()
        #expect(SettingKey.futureDaysAllowed.value(in: s) == "0")
        #expect(SettingKey.vettingReviewYears.value(in: s) == "3")
        #expect(SettingKey.retentionYears.value(in: s) == "6")
        try SettingKey.futureDaysAllowed.apply("3", to: &s)
        try SettingKey.vettingReviewYears.apply("2", to: &s)
        try SettingKey.retentionYears.apply("7", to: &s)
        #expect(s.futureDaysAllowed == 3 && s.vettingReviewYears == 2 && s.retentionYearsAfterLeaving == 7)
        #expect(throws: SettingError("future-days-allowed must be a whole number from 0 to 31.")) { try SettingKey.futureDaysAllowed.apply("32", to: &s) }
        #expect(throws: SettingError("vetting-review-years must be a whole number from 1 to 10.")) { try SettingKey.vettingReviewYears.apply("0", to: &s) }
        #expect(throws: SettingError.self) { try SettingKey.retentionYears.apply("６", to: &s) }
    }
}
