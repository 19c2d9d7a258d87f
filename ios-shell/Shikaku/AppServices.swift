import Foundation
import ShikakuCore
import ShikakuModel
import SwiftUI
import UIKit

/// The model the app runs on, over the iOS services; its state and logic live in the
/// ShikakuModel package (Foundation only, tested with fakes by scripts/check-swift.sh).
extension AppModel {
    static let shared = AppModel(services: PlatformServices(
        secretStore: { KeychainSecretStore() },
        notifications: UserNotificationScheduler(),
        unlocker: DeviceOwnerUnlocker(),
        files: SecurityScopedFiles(),
        shortcuts: QuickActions(),
        refresh: BackgroundRefresh(),
        defaults: .standard,
        dataDirectory: dataDirectory,
        inboxDirectory: FileManager.default.urls(for: .documentDirectory, in: .userDomainMask).first?
            .appendingPathComponent("Inbox", isDirectory: true),
        preferredLanguages: { Foundation.Locale.preferredLanguages },
        now: { Date() }
    ))

    /// The store's folder: Application Support, readable only while the device is unlocked
    /// and kept out of backups (the key in the Keychain does not travel either).
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

    /// The app's language for SwiftUI's own formatting.
    var swiftLocale: Foundation.Locale {
        Foundation.Locale(identifier: AppModel.tag(of: currentLocale))
    }

    /// Japanese dates in pickers use the Japanese calendar (令和…); English the Gregorian.
    var displayCalendar: Calendar {
        var calendar = Calendar(identifier: currentLocale == .ja ? .japanese : .gregorian)
        calendar.locale = swiftLocale
        return calendar
    }
}

/// Files handed over by "Open in" or the share sheet, read within their security scope.
final class SecurityScopedFiles: IncomingFiles {
    func contents(of url: URL) throws -> Data {
        let scoped = url.startAccessingSecurityScopedResource()
        defer {
            if scoped { url.stopAccessingSecurityScopedResource() }
        }
        return try Data(contentsOf: url, options: .mappedIfSafe)
    }
}

/// The Home Screen quick action, titled by the core in the current language.
final class QuickActions: ShortcutPublishing {
    static let clinicType = "jp.shikaku.ios.clinic"

    func publishClinicShortcut(title: String, subtitle: String) {
        UIApplication.shared.shortcutItems = [
            UIApplicationShortcutItem(
                type: QuickActions.clinicType,
                localizedTitle: title,
                localizedSubtitle: subtitle,
                icon: UIApplicationShortcutIcon(systemImageName: "person.text.rectangle"),
                userInfo: nil
            )
        ]
    }
}
