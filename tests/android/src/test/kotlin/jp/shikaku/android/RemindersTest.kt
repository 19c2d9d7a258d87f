package jp.shikaku.android

import android.Manifest
import android.app.AlarmManager
import android.app.NotificationManager
import android.content.Context
import android.content.Intent
import android.content.IntentFilter
import jp.shikaku.android.platform.ReminderReceiver
import jp.shikaku.android.platform.ReminderScheduler
import jp.shikaku.android.platform.RescheduleReceiver
import jp.shikaku.core.Relationship
import kotlinx.coroutines.runBlocking
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

/**
 * The notifications follow the core's reminder plan: one alarm per planned reminder,
 * keyed by its notification id, the rest cancelled; planned again after boot and a time
 * zone change; a delivered reminder is posted and not acknowledged.
 */
@RunWith(RobolectricTestRunner::class)
class RemindersTest {
    private val app = RuntimeEnvironment.getApplication() as TestShikakuApplication
    private val alarms = app.getSystemService(AlarmManager::class.java)

    /** The request codes of the reminder alarms set now (the replan alarm left out). */
    private fun reminderAlarms(): Map<Int, Long> =
        shadowOf(alarms)
            .scheduledAlarms
            .filter { shadowOf(it.operation).savedIntent.component?.className == ReminderReceiver::class.java.name }
            .associate { shadowOf(it.operation).requestCode to it.triggerAtTime }

    private fun plannedAlarms(): Map<Int, Long> =
        app
            .core()
            .reminderPlan(64u)
            .reminders
            .associate { it.notificationId to it.fireAt.toEpochMilli() }

    @Test
    fun everyPlannedReminderHasOneAlarmByItsIdAndTheRestAreCancelled() {
        val core = app.core()
        core.addMember("佐藤 花子")
        val child = core.addMember("佐藤 陽太", Relationship.CHILD, certDays = 70)
        runBlocking { ReminderScheduler.reconcile(app) }
        val both = plannedAlarms()
        assertTrue("the household has reminders to plan", both.size >= 2)
        assertEquals(both, reminderAlarms())

        core.removeMember(child.id)
        runBlocking { ReminderScheduler.reconcile(app) }
        val one = plannedAlarms()
        assertTrue("the child's reminders left the plan", one.keys.size < both.keys.size)
        assertEquals(one, reminderAlarms())
    }

    @Test
    fun bootAndATimeZoneChangePlanTheAlarmsAgain() {
        app.core().addMember("佐藤 花子")
        for (action in listOf(Intent.ACTION_BOOT_COMPLETED, Intent.ACTION_TIMEZONE_CHANGED)) {
            // What a reboot does: the alarms are gone.
            shadowOf(alarms).scheduledAlarms.mapNotNull { it.operation }.forEach(alarms::cancel)
            assertTrue(reminderAlarms().isEmpty())
            app.registerReceiver(RescheduleReceiver(), IntentFilter(action), Context.RECEIVER_NOT_EXPORTED)
            app.sendBroadcast(Intent(action))
            settle()
            assertTrue("$action: the plan is not empty", plannedAlarms().isNotEmpty())
            assertEquals(action, plannedAlarms(), reminderAlarms())
        }
    }

    @Test
    fun aDeliveredReminderIsPostedAndNotAcknowledged() {
        shadowOf(app).grantPermissions(Manifest.permission.POST_NOTIFICATIONS)
        val core = app.core()
        core.addMember("佐藤 花子")
        runBlocking { ReminderScheduler.reconcile(app) }
        val first = core.reminderPlan(64u).reminders.first()
        val alarm =
            shadowOf(alarms).scheduledAlarms.first { shadowOf(it.operation).requestCode == first.notificationId }

        // The alarm fires: its PendingIntent's broadcast reaches the receiver.
        ReminderReceiver().onReceive(app, shadowOf(alarm.operation).savedIntent)

        val posted = shadowOf(app.getSystemService(NotificationManager::class.java)).allNotifications
        assertEquals(1, posted.size)
        val notification = posted.single()
        assertEquals(first.title, notification.extras.getString("android.title"))
        assertEquals(first.body, notification.extras.getCharSequence("android.text").toString())
        assertTrue("a tap opens the app", shadowOf(notification.contentIntent).isActivityIntent)
        assertEquals(emptyList<String>(), core.acknowledged)
        // Still known to the core: acknowledging is left to the member.
        assertTrue(core.reminderPlan(64u).reminders.any { it.id == first.id })
    }

    @Test
    fun withoutThePermissionNothingIsPosted() {
        shadowOf(app).denyPermissions(Manifest.permission.POST_NOTIFICATIONS)
        app.core().addMember("佐藤 花子")
        runBlocking { ReminderScheduler.reconcile(app) }
        val reminder =
            app
                .core()
                .reminderPlan(64u)
                .reminders
                .first()
        val alarm = shadowOf(alarms).scheduledAlarms.first { shadowOf(it.operation).requestCode == reminder.notificationId }
        ReminderReceiver().onReceive(app, shadowOf(alarm.operation).savedIntent)
        assertEquals(0, shadowOf(app.getSystemService(NotificationManager::class.java)).allNotifications.size)
    }
}
