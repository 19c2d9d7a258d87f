import Foundation
import ShikakuCore
import SwiftUI
import UIKit

/// Which member the clinic view shows.
struct ClinicRoute: Identifiable, Hashable {
    let id: String
}

/// The app's one model: the Companion, the settings only the shell keeps (language, app
/// lock), and what is on screen. Every word and date it hands to views comes from the core.
@MainActor
final class AppModel: ObservableObject {
    static let shared = AppModel()

    let companion: ShikakuCompanion?
    let openError: String?
    @Published private(set) var texts: ShellTexts
    @Published private(set) var revision = 0
    @Published var locked: Bool
    @Published var clinicMember: ClinicRoute?
    @Published var sharedPDF: Data?
    @Published var message: String?

    private let defaults = UserDefaults.standard

    private init() {
        let chosen = UserDefaults.standard.string(forKey: "locale")
        let locale = AppModel.coreLocale(chosen: chosen)
        do {
            let companion = try ShikakuCompanion.open(
                dataDir: try AppModel.dataDirectory().path,
                secretStore: KeychainSecretStore(),
                locale: locale
            )
            self.companion = companion
            self.openError = nil
            self.texts = companion.shellTexts()
        } catch {
            self.companion = nil
            self.openError = (error as? ShikakuError).map { describeErrorFor(locale: locale, error: $0) }
                ?? String(describing: error)
            self.texts = shellTextsFor(locale: locale)
        }
        self.locked = UserDefaults.standard.bool(forKey: "appLock")
    }

    // MARK: Settings

    /// The language chosen in settings; nil follows the system.
    var chosenLocale: ShikakuCore.Locale? {
        get { defaults.string(forKey: "locale").flatMap(AppModel.locale(tag:)) }
        set {
            defaults.set(newValue.map(AppModel.tag(of:)), forKey: "locale")
            companion?.setLocale(locale: AppModel.coreLocale(chosen: defaults.string(forKey: "locale")))
            reload()
            publishQuickAction()
            Notifications.reconcile(model: self)
        }
    }

    var appLock: Bool {
        get { defaults.bool(forKey: "appLock") }
        set {
            defaults.set(newValue, forKey: "appLock")
            reload()
        }
    }

    /// Where signed content updates come from; none is configured in this build.
    var contentURL: String? { defaults.string(forKey: "contentURL") }

    var swiftLocale: Foundation.Locale {
        Foundation.Locale(identifier: AppModel.tag(of: AppModel.coreLocale(chosen: defaults.string(forKey: "locale"))))
    }

    /// Japanese dates in pickers use the Japanese calendar (令和…); English the Gregorian.
    var displayCalendar: Calendar {
        var calendar = Calendar(identifier: swiftLocale.language.languageCode == .japanese ? .japanese : .gregorian)
        calendar.locale = swiftLocale
        return calendar
    }

    // MARK: Reading and acting

    /// Runs `read`; a failure becomes the core's sentence in `message`.
    func read<T>(_ fallback: T, _ read: (ShikakuCompanion) throws -> T) -> T {
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
    func act(_ change: (ShikakuCompanion) throws -> Void) {
        guard let companion else { return }
        do {
            try change(companion)
            reload()
            Notifications.reconcile(model: self)
        } catch {
            message = describe(error)
        }
    }

    func describe(_ error: Error) -> String {
        if let error = error as? ShikakuError, let companion {
            return companion.describeError(error: error)
        }
        return String(describing: error)
    }

    func reload() {
        if let companion {
            texts = companion.shellTexts()
        }
        revision += 1
    }

    // MARK: The lock

    func lock() {
        if appLock {
            locked = true
        }
    }

    func unlockIfNeeded() {
        guard locked else { return }
        AppLock.unlock(reason: texts.unlockSubtitle) { unlocked in
            Task { @MainActor in self.locked = !unlocked }
        }
    }

    // MARK: Documents arriving from other apps

    /// A PDF opened in shikaku or shared to it (the マイナポータル app's 端末に保存).
    func receivePDF(at url: URL) {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return }
        let rows = read([MemberRow]()) { try $0.householdView() }
        if rows.count == 1, let only = rows.first {
            importPDF(data, for: only.memberId)
        } else {
            sharedPDF = data
        }
    }

    func importPDF(_ data: Data, for memberId: String) {
        sharedPDF = nil
        act { companion in
            _ = try companion.importDocument(memberId: memberId, pdf: data)
            message = texts.imported
        }
    }

    // MARK: Quick action and App Intent

    static let clinicShortcutType = "jp.shikaku.ios.clinic"

    /// The Home Screen quick action, titled by the core in the current language.
    func publishQuickAction() {
        UIApplication.shared.shortcutItems = [
            UIApplicationShortcutItem(
                type: AppModel.clinicShortcutType,
                localizedTitle: texts.shortcutClinic,
                localizedSubtitle: texts.shortcutClinicLong,
                icon: UIApplicationShortcutIcon(systemImageName: "person.text.rectangle"),
                userInfo: nil
            )
        ]
    }

    func handle(shortcut: UIApplicationShortcutItem) {
        if shortcut.type == AppModel.clinicShortcutType {
            showClinicForSelf()
        }
    }

    /// The member themselves, else the first added; used by the quick action and the intent.
    func showClinicForSelf() {
        let members = read([Member]()) { try $0.members() }
        let chosen = members.first { $0.relationship == .myself } ?? members.first
        if let chosen {
            clinicMember = ClinicRoute(id: chosen.id)
        }
    }

    func scheduleBackgroundRefresh() {
        BackgroundRefresh.schedule()
    }

    // MARK: Helpers

    private static func dataDirectory() throws -> URL {
        let support = try FileManager.default.url(
            for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true
        )
        let directory = support.appendingPathComponent("shikaku", isDirectory: true)
        try FileManager.default.createDirectory(
            at: directory,
            withIntermediateDirectories: true,
            attributes: [.protectionKey: FileProtectionType.complete]
        )
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        var excluded = directory
        try excluded.setResourceValues(values)
        return directory
    }

    static func coreLocale(chosen: String?) -> ShikakuCore.Locale {
        if let chosen, let locale = locale(tag: chosen) {
            return locale
        }
        return Foundation.Locale.preferredLanguages.first?.hasPrefix("ja") == true ? .ja : .en
    }

    static func locale(tag: String) -> ShikakuCore.Locale? {
        switch tag {
        case "ja": return .ja
        case "en": return .en
        default: return nil
        }
    }

    static func tag(of locale: ShikakuCore.Locale) -> String {
        switch locale {
        case .ja: return "ja"
        case .en: return "en"
        }
    }
}
