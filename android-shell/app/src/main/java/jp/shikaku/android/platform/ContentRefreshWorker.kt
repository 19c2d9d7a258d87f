package jp.shikaku.android.platform

import android.content.Context
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import jp.shikaku.core.ShikakuException

/** The daily content refresh (signed bundles, checked by the core), then a new reminder plan. */
class ContentRefreshWorker(
    context: Context,
    parameters: WorkerParameters,
) : CoroutineWorker(context, parameters) {
    override suspend fun doWork(): Result {
        val app = applicationContext.shikaku
        val url = app.contentUrl ?: return Result.success()
        return try {
            app.companion().refreshContent(url)
            ReminderScheduler.reconcile(app)
            Result.success()
        } catch (error: ShikakuException) {
            Result.retry()
        }
    }

    companion object {
        const val NAME = "content-refresh"
    }
}
