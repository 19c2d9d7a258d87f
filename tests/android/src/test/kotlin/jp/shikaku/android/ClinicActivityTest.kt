package jp.shikaku.android

import android.view.WindowManager
import jp.shikaku.android.platform.ClinicActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment

/** The window shown at the counter: the staff note, kept out of screenshots, never over the lock. */
@RunWith(RobolectricTestRunner::class)
class ClinicActivityTest {
    private val app = RuntimeEnvironment.getApplication() as TestShikakuApplication

    @Test
    fun theClinicCardShowsTheStaffNoteInASecureWindow() {
        val member = app.core().addMember("佐藤 花子")
        val activity = Robolectric.buildActivity(ClinicActivity::class.java, ClinicActivity.intent(app, member.id)).setup().get()
        val card = app.core().clinicCard(member.id)
        val shown = shownTexts(activity)
        assertTrue(shown.toString(), card.staffNoteJa in shown)
        assertTrue(shown.toString(), "佐藤 花子" in shown)
        assertTrue(activity.window.attributes.flags and WindowManager.LayoutParams.FLAG_SECURE != 0)
    }

    @Test
    fun theClinicWindowOverALockedAppShowsTheLockNotTheCard() {
        app.appLock = true
        val member = app.core().addMember("佐藤 花子")
        val activity = Robolectric.buildActivity(ClinicActivity::class.java, ClinicActivity.intent(app, member.id)).setup().get()
        val shown = shownTexts(activity)
        assertTrue(activity.locked)
        assertFalse(shown.toString(), shown.any { "佐藤" in it })
        assertEquals(1, app.unlockPrompts.size)
    }
}
