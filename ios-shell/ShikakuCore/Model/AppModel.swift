import Foundation
import Observation
import ShikakuCore

/// What the core said of a member code typed so far: until when it holds, or (`refused`)
/// why it cannot be received; and whether the one-time code must be typed.
public struct MemberCodeCheck: Equatable, Sendable {
    public let text: String
    public let refused: Bool
    public let needsOneTimeCode: Bool
}

/// Which member the clinic view shows.
public struct ClinicRoute: Identifiable, Hashable, Sendable {
    public let id: String

    public init(id: String) {
        self.id = id
    }
}

/// The app's one model: the Companion (opened lazily, retried when the app becomes active),
/// the settings only the shell keeps (language, app lock), the lock, what is on screen,
/// and the notifications reconciled with the core's plan. Every word and date it hands
/// to views comes from the core; the platform's services come in through
/// [PlatformServices], so this runs, and is tested, wherever Foundation does.
@MainActor
@Observable
public final class AppModel {
    /// iOS keeps at most 64 pending local notifications: the plan is asked for as many.
    public static let pendingNotificationLimit: UInt32 = 64

    public private(set) var companion: ShikakuCompanion?
    /// The core's sentence for why the store did not open; cleared by a successful retry.
    public private(set) var openError: String?
    public private(set) var texts: ShellTexts
    public private(set) var revision = 0
    public private(set) var locked = false
    public var clinicMember: ClinicRoute?
    public var sharedPDF: Data?
    public var message: String?
    /// When the model plans the notifications again (the plan's replan time).
    public private(set) var nextReplan: Date?

    private let services: PlatformServices
    @ObservationIgnored private var unlockedOnce = false
    @ObservationIgnored private var backgroundedAt: Date?
    @ObservationIgnored private var replanTask: Task<Void, Never>?

    public init(services: PlatformServices) {
        self.services = services
        let locale = AppModel.coreLocale(chosen: services.defaults.string(forKey: "locale"), preferred: services.preferredLanguages())
        texts = shellTextsFor(locale: locale)
    }

    /// The clinic card to cover the screen with: never while the app is locked (a quick
    /// action, the App Intent or a notification asked for it: it shows once unlocked).
    public var visibleClinic: ClinicRoute? {
        locked ? nil : clinicMember
    }

    // MARK: Opening the store

    /// Opens the store if it is not open; a failure is kept as the core's sentence.
    public func openIfNeeded() {
        guard companion == nil else { return }
        let locale = currentLocale
        do {
            let opened = try ShikakuCompanion.open(
                dataDir: try services.dataDirectory().path,
                secretStore: services.secretStore(),
                locale: locale
            )
            companion = opened
            openError = nil
            texts = opened.shellTexts()
        } catch let error as ShikakuError {
            openError = describeErrorFor(locale: locale, error: error)
        } catch {
            // The data folder itself could not be made.
            openError = storageFailure
        }
    }

    // MARK: The app's life

    /// The scene became active: open the store (or retry), lock again after the core's
    /// timeout, tidy "Open in" copies, and bring the notifications in line with the plan.
    public func becameActive() async {
        openIfNeeded()
        if appLock {
            let away = backgroundedAt.map { services.now().timeIntervalSince($0) } ?? 0
            if !unlockedOnce || away >= TimeInterval(appLockTimeoutSeconds()) {
                locked = true
            }
        }
        backgroundedAt = nil
        discardInboxCopies()
        publishQuickAction()
        if locked {
            await unlock()
        }
        await reconcileNotifications()
    }

    public func enteredBackground() {
        backgroundedAt = services.now()
        services.refresh.scheduleRefresh(earliest: nextReplan ?? services.now().addingTimeInterval(24 * 60 * 60))
    }

    /// Shows the unlock prompt; the app opens only when the member proved it is them.
    public func unlock() async {
        guard locked else { return }
        if await services.unlocker.unlock(reason: texts.unlockSubtitle) {
            locked = false
            unlockedOnce = true
        }
    }

    // MARK: Settings

    /// The language chosen in settings; nil follows the system.
    public var chosenLocale: ShikakuCore.Locale? {
        get { services.defaults.string(forKey: "locale").flatMap(AppModel.locale(tag:)) }
        set {
            services.defaults.set(newValue.map(AppModel.tag(of:)), forKey: "locale")
            companion?.setLocale(locale: currentLocale)
            reload()
            publishQuickAction()
            Task { await reconcileNotifications() }
        }
    }

    /// The core's language now: the chosen one, else the system's first if it is Japanese.
    public var currentLocale: ShikakuCore.Locale {
        AppModel.coreLocale(chosen: services.defaults.string(forKey: "locale"), preferred: services.preferredLanguages())
    }

    public var appLock: Bool {
        get { services.defaults.bool(forKey: "appLock") }
        set {
            services.defaults.set(newValue, forKey: "appLock")
            // Turned on while using the app: this session counts as unlocked.
            if newValue { unlockedOnce = true }
            reload()
        }
    }

    /// Where signed content updates come from; none is configured in this build.
    public var contentURL: String? { services.defaults.string(forKey: "contentURL") }

    // MARK: Reading and acting

    /// Runs `read`; a failure becomes the core's sentence in `message`.
    public func read<T>(_ fallback: T, _ read: (ShikakuCompanion) throws -> T) -> T {
        guard let companion else { return fallback }
        do {
            return try read(companion)
        } catch {
            // Views read while SwiftUI renders them: the message is published afterwards,
            // and only when it changes, so a lasting failure does not re-render forever.
            let sentence = describe(error)
            if message != sentence {
                Task { @MainActor in self.message = sentence }
            }
            return fallback
        }
    }

    /// Runs a change, then refreshes the screens and the notifications.
    public func act(_ change: (ShikakuCompanion) throws -> Void) {
        guard let companion else { return }
        do {
            try change(companion)
            reload()
            Task { await reconcileNotifications() }
        } catch {
            message = describe(error)
        }
    }

    /// Submits a form through the core: the outcome (saved, and the screens and the
    /// notifications follow; or refused, with the form and its errors), or nil when the
    /// core failed (its sentence is in `message`).
    public func submit(_ send: (ShikakuCompanion) throws -> FormOutcome) -> FormOutcome? {
        var outcome: FormOutcome?
        act { companion in outcome = try send(companion) }
        return outcome
    }

    /// A code that moves `memberId` to another device (with the insurance numbers, sealed
    /// under a one-time code, when `includeInsuranceNumbers` is set); nil when the core
    /// failed (its sentence is in `message`). Sealing derives a key: off the main actor.
    public func shareMember(memberId: String, includeInsuranceNumbers: Bool) async -> MemberShare? {
        guard let companion else { return nil }
        do {
            return try await Task.detached {
                try companion.shareMember(memberId: memberId, includeInsuranceNumbers: includeInsuranceNumbers)
            }.value
        } catch {
            message = describe(error)
            return nil
        }
    }

    /// What the core says of a member code typed or read so far (nil while it is empty):
    /// until when it holds and whether it needs the one-time code shown on the sending
    /// device, or why it cannot be received (damaged, expired, not a member code).
    public func checkMemberCode(_ code: String) -> MemberCodeCheck? {
        guard let companion, !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        do {
            let info: TransferCodeInfo = try companion.inspectMemberCode(code: code)
            return MemberCodeCheck(
                text: companion.memberCodeValidUntil(expiresAt: info.expiresAt),
                refused: false,
                needsOneTimeCode: info.needsOneTimeCode
            )
        } catch {
            return MemberCodeCheck(text: describe(error), refused: true, needsOneTimeCode: false)
        }
    }

    /// Adds the member a code from another device carries, with the one-time code the
    /// member typed when the code needs one. Nil when added (`message` then says so);
    /// else the core's sentence for why not (a wrong one-time code, an expired code), for
    /// the receiving screen to show. Opening sealed numbers derives a key: off the main
    /// actor.
    public func receiveMember(code: String, oneTimeCode: String?) async -> String? {
        guard let companion else { return storageFailure }
        do {
            _ = try await Task.detached {
                try companion.receiveMember(code: code, oneTimeCode: oneTimeCode)
            }.value
        } catch {
            return describe(error)
        }
        reload()
        message = texts.received
        Task { await reconcileNotifications() }
        return nil
    }

    /// The text of the QR code in a camera's picture (grey levels, row by row), read by the
    /// core; nil when none is read (the core's sentence then comes in `message`).
    public func readQrCode(width: Int, height: Int, luma: Data) -> String? {
        read(nil) { try $0.readQrCode(width: UInt32(width), height: UInt32(height), luma: luma) }
    }

    public func describe(_ error: Error) -> String {
        guard let error = error as? ShikakuError else { return storageFailure }
        return companion?.describeError(error: error) ?? describeErrorFor(locale: currentLocale, error: error)
    }

    /// The core's sentence for a failure that is not the core's own (the platform's file
    /// system): the store could not be read or written.
    private var storageFailure: String {
        describeErrorFor(locale: currentLocale, error: .Storage(reason: "platform"))
    }

    public func reload() {
        texts = companion?.shellTexts() ?? shellTextsFor(locale: currentLocale)
        revision += 1
    }

    // MARK: Documents arriving from other apps

    /// A PDF opened in shikaku or shared to it (the マイナポータル app's 端末に保存): imported
    /// at once in a household of one, else held until the member says whose it is. The
    /// copy iOS left in Documents/Inbox is deleted either way.
    public func receivePDF(at url: URL) {
        defer { discardInboxCopy(url) }
        guard let data = try? services.files.contents(of: url) else { return }
        let rows = read([MemberRow]()) { try $0.householdView() }
        if rows.count == 1, let only = rows.first {
            importPDF(data, for: only.memberId)
        } else {
            sharedPDF = data
        }
    }

    public func importPDF(_ data: Data, for memberId: String) {
        sharedPDF = nil
        act { companion in
            _ = try companion.importDocument(memberId: memberId, pdf: data)
            message = texts.imported
        }
    }

    private func discardInboxCopy(_ url: URL) {
        guard let inbox = services.inboxDirectory,
              url.standardizedFileURL.path.hasPrefix(inbox.standardizedFileURL.path + "/")
        else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies left from an earlier launch (the app was stopped before reading them).
    private func discardInboxCopies() {
        guard let inbox = services.inboxDirectory,
              let copies = try? FileManager.default.contentsOfDirectory(at: inbox, includingPropertiesForKeys: nil)
        else { return }
        for copy in copies {
            try? FileManager.default.removeItem(at: copy)
        }
    }

    // MARK: The clinic card, from a quick action, the App Intent or a notification

    /// The member themselves, else the first added.
    public func showClinicForSelf() {
        let members = read([Member]()) { try $0.members() }
        let chosen = members.first { $0.relationship == .myself } ?? members.first
        if let chosen {
            clinicMember = ClinicRoute(id: chosen.id)
        }
    }

    /// A tapped notification: the clinic card of its member when the reminder is about the
    /// counter, else the app as it is.
    public func openNotification(clinicMemberId: String?) {
        if let clinicMemberId {
            clinicMember = ClinicRoute(id: clinicMemberId)
        }
    }

    public func publishQuickAction() {
        services.shortcuts.publishClinicShortcut(title: texts.shortcutClinic, subtitle: texts.shortcutClinicLong)
    }

    // MARK: Notifications

    /// The pending notifications made equal to the core's plan, by the reminders' ids:
    /// stale ones removed, planned ones (re)scheduled; planned again at the plan's replan
    /// time while the app runs, and by the background refresh otherwise.
    public func reconcileNotifications() async {
        guard let companion else { return }
        let plan: ReminderPlan
        do {
            plan = try companion.reminderPlan(limit: AppModel.pendingNotificationLimit)
        } catch {
            message = describe(error)
            return
        }
        scheduleReplan(at: plan.replanAt)
        guard await services.notifications.requestAuthorization() else { return }
        let planned = plan.reminders.map(AppModel.notification(for:))
        let plannedIds = Set(planned.map(\.id))
        let stale = await services.notifications.pendingIdentifiers().filter { !plannedIds.contains($0) }
        services.notifications.removePending(identifiers: stale)
        for notification in planned {
            try? await services.notifications.schedule(notification)
        }
    }

    private func scheduleReplan(at date: Date?) {
        nextReplan = date
        replanTask?.cancel()
        guard let date else { return }
        services.refresh.scheduleRefresh(earliest: date)
        let delay = max(0, date.timeIntervalSince(services.now()))
        replanTask = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(min(delay, 7 * 24 * 60 * 60) * 1_000_000_000))
            guard !Task.isCancelled else { return }
            await self?.reconcileNotifications()
        }
    }

    /// A reminder as a notification: its time in the Gregorian calendar in Japan's zone.
    public static func notification(for reminder: Reminder) -> PlannedNotification {
        PlannedNotification(
            id: reminder.id,
            title: reminder.title,
            body: reminder.body,
            fireDate: japanCalendar.dateComponents(
                [.calendar, .timeZone, .year, .month, .day, .hour, .minute], from: reminder.fireAt
            ),
            clinicMemberId: reminder.screen == .clinic ? reminder.memberId : nil,
            timeSensitive: reminder.severity == .urgent
        )
    }

    /// The Gregorian calendar in Japan Standard Time (no daylight saving time).
    public static let japanCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Tokyo") ?? TimeZone(secondsFromGMT: 9 * 60 * 60) ?? calendar.timeZone
        return calendar
    }()

    // MARK: Background refresh

    /// The content refresh (signed bundles, checked by the core), then a new plan.
    public func refreshContent() async {
        openIfNeeded()
        guard let url = contentURL, let companion else { return }
        _ = try? await companion.refreshContent(url: url)
        reload()
        await reconcileNotifications()
    }

    // MARK: Locales

    public static func coreLocale(chosen: String?, preferred: [String]) -> ShikakuCore.Locale {
        if let chosen, let locale = locale(tag: chosen) {
            return locale
        }
        return preferred.first?.hasPrefix("ja") == true ? .ja : .en
    }

    public static func locale(tag: String) -> ShikakuCore.Locale? {
        switch tag {
        case "ja": return .ja
        case "en": return .en
        default: return nil
        }
    }

    public static func tag(of locale: ShikakuCore.Locale) -> String {
        switch locale {
        case .ja: return "ja"
        case .en: return "en"
        }
    }
}
