package jp.shikaku.android

import android.Manifest
import android.content.Intent
import android.net.Uri
import jp.shikaku.android.platform.CoreState
import jp.shikaku.android.platform.MainActivity
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuException
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowToast
import java.io.File
import java.nio.file.Files
import java.time.Duration

/** The main window over the real core: sharing, the form, the lock, permissions, a failed store. */
@RunWith(RobolectricTestRunner::class)
class MainActivityTest {
    private val app = RuntimeEnvironment.getApplication() as TestShikakuApplication
    private val texts get() = app.texts()

    private fun sharing(pdf: File): Intent =
        Intent(app, MainActivity::class.java)
            .setAction(Intent.ACTION_SEND)
            .setType("application/pdf")
            .putExtra(Intent.EXTRA_STREAM, Uri.fromFile(pdf))

    private fun sharedCopy(): File = Files.createTempFile("shared", ".pdf").toFile().apply { writeBytes(kenpoPdf.readBytes()) }

    @Test
    fun aPdfSharedToAOneMemberHouseholdIsImportedOnceAcrossARotation() {
        val member = app.core().addMember("佐藤 花子")
        val window = Robolectric.buildActivity(MainActivity::class.java, sharing(sharedCopy())).setup()
        settle()
        assertEquals(listOf(member.id), app.core().imported)
        assertEquals(texts.imported, ShadowToast.getTextOfLatestToast())

        window.recreate()
        settle()
        assertEquals("a rotation does not import the same PDF again", listOf(member.id), app.core().imported)
        assertTrue(app.core().clinicCard(member.id).recordAvailableOffline)
    }

    @Test
    fun aPdfSharedToALargerHouseholdWaitsForItsMemberAcrossARotation() {
        app.core().addMember("佐藤 花子")
        val child = app.core().addMember("佐藤 陽太", Relationship.CHILD)
        val window = Robolectric.buildActivity(MainActivity::class.java, sharing(sharedCopy())).setup()
        val asked = shownTexts(window.get())
        assertTrue("whose PDF is it? $asked", texts.importChooseMember in asked)

        window.recreate()
        val shown = shownTexts(window.get())
        assertTrue("the question is still asked after a rotation: $shown", texts.importChooseMember in shown)
        assertEquals(emptyList<String>(), app.core().imported)

        tap(window.get(), shown.first { it.startsWith("佐藤 陽太") })
        assertEquals(listOf(child.id), app.core().imported)
        assertFalse(texts.importChooseMember in shownTexts(window.get()))
    }

    @Test
    fun backClosesTheOpenFormAndThenLeaves() {
        val window = Robolectric.buildActivity(MainActivity::class.java).setup()
        val activity = window.get()
        tap(activity, texts.addMember)
        assertTrue(texts.memberTitle in shownTexts(activity))

        activity.onBackPressedDispatcher.onBackPressed()
        val shown = shownTexts(activity)
        assertFalse("the form closed: $shown", texts.memberTitle in shown)
        assertTrue("back on the household tab: $shown", texts.householdEmpty in shown)
        assertFalse(activity.isFinishing)

        activity.onBackPressedDispatcher.onBackPressed()
        assertTrue("with no form open, back leaves the app", activity.isFinishing)
    }

    @Test
    fun theFormKeepsWhatWasTypedAcrossARotation() {
        val window = Robolectric.buildActivity(MainActivity::class.java).setup()
        tap(window.get(), texts.addMember)
        window.recreate()
        assertTrue("the form is still open after a rotation", texts.memberTitle in shownTexts(window.get()))
    }

    @Test
    fun theLockComesBackOnlyAfterTheTimeoutInTheBackground() {
        app.appLock = true
        app.core().addMember("佐藤 花子")
        val window = Robolectric.buildActivity(MainActivity::class.java).setup()
        val activity = window.get()
        assertTrue(activity.locked)
        assertEquals(1, app.unlockPrompts.size)
        assertFalse("nothing of the household shows while locked", shownTexts(activity).any { "佐藤" in it })

        app.unlockPrompts.last().invoke()
        assertFalse(activity.locked)
        assertTrue(shownTexts(activity).any { "佐藤 花子" in it })

        // A short trip away: still open.
        window.pause().stop()
        shadowOf(android.os.Looper.getMainLooper()).idleFor(Duration.ofSeconds(30))
        window.restart().resume()
        assertFalse(activity.locked)
        assertEquals(1, app.unlockPrompts.size)

        // Longer than the core's timeout: locked again, and asked again.
        window.pause().stop()
        shadowOf(android.os.Looper.getMainLooper()).idleFor(
            Duration.ofSeconds(
                jp.shikaku.core
                    .appLockTimeoutSeconds()
                    .toLong() + 1,
            ),
        )
        window.restart().resume()
        assertTrue(activity.locked)
        assertEquals(2, app.unlockPrompts.size)
        assertTrue(texts.unlock in shownTexts(activity))
    }

    @Test
    fun notificationsAreAskedOnceAndOnlyAfterTheRationale() {
        val first = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        assertTrue(first.explainingNotifications)
        assertNull("not asked before the rationale", shadowOf(first).lastRequestedPermission)
        assertTrue(texts.notificationPermissionRationale in shownTexts(first))

        tap(first, texts.notificationPermissionAllow)
        val asked = shadowOf(first).lastRequestedPermission
        assertEquals(listOf(Manifest.permission.POST_NOTIFICATIONS), asked?.requestedPermissions?.toList())

        val again = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        assertFalse(again.explainingNotifications)
        assertNull("asked once only", shadowOf(again).lastRequestedPermission)
    }

    @Test
    fun aStoreThatFailsToOpenShowsTheCoresSentenceAndARetry() {
        app.store = BrokenSecretStore()
        val window = Robolectric.buildActivity(MainActivity::class.java).setup()
        val activity = window.get()
        val failed = activity.core as? CoreState.Failed
        assertEquals(app.describe(ShikakuException.SecretStore("test")), failed?.message)
        val shown = shownTexts(activity)
        assertTrue(shown.toString(), failed!!.message in shown && texts.retry in shown)
        assertFalse("no crash, no finish", activity.isFinishing)

        // The vault is back: the retry opens the store.
        app.store = jp.shikaku.core.MapSecretStore()
        tap(activity, texts.retry)
        assertTrue(activity.core is CoreState.Open)
        assertTrue(texts.householdEmpty in shownTexts(activity))
    }

    @Test
    fun theAndroidKeystoreFailingIsTheCoresTypedErrorNotACrash() {
        // Robolectric has no AndroidKeyStore provider: the app's own store meets a broken
        // Keystore, as on a device whose key was invalidated.
        app.store = null
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        val failed = activity.core as? CoreState.Failed
        assertEquals(app.describe(ShikakuException.SecretStore("any")), failed?.message)
        assertFalse(activity.isFinishing)
    }
}
