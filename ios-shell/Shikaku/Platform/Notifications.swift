import Foundation
import ShikakuCore
import UserNotifications

/// Local notifications reconciled with the core's reminder plan by its stable ids: iOS
/// keeps at most 64 pending, so the plan is asked for 64; requests no longer planned are
/// removed, and the plan is made again when the app comes back or content changes.
@MainActor
enum Notifications {
    static let pendingLimit: UInt32 = 64

    static func reconcile(model: AppModel) {
        guard let companion = model.companion else { return }
        let plan: ReminderPlan
        do {
            plan = try companion.reminderPlan(limit: pendingLimit)
        } catch {
            model.message = model.describe(error)
            return
        }
        let center = UNUserNotificationCenter.current()
        center.requestAuthorization(options: [.alert, .sound, .badge]) { granted, _ in
            guard granted else { return }
            center.getPendingNotificationRequests { pending in
                let planned = Set(plan.reminders.map { (reminder: Reminder) in reminder.id })
                let stale = pending.map(\.identifier).filter { !planned.contains($0) }
                center.removePendingNotificationRequests(withIdentifiers: stale)
                for reminder in plan.reminders {
                    center.add(request(for: reminder))
                }
            }
        }
    }

    private static func request(for reminder: Reminder) -> UNNotificationRequest {
        let content = UNMutableNotificationContent()
        content.title = reminder.title
        content.body = reminder.body
        content.sound = .default
        content.userInfo = ["member": reminder.memberId, "clinic": reminder.screen == .clinic]
        content.interruptionLevel = reminder.severity == .urgent ? .timeSensitive : .active
        // fireAt is an instant; the trigger only needs its calendar parts in the device's zone.
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: reminder.fireAt)
        let trigger = UNCalendarNotificationTrigger(dateMatching: parts, repeats: false)
        return UNNotificationRequest(identifier: reminder.id, content: content, trigger: trigger)
    }
}
