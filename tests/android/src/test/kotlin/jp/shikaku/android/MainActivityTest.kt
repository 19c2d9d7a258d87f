package jp.shikaku.android

import android.Manifest
import android.content.Intent
import android.net.Uri
import jp.shikaku.android.platform.CoreState
import jp.shikaku.android.platform.MainActivity
import jp.shikaku.core.DocumentFields
import jp.shikaku.core.Field
import jp.shikaku.core.Reason
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

    /** The title of the member form's first section, as the core words it: shown only in the form. */
    private val newMemberTitle get() =
        app
            .core()
            .memberForm(null, emptyMap())
            .sections
            .first()
            .title

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
        assertTrue(newMemberTitle in shownTexts(activity))

        activity.onBackPressedDispatcher.onBackPressed()
        val shown = shownTexts(activity)
        assertFalse("the form closed: $shown", newMemberTitle in shown)
        assertTrue("back on the household tab: $shown", texts.householdEmpty in shown)
        assertFalse(activity.isFinishing)

        activity.onBackPressedDispatcher.onBackPressed()
        assertTrue("with no form open, back leaves the app", activity.isFinishing)
    }

    @Test
    fun theFormKeepsWhatWasAnsweredAcrossARotation() {
        val window = Robolectric.buildActivity(MainActivity::class.java).setup()
        tap(window.get(), texts.addMember)
        // A foreign resident: the 在留期間 is asked.
        tap(window.get(), label("foreign_national"))
        assertTrue(label("residence_limit_on") in shownTexts(window.get()))
        window.recreate()
        val shown = shownTexts(window.get())
        assertTrue("the form is still open after a rotation", newMemberTitle in shown)
        assertTrue("what was answered is kept: $shown", label("residence_limit_on") in shown)
    }

    /** A field's label in the member form, as the core words it. */
    private fun label(id: String): String =
        app
            .core()
            .memberForm(null, emptyMap())
            .sections
            .flatMap { it.fields }
            .single { it.id == id }
            .label

    @Test
    fun aMemberIsAddedThroughTheCoresFormAndItsQuestionsAppearAsTheyApply() {
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        tap(activity, texts.addMember)
        type(activity, label("display_name"), "佐藤 花子")
        type(activity, label("birth_date"), "昭和60年4月12日")
        val question = label("continued_use_at_move_in")
        assertFalse("asked only after a move", question in shownTexts(activity))
        type(activity, label("moved_on"), "2026-03-01")
        type(activity, label("move_in_filed_on"), "令和8年3月10日")
        val shown = shownTexts(activity)
        assertTrue("asked once the 転入届 is filed: $shown", question in shown)
        assertTrue("the era date stays as typed: $shown", "令和8年3月10日" in shown)
        assertTrue("and is read back by the core: $shown", "令和8年3月10日(火)" in shown)
        tap(activity, app.core().memberForm(null, emptyMap()).submitLabel)
        val member = app.core().members().single()
        assertEquals("佐藤 花子", member.displayName)
        assertEquals(java.time.LocalDate.of(2026, 3, 10), member.facts.moveInFiledOn)
        assertTrue(shownTexts(activity).any { it.startsWith("佐藤 花子") })
    }

    @Test
    fun aFormThatCannotBeSavedSaysWhyBesideTheField() {
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        tap(activity, texts.addMember)
        type(activity, label("display_name"), "佐藤 花子")
        tap(activity, app.core().memberForm(null, emptyMap()).submitLabel)
        val required =
            app.describe(
                jp.shikaku.core.ShikakuException
                    .InvalidInput(jp.shikaku.core.Field.BIRTH_DATE, jp.shikaku.core.Reason.Required),
            )
        val shown = shownTexts(activity)
        assertTrue("$shown", shown.any { it in required })
        assertEquals(emptyList<Any>(), app.core().members())
    }

    private fun openMember(
        activity: android.app.Activity,
        name: String,
    ) = tapWhere(activity, "the row of $name") { texts -> texts.any { it.startsWith("$name（") } }

    @Test
    fun removingAMemberAsksFirst() {
        app.core().addMember("佐藤 花子")
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        openMember(activity, "佐藤 花子")
        tap(activity, texts.removeMember)
        assertTrue(texts.removeMemberQuestion in shownTexts(activity))
        tap(activity, texts.cancel)
        assertEquals(1, app.core().members().size)
        tap(activity, texts.removeMember)
        tap(activity, texts.remove)
        assertEquals(emptyList<Any>(), app.core().members())
        assertTrue(texts.householdEmpty in shownTexts(activity))
    }

    @Test
    fun anotherPersonsPdfIsSaidBesideItsFieldsUntilConfirmed() {
        val member = app.core().addMember("佐藤 花子")
        app.core().importDocument(member.id, kokuhoPdf.readBytes())
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        openMember(activity, "佐藤 花子")
        tap(activity, texts.documentReview)
        val form = app.core().documentForm(member.id, emptyMap())
        val warning =
            form.sections
                .flatMap { it.fields }
                .single { it.id == "birth_date" }
                .warning
        assertTrue("the core warns about the birth date", warning != null)
        assertTrue(shownTexts(activity).toString(), warning in shownTexts(activity))
        tap(activity, form.submitLabel)
        assertTrue(app.core().documentInfo(member.id).fieldsConfirmed)
        assertTrue(texts.documentConfirmed in shownTexts(activity))
    }

    /** The core's sentence for a refused value of [field]. */
    private fun refusal(
        field: Field,
        reason: Reason,
    ): String = app.describe(ShikakuException.InvalidInput(field, reason))

    @Test
    fun aMemberCodePastedFromAnotherDeviceAddsTheMember() {
        val member = app.core().addMember("佐藤 花子")
        val share = app.core().shareMember(member.id, false)
        assertNull("no insurance numbers, no one-time code", share.oneTimeCode)
        app.core().removeMember(member.id)
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        tap(activity, texts.receiveMember)
        type(activity, texts.receiveCode, "not a code")
        assertTrue(shownTexts(activity).toString(), refusal(Field.TRANSFER_CODE, Reason.NotATransferCode) in shownTexts(activity))
        // A code of the first format had no expiry: it counts as expired.
        type(activity, texts.receiveCode, "SHIKAKU-MEMBER:1:P:e30:00000000")
        assertTrue(shownTexts(activity).toString(), refusal(Field.TRANSFER_CODE, Reason.TransferCodeExpired) in shownTexts(activity))
        tap(activity, texts.receiveAdd)
        assertEquals("a refused code adds nobody", emptyList<Any>(), app.core().members())

        type(activity, texts.receiveCode, share.code)
        val shown = shownTexts(activity)
        assertTrue("until when the code holds: $shown", app.core().memberCodeValidUntil(share.expiresAt) in shown)
        assertFalse("no one-time code asked: $shown", texts.receiveOneTimeCodeIntro in shown)
        tap(activity, texts.receiveAdd)
        assertEquals(listOf("佐藤 花子"), app.core().members().map { it.displayName })
        assertTrue(texts.received in shownTexts(activity))
    }

    @Test
    fun aMemberCodeWithInsuranceNumbersAsksForItsOneTimeCode() {
        val numbers = DocumentFields(insurerNumber = "06139992", symbol = "4123", number = "5678")
        val member = app.core().addMember("佐藤 花子", insurance = numbers)
        val share = app.core().shareMember(member.id, true)
        val oneTimeCode = requireNotNull(share.oneTimeCode)
        app.core().removeMember(member.id)
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        tap(activity, texts.receiveMember)
        assertFalse(texts.receiveOneTimeCodeIntro in shownTexts(activity))
        type(activity, texts.receiveCode, share.code)
        assertTrue("asked once the code is read: ${shownTexts(activity)}", texts.receiveOneTimeCodeIntro in shownTexts(activity))

        type(activity, texts.oneTimeCode, "0000000000")
        tap(activity, texts.receiveAdd)
        val wrong = refusal(Field.ONE_TIME_CODE, Reason.OneTimeCodeWrong)
        assertTrue("the core's sentence: ${shownTexts(activity)}", wrong in shownTexts(activity))
        assertEquals(emptyList<Any>(), app.core().members())

        type(activity, texts.oneTimeCode, oneTimeCode)
        tap(activity, texts.receiveAdd)
        assertEquals(listOf(numbers), app.core().members().map { it.insuranceFields })
        assertTrue(texts.received in shownTexts(activity))
    }

    @Test
    fun theShareScreenShowsTheOneTimeCodeOnlyWithTheNumbersAndUntilWhenTheCodeHolds() {
        val numbers = DocumentFields(insurerNumber = "06139992", symbol = "4123", number = "5678")
        app.core().addMember("佐藤 花子", insurance = numbers)
        val activity = Robolectric.buildActivity(MainActivity::class.java).setup().get()
        openMember(activity, "佐藤 花子")
        tap(activity, texts.shareMember)
        val plain = shownTexts(activity)
        assertTrue(plain.toString(), texts.qrDescription in plain)
        assertTrue("until when: $plain", plain.any { it.startsWith("このコードは") && it.endsWith("まで有効です。") })
        assertFalse("no one-time code without the numbers: $plain", texts.oneTimeCode in plain)

        tapWhere(activity, "the switch for the numbers") { it.isEmpty() }
        val sealed = shownTexts(activity)
        assertTrue("the one-time code and its hint: $sealed", texts.oneTimeCode in sealed && texts.shareOneTimeCodeHint in sealed)
        assertTrue("two groups of five digits: $sealed", sealed.any { Regex("""\d{5} \d{5}""").matches(it) })
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
