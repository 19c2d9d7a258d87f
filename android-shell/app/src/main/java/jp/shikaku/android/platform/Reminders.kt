package jp.shikaku.android.platform

import android.Manifest
import android.app.AlarmManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import jp.shikaku.core.Screen
import jp.shikaku.core.Severity
import jp.shikaku.core.ShikakuException
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * Native notifications reconciled with the core's reminder plan by its stable ids: each
 * planned reminder has one alarm (request code = its notification id), alarms no longer
 * planned are cancelled, and the plan is made again at its replan time, after boot, and
 * when the time zone or clock changes.
 */
object ReminderScheduler {
    /** Android keeps at most 500 alarms per app; the plan stays far below. */
    private const val PLAN_LIMIT = 64u
    private const val REPLAN_REQUEST = Int.MAX_VALUE

    /** Runs on the app's background dispatcher; a store that cannot be read changes nothing. */
    suspend fun reconcile(context: Context) {
        val app = context.shikaku
        val plan =
            try {
                withContext(app.background) { app.companion().reminderPlan(PLAN_LIMIT) }
            } catch (error: ShikakuException) {
                return
            }
        val alarms = context.getSystemService(AlarmManager::class.java)
        val preferences = context.getSharedPreferences("shikaku-alarms", Context.MODE_PRIVATE)
        val planned = plan.reminders.map { it.notificationId }.toSet()
        val scheduled = preferences.getStringSet("ids", emptySet()).orEmpty().mapNotNull { it.toIntOrNull() }
        (scheduled - planned).forEach { id -> alarms.cancel(pendingAlarm(context, id, null)) }
        for (reminder in plan.reminders) {
            val intent =
                Intent(context, ReminderReceiver::class.java)
                    .putExtra("id", reminder.id)
                    .putExtra("title", reminder.title)
                    .putExtra("body", reminder.body)
                    .putExtra("member", reminder.memberId)
                    .putExtra("clinic", reminder.screen == Screen.CLINIC)
                    .putExtra("urgent", reminder.severity == Severity.URGENT)
            schedule(context, alarms, reminder.fireAt.toEpochMilli(), pendingAlarm(context, reminder.notificationId, intent))
        }
        plan.replanAt?.let {
            val intent = Intent(context, RescheduleReceiver::class.java)
            schedule(context, alarms, it.toEpochMilli(), pendingAlarm(context, REPLAN_REQUEST, intent, RescheduleReceiver::class.java))
        }
        preferences.edit().putStringSet("ids", planned.map(Int::toString).toSet()).apply()
    }

    private fun schedule(
        context: Context,
        alarms: AlarmManager,
        atMillis: Long,
        operation: PendingIntent,
    ) {
        // A deadline is a day; an inexact alarm is right unless the member allowed exact ones.
        val exact = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()
        if (exact) {
            alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, atMillis, operation)
        } else {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, atMillis, operation)
        }
    }

    private fun pendingAlarm(
        context: Context,
        requestCode: Int,
        intent: Intent?,
        receiver: Class<*> = ReminderReceiver::class.java,
    ): PendingIntent =
        PendingIntent.getBroadcast(
            context,
            requestCode,
            intent ?: Intent(context, receiver),
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
}

/** Posts one planned reminder; its texts were written by the core when planned. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(
        context: Context,
        intent: Intent,
    ) {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val id = intent.getStringExtra("id") ?: return
        val open =
            if (intent.getBooleanExtra("clinic", false)) {
                ClinicActivity.intent(context, intent.getStringExtra("member"))
            } else {
                Intent(context, MainActivity::class.java)
            }
        val content = PendingIntent.getActivity(context, id.hashCode(), open, PendingIntent.FLAG_IMMUTABLE)
        val notification =
            NotificationCompat
                .Builder(context, ShikakuApplication.CHANNEL_ID)
                .setSmallIcon(android.R.drawable.ic_popup_reminder)
                .setContentTitle(intent.getStringExtra("title"))
                .setContentText(intent.getStringExtra("body"))
                .setStyle(NotificationCompat.BigTextStyle().bigText(intent.getStringExtra("body")))
                .setPriority(
                    if (intent.getBooleanExtra("urgent", false)) NotificationCompat.PRIORITY_HIGH else NotificationCompat.PRIORITY_DEFAULT,
                ).setContentIntent(content)
                .setAutoCancel(true)
                .build()
        // Not acknowledged here: the core plans only reminders still to come, so one
        // delivered is no longer in the next plan; acknowledging is the member's act.
        NotificationManagerCompat.from(context).notify(id, 0, notification)
    }
}

/** Boot, time-zone and clock changes, and the plan's own replan time: plan again. */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(
        context: Context,
        intent: Intent,
    ) {
        val pending = goAsync()
        context.shikaku.scope.launch {
            try {
                ReminderScheduler.reconcile(context)
            } finally {
                pending.finish()
            }
        }
    }
}
