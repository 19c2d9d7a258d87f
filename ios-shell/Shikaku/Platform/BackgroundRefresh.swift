import BackgroundTasks
import Foundation
import ShikakuCore

/// The content refresh (signed bundles, checked by the core) as a background app refresh.
enum BackgroundRefresh {
    static let identifier = "jp.shikaku.ios.content-refresh"

    static func register() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { task in
            schedule()
            let work = Task { @MainActor in
                let model = AppModel.shared
                if let url = model.contentURL, let companion = model.companion {
                    _ = try? await companion.refreshContent(url: url)
                    model.reload()
                    Notifications.reconcile(model: model)
                }
                task.setTaskCompleted(success: true)
            }
            task.expirationHandler = { work.cancel() }
        }
    }

    static func schedule() {
        let request = BGAppRefreshTaskRequest(identifier: identifier)
        request.earliestBeginDate = Date(timeIntervalSinceNow: 24 * 60 * 60)
        try? BGTaskScheduler.shared.submit(request)
    }
}
