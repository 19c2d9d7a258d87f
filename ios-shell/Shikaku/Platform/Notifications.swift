import Foundation
import ShikakuModel
import UserNotifications

/// Local notifications through UNUserNotificationCenter's async calls; what to schedule,
/// and when, is the model's (reconciled with the core's plan by the reminders' ids).
final class UserNotificationScheduler: NotificationScheduling {
    private var center: UNUserNotificationCenter { .current() }

    func requestAuthorization() async -> Bool {
        (try? await center.requestAuthorization(options: [.alert, .sound, .badge])) ?? false
    }

    func pendingIdentifiers() async -> [String] {
        await center.pendingNotificationRequests().map(\.identifier)
    }

    func removePending(identifiers: [String]) {
        center.removePendingNotificationRequests(withIdentifiers: identifiers)
    }

    func schedule(_ notification: PlannedNotification) async throws {
        let content = UNMutableNotificationContent()
        content.title = notification.title
        content.body = notification.body
        content.sound = .default
        if let member = notification.clinicMemberId {
            content.userInfo = [NotificationTaps.clinicMemberKey: member]
        }
        content.interruptionLevel = notification.timeSensitive ? .timeSensitive : .active
        let trigger = UNCalendarNotificationTrigger(dateMatching: notification.fireDate, repeats: false)
        try await center.add(UNNotificationRequest(identifier: notification.id, content: content, trigger: trigger))
    }
}

/// The notification center's delegate: a tap on a reminder about the counter opens that
/// member's clinic card (behind the lock when the app is locked); a reminder arriving
/// while the app is open is shown as a banner.
final class NotificationTaps: NSObject, UNUserNotificationCenterDelegate {
    static let clinicMemberKey = "clinicMember"
    static let shared = NotificationTaps()

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse
    ) async {
        let member = response.notification.request.content.userInfo[NotificationTaps.clinicMemberKey] as? String
        await MainActor.run { AppModel.shared.openNotification(clinicMemberId: member) }
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification
    ) async -> UNNotificationPresentationOptions {
        [.banner, .list, .sound]
    }
}
