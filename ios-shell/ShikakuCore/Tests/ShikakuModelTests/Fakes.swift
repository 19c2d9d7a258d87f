import Foundation
import ShikakuCore
import ShikakuModel

/// The platform's services as the tests drive them: recorded, answered as set.
final class FakeNotifications: NotificationScheduling {
    var authorized = true
    var pending: [String: PlannedNotification] = [:]
    var removed: [String] = []

    func requestAuthorization() async -> Bool { authorized }

    func pendingIdentifiers() async -> [String] { Array(pending.keys) }

    func removePending(identifiers: [String]) {
        removed += identifiers
        for id in identifiers { pending[id] = nil }
    }

    func schedule(_ notification: PlannedNotification) async throws {
        pending[notification.id] = notification
    }
}

final class FakeUnlocker: Unlocking {
    var answer = true
    var prompts = 0

    func unlock(reason: String) async -> Bool {
        prompts += 1
        return answer
    }
}

final class FakeFiles: IncomingFiles {
    func contents(of url: URL) throws -> Data { try Data(contentsOf: url) }
}

final class FakeShortcuts: ShortcutPublishing {
    var published: [String] = []

    func publishClinicShortcut(title: String, subtitle: String) { published.append(title) }
}

final class FakeRefresh: RefreshScheduling {
    var requested: [Date] = []

    func scheduleRefresh(earliest: Date) { requested.append(earliest) }
}

/// A SecretStore as the Keychain one is, over a dictionary.
final class MapSecretStore: SecretStore, @unchecked Sendable {
    private var secrets: [String: Data] = [:]

    func getSecret(name: String) throws -> Data? { secrets[name] }

    func setSecret(name: String, secret: Data) throws { secrets[name] = secret }

    func deleteSecret(name: String) throws { secrets[name] = nil }
}

/// A Keychain that cannot be reached (the device locked, a broken keychain).
final class BrokenSecretStore: SecretStore, @unchecked Sendable {
    func getSecret(name: String) throws -> Data? { throw ShikakuError.SecretStore(reason: "test: keychain unavailable") }

    func setSecret(name: String, secret: Data) throws { throw ShikakuError.SecretStore(reason: "test: keychain unavailable") }

    func deleteSecret(name: String) throws { throw ShikakuError.SecretStore(reason: "test: keychain unavailable") }
}

/// A model over the real core in a fresh folder, with fakes for the platform.
@MainActor
final class Harness {
    let notifications = FakeNotifications()
    let unlocker = FakeUnlocker()
    let shortcuts = FakeShortcuts()
    let refresh = FakeRefresh()
    let folder: URL
    let inbox: URL
    let defaults: UserDefaults
    var store: SecretStore = MapSecretStore()
    var now = Date()
    private(set) var model: AppModel!

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shikaku-model-\(UUID().uuidString)")
        inbox = folder.appendingPathComponent("Documents/Inbox", isDirectory: true)
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        defaults = UserDefaults(suiteName: "shikaku-tests-\(UUID().uuidString)")!
        defaults.set("ja", forKey: "locale")
        let store = folder.appendingPathComponent("store", isDirectory: true)
        model = AppModel(services: PlatformServices(
            secretStore: { [unowned self] in self.store },
            notifications: notifications,
            unlocker: unlocker,
            files: FakeFiles(),
            shortcuts: shortcuts,
            refresh: refresh,
            defaults: defaults,
            dataDirectory: {
                try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
                return store
            },
            inboxDirectory: inbox,
            preferredLanguages: { ["ja-JP"] },
            now: { [unowned self] in self.now }
        ))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The committed 資格情報 PDF (tests/fixtures), as iOS hands an "Open in" copy over.
    func inboxCopyOfTheKenpoPDF() throws -> URL {
        let fixtures = ProcessInfo.processInfo.environment["SHIKAKU_FIXTURES"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tests/fixtures")
        let copy = inbox.appendingPathComponent("shikaku-kenpo.pdf")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("shikaku-kenpo.pdf"), to: copy)
        return copy
    }

    /// A member whose electronic certificate expires in `certDays` days (reminders follow);
    /// with `insurance`, the numbers typed from the お知らせ.
    @discardableResult
    func addMember(
        _ name: String, relationship: Relationship = .myself, certDays: Int = 40, insurance: DocumentFields? = nil
    ) throws -> Member {
        let companion = try XCTUnwrapCompanion(model)
        let expires = AppModelTests.isoDay(now.addingTimeInterval(TimeInterval(certDays) * 24 * 60 * 60))
        var draft = newMemberDraft(birthDate: "1985-04-12")
        draft = MemberDraft(
            displayName: name,
            relationship: relationship,
            facts: Facts(birthDate: "1985-04-12", cardIssuedOn: "2021-06-01", certExpiresOn: expires),
            eligibilityCertificateExpiresOn: draft.eligibilityCertificateExpiresOn,
            holdings: draft.holdings,
            insuranceFields: insurance
        )
        return try companion.addMember(draft: draft)
    }
}

struct NoCompanion: Error {}

@MainActor
func XCTUnwrapCompanion(_ model: AppModel) throws -> ShikakuCompanion {
    guard let companion = model.companion else { throw NoCompanion() }
    return companion
}
