import BackgroundTasks
import Foundation
import ShikakuModel

/// The content refresh and the reminder replan as a background app refresh: asked for at
/// the plan's replan time (or a day on), then the model refreshes content and reconciles.
final class BackgroundRefresh: RefreshScheduling {
    static let identifier = "jp.shikaku.ios.content-refresh"

    static func register() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: identifier, using: nil) { task in
            let work = Task { @MainActor in
                await AppModel.shared.refreshContent()
                task.setTaskCompleted(success: true)
            }
            task.expirationHandler = { work.cancel() }
        }
    }

    func scheduleRefresh(earliest: Date) {
        let request = BGAppRefreshTaskRequest(identifier: BackgroundRefresh.identifier)
        request.earliestBeginDate = earliest
        try? BGTaskScheduler.shared.submit(request)
    }
}
