import GRDB
import TimeBank

extension Store {
    public func settings() throws -> Settings {
        try read { db in try Store.settings(db) }
    }

    static func settings(_ db: Database) throws -> Settings {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") { values[row["key"]] = row["value"] }
        let d = Settings()
        var s = Settings(
            timeBankName: values["time_bank_name"] ?? d.timeBankName,
            creditLimitMinutes: values["credit_limit_minutes"].flatMap(Int.init) ?? d.creditLimitMinutes,
            welcomeCreditMinutes: values["welcome_credit_minutes"].flatMap(Int.init) ?? d.welcomeCreditMinutes,
            followUpDays: values["follow_up_days"].flatMap(Int.init) ?? d.followUpDays,
            unmatchedNeedDays: values["unmatched_need_days"].flatMap(Int.init) ?? d.unmatchedNeedDays)
        s.futureDaysAllowed = values["future_days_allowed"].flatMap(Int.init).map { min(max($0, 0), ServiceDate.mostFutureDaysAllowed) }
            ?? d.futureDaysAllowed
        s.idleLockMinutes = values["idle_lock_minutes"].flatMap(Int.init).flatMap { (1...60).contains($0) ? $0 : nil } ?? d.idleLockMinutes
        s.financialYearStartMonth = values["financial_year_start_month"].flatMap(Int.init).flatMap { (1...12).contains($0) ? $0 : nil }
            ?? d.financialYearStartMonth
        s.vettingReviewYears = values[Store.vettingReviewYearsKey].flatMap(Int.init).flatMap { (1...10).contains($0) ? $0 : nil }
            ?? d.vettingReviewYears
        s.retentionYearsAfterLeaving = values[PrivacySettings.retentionKey].flatMap(Int.init).flatMap { (1...100).contains($0) ? $0 : nil }
            ?? d.retentionYearsAfterLeaving
        return s
    }

    /// Changes one setting by its command-line name (admins), checked by the domain's rule for it.
    public func updateSetting(_ key: SettingKey, to text: String, by broker: Broker) throws -> Settings {
        try authorize(.changeSettings, by: broker)
        var s = try settings()
        do { try key.apply(text, to: &s) } catch { throw StoreError.invalid(error.description) }
        try write { db in
            try Store.saveSettings(db, s)
            try Store.audit(db, broker: broker.username, action: "update", entity: "settings", id: key.rawValue, details: key.value(in: s))
        }
        return s
    }

    public func updateSettings(_ s: Settings, by broker: Broker) throws {
        try authorize(.changeSettings, by: broker)
        let name = s.timeBankName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, TextRules.fits(name, characters: 80) else { throw StoreError.invalid("The time bank's name must be 1 to 80 characters.") }
        if let problem = TextRules.controlProblem("The time bank's name", name) { throw StoreError.invalid(problem) }
        guard s.creditLimitMinutes >= 0, s.welcomeCreditMinutes >= 0, s.welcomeCreditMinutes <= 24 * 60,
              s.followUpDays > 0, s.unmatchedNeedDays > 0, (1...60).contains(s.idleLockMinutes), (1...12).contains(s.financialYearStartMonth),
              (0...ServiceDate.mostFutureDaysAllowed).contains(s.futureDaysAllowed) else {
            throw StoreError.invalid("Credit limit, welcome credit and day counts must be positive (welcome credit at most 24 hours, "
                + "future days 0 to \(ServiceDate.mostFutureDaysAllowed)).")
        }
        try write { db in
            try Store.saveSettings(db, s)
            try Store.audit(db, broker: broker.username, action: "update", entity: "settings", id: "",
                            details: "name=\(name) credit_limit=\(s.creditLimitMinutes) welcome=\(s.welcomeCreditMinutes) follow_up=\(s.followUpDays)")
        }
    }

    static func saveSettings(_ db: Database, _ s: Settings) throws {
        let pairs: [(String, String)] = [
            ("time_bank_name", s.timeBankName), ("credit_limit_minutes", String(s.creditLimitMinutes)),
            ("welcome_credit_minutes", String(s.welcomeCreditMinutes)), ("follow_up_days", String(s.followUpDays)),
            ("unmatched_need_days", String(s.unmatchedNeedDays)), ("future_days_allowed", String(s.futureDaysAllowed)),
            ("idle_lock_minutes", String(s.idleLockMinutes)), ("financial_year_start_month", String(s.financialYearStartMonth)),
            (Store.vettingReviewYearsKey, String(s.vettingReviewYears)), (PrivacySettings.retentionKey, String(s.retentionYearsAfterLeaving)),
        ]
        for (k, v) in pairs {
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [k, v])
        }
    }
}
