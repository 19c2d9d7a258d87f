import Foundation
import ShikakuCore

/// One local notification as the model plans it from a core reminder: the platform only
/// schedules it (UNUserNotificationCenter on iOS).
public struct PlannedNotification: Equatable, Sendable {
    /// The reminder's stable id: the same reminder replaces its notification.
    public let id: String
    public let title: String
    public let body: String
    /// When it fires, as calendar parts in the Gregorian calendar and Japan's time zone
    /// (the zone the core plans deadlines in), so a trip abroad moves nothing.
    public let fireDate: DateComponents
    /// The member whose clinic card a tap opens, when the reminder is about the counter.
    public let clinicMemberId: String?
    public let timeSensitive: Bool

    public init(id: String, title: String, body: String, fireDate: DateComponents, clinicMemberId: String?, timeSensitive: Bool) {
        self.id = id
        self.title = title
        self.body = body
        self.fireDate = fireDate
        self.clinicMemberId = clinicMemberId
        self.timeSensitive = timeSensitive
    }
}

/// Local notifications: the few calls the model needs, async as iOS 17's are.
public protocol NotificationScheduling: AnyObject {
    /// Asks once (the system remembers the answer); whether notifications may be shown.
    func requestAuthorization() async -> Bool
    func pendingIdentifiers() async -> [String]
    func removePending(identifiers: [String])
    func schedule(_ notification: PlannedNotification) async throws
}

/// The app lock's prompt (Face ID, Touch ID or the passcode on iOS).
public protocol Unlocking: AnyObject {
    /// Whether the member proved it is them; true too where the device has no lock at all.
    func unlock(reason: String) async -> Bool
}

/// Files other apps hand over ("Open in", the share sheet).
public protocol IncomingFiles: AnyObject {
    /// The file's bytes, read within its security scope.
    func contents(of url: URL) throws -> Data
}

/// The Home Screen quick action to the clinic card.
@MainActor
public protocol ShortcutPublishing: AnyObject {
    func publishClinicShortcut(title: String, subtitle: String)
}

/// The system's background refresh (BGTaskScheduler on iOS).
public protocol RefreshScheduling: AnyObject {
    func scheduleRefresh(earliest: Date)
}

/// What the model needs from the platform, given once at start.
public struct PlatformServices {
    public var secretStore: () -> SecretStore
    public var notifications: NotificationScheduling
    public var unlocker: Unlocking
    public var files: IncomingFiles
    public var shortcuts: ShortcutPublishing
    public var refresh: RefreshScheduling
    public var defaults: UserDefaults
    /// Where the store lives (created, protected and kept out of backups by the caller).
    public var dataDirectory: () throws -> URL
    /// Where iOS puts "Open in" copies (Documents/Inbox); the model deletes them once read.
    public var inboxDirectory: URL?
    public var preferredLanguages: () -> [String]
    public var now: () -> Date

    public init(
        secretStore: @escaping () -> SecretStore,
        notifications: NotificationScheduling,
        unlocker: Unlocking,
        files: IncomingFiles,
        shortcuts: ShortcutPublishing,
        refresh: RefreshScheduling,
        defaults: UserDefaults,
        dataDirectory: @escaping () throws -> URL,
        inboxDirectory: URL?,
        preferredLanguages: @escaping () -> [String],
        now: @escaping () -> Date
    ) {
        self.secretStore = secretStore
        self.notifications = notifications
        self.unlocker = unlocker
        self.files = files
        self.shortcuts = shortcuts
        self.refresh = refresh
        self.defaults = defaults
        self.dataDirectory = dataDirectory
        self.inboxDirectory = inboxDirectory
        self.preferredLanguages = preferredLanguages
        self.now = now
    }
}
