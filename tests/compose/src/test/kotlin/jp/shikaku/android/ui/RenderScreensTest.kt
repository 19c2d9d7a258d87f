package jp.shikaku.android.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Typography
import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.platform.Font
import androidx.compose.ui.unit.Density
import jp.shikaku.core.CardCondition
import jp.shikaku.core.ClinicFieldKind
import jp.shikaku.core.DocumentFields
import jp.shikaku.core.Facts
import jp.shikaku.core.Field
import jp.shikaku.core.Locale
import jp.shikaku.core.MapSecretStore
import jp.shikaku.core.MemberDraft
import jp.shikaku.core.Reason
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuCompanion
import jp.shikaku.core.ShikakuException
import jp.shikaku.core.newMemberDraft
import org.jetbrains.skia.Color
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import org.jetbrains.skia.Surface
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.io.File
import java.text.Normalizer
import java.time.LocalDate
import java.util.concurrent.TimeUnit

/** The platform services, inert: the screens are only drawn here. */
private class InertPlatform : ShellPlatform {
    override fun pickPdf(onPicked: (ByteArray) -> Unit) = Unit

    override fun shareCalendar(ics: String) = Unit

    override fun openClinic(memberId: String) = Unit

    override fun refreshContent() = Unit

    override fun replanReminders() = Unit

    override fun copyText(text: String) = Unit

    override val canScan: Boolean = true

    override fun scanQr(onPicture: (width: Int, height: Int, luma: ByteArray) -> Unit) = Unit

    override var chosenLocale: Locale? = null
    override var appLock: Boolean = true
}

/** The window background of the app's DayNight theme (android-shell themes.xml, values and values-night). */
private fun windowColour(dark: Boolean): Int = if (dark) 0xFF141218.toInt() else 0xFFFEF7FF.toInt()

/** The height in pixels that shows the member form whole at font scale 1.0 (and twice at 2.0). */
private const val MEMBER_FORM_HEIGHT = 12000

/** The height in pixels that shows a member code's screens whole at every font scale. */
private const val SHARE_HEIGHT = 4200

/** A phone's font sizes: the default, a large setting, and Android's largest (200 %). */
private val fontScales = listOf(1.0f, 1.3f, 2.0f)

/**
 * Every screen of the Android shell drawn by Compose for Desktop as a phone shows it: on
 * the theme's window colour, light and dark, in Japanese and English, at the font scales
 * of [fontScales], with Noto Sans CJK (the font Android draws Japanese with) and a
 * household from the real core (JNA, target/debug), to PNG under target/screens. A screen
 * that throws while composing, or draws nothing, fails; the Japanese clinic screen is read
 * back by OCR (tesseract, jpn), light and dark, and must show the staff note and the
 * insurer number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderScreensTest {
    @TempDir
    lateinit var dir: File

    private val screens = File(System.getProperty("shikaku.screens")).apply { mkdirs() }
    private val fixtures = File(System.getProperty("shikaku.fixtures"))
    private val today = LocalDate.now()
    private lateinit var japanese: FontFamily

    @BeforeAll
    fun loadFont() {
        val path =
            ProcessBuilder("fc-match", "-f", "%{file}", "Noto Sans CJK JP:style=Regular")
                .start()
                .inputStream
                .bufferedReader()
                .readText()
        val file = File(path)
        assertTrue(file.name.startsWith("NotoSansCJK"), "Noto Sans CJK is not installed (scripts/setup.sh --shells): fc-match gave $path")
        val bold = File(file.parentFile, file.name.replace("Regular", "Bold"))
        japanese =
            FontFamily(
                Font(file, FontWeight.Normal),
                Font(if (bold.exists()) bold else file, FontWeight.Bold),
            )
    }

    @AfterAll
    fun listRenders() {
        println("renders in $screens: ${screens.list()?.size}")
    }

    private fun household(locale: Locale): ShikakuCompanion {
        val companion = ShikakuCompanion.open(File(dir, locale.name).path, MapSecretStore(), locale)
        val parent =
            companion.addMember(
                newMemberDraft(LocalDate.of(1985, 4, 12)).copy(
                    displayName = "佐藤 花子",
                    facts = Facts(birthDate = LocalDate.of(1985, 4, 12), cardIssuedOn = LocalDate.of(2021, 6, 1)),
                ),
            )
        companion.importDocument(parent.id, File(fixtures, "shikaku-kenpo.pdf").readBytes())
        companion.addMember(
            MemberDraft(
                displayName = "佐藤 陽太",
                relationship = Relationship.CHILD,
                facts =
                    Facts(
                        birthDate = LocalDate.of(2016, 8, 3),
                        cardIssuedOn = LocalDate.of(2022, 2, 10),
                        movedOn = today.minusDays(20),
                    ),
                eligibilityCertificateExpiresOn = null,
                holdings = newMemberDraft(today).holdings,
                insuranceFields = null,
            ),
        )
        val lost = newMemberDraft(LocalDate.of(1950, 1, 20)).holdings.copy(cardCondition = CardCondition.LOST)
        companion.addMember(
            MemberDraft(
                displayName = "佐藤 一郎",
                relationship = Relationship.PARENT,
                facts = Facts(birthDate = LocalDate.of(1950, 1, 20), certExpiresOn = today.plusDays(40)),
                eligibilityCertificateExpiresOn = null,
                holdings = lost,
                // Typed from the お知らせ: a member code of his carries them sealed.
                insuranceFields = DocumentFields(insurerNumber = "06139992", symbol = "4123", number = "5678"),
            ),
        )
        return companion
    }

    /** Material's type scale, every style in the Japanese font. */
    private fun typography(): Typography {
        val base = Typography()

        fun TextStyle.inFont() = copy(fontFamily = japanese)
        return base.copy(
            displayLarge = base.displayLarge.inFont(),
            displayMedium = base.displayMedium.inFont(),
            displaySmall = base.displaySmall.inFont(),
            headlineLarge = base.headlineLarge.inFont(),
            headlineMedium = base.headlineMedium.inFont(),
            headlineSmall = base.headlineSmall.inFont(),
            titleLarge = base.titleLarge.inFont(),
            titleMedium = base.titleMedium.inFont(),
            titleSmall = base.titleSmall.inFont(),
            bodyLarge = base.bodyLarge.inFont(),
            bodyMedium = base.bodyMedium.inFont(),
            bodySmall = base.bodySmall.inFont(),
            labelLarge = base.labelLarge.inFont(),
            labelMedium = base.labelMedium.inFont(),
            labelSmall = base.labelSmall.inFont(),
        )
    }

    /**
     * Draws [content] on a 1080×2340 phone (420 dpi; taller when [height] says, to show a
     * whole scrolling screen at once) over the window colour; the PNG's file.
     */
    private fun render(
        name: String,
        dark: Boolean,
        fontScale: Float,
        height: Int = 2340,
        content: @Composable () -> Unit,
    ): File {
        val width = 1080
        val typography = typography()
        val scene =
            ImageComposeScene(width = width, height = height, density = Density(2.625f, fontScale)) {
                MaterialTheme(typography = typography) { ShikakuTheme(dark) { content() } }
            }
        val drawn: Image
        try {
            drawn = scene.render()
        } finally {
            scene.close()
        }
        val window = Surface.makeRasterN32Premul(width, height)
        window.canvas.clear(windowColour(dark))
        window.canvas.drawImage(drawn, 0f, 0f)
        val image = window.makeImageSnapshot()
        val png = requireNotNull(image.encodeToData(EncodedImageFormat.PNG)) { "$name: no PNG" }
        val file = File(screens, "$name.png").apply { writeBytes(png.bytes) }
        val pixels =
            org.jetbrains.skia.Bitmap
                .makeFromImage(image)
        val colours = (0 until image.height step 8).flatMap { y -> (0 until image.width step 8).map { x -> pixels.getColor(x, y) } }.toSet()
        assertTrue(colours.size > 8, "$name drew almost nothing (${colours.size} colours)")
        assertTrue(Color.getA(pixels.getColor(0, 0)) == 255, "$name: the window shows through")
        return file
    }

    @ParameterizedTest
    @EnumSource(Locale::class)
    fun everyScreenRenders(locale: Locale) {
        val companion = household(locale)
        val platform = InertPlatform()
        val tag = locale.name.lowercase()
        val texts = companion.shellTexts()
        val first = companion.householdView().first { it.displayName == "佐藤 花子" }
        val lostCard = companion.householdView().first { it.displayName == "佐藤 一郎" }
        val mover = companion.householdView().first { it.displayName == "佐藤 陽太" }
        val filling = fillingIn()
        // A member code that carries insurance numbers, sealed under its one-time code, and
        // the core's sentence for a one-time code typed wrong.
        val sealed = companion.shownShare(companion.shareMember(lostCard.memberId, true))
        assertTrue(sealed.oneTimeCode != null, "a code with the insurance numbers has a one-time code")
        assertTrue(companion.checkMemberCode(sealed.code)?.needsOneTimeCode == true)
        val wrongCode = companion.describeError(ShikakuException.InvalidInput(Field.ONE_TIME_CODE, Reason.OneTimeCodeWrong))
        for (scale in fontScales) {
            val size = "%.1f".format(java.util.Locale.ROOT, scale)
            for (dark in listOf(false, true)) {
                val shade = if (dark) "dark" else "light"
                for (tab in Tab.entries) {
                    render("$tag-${tab.name.lowercase()}-$shade-$size", dark, scale) {
                        ShikakuApp(companion, platform, ShikakuAppState(tab))
                    }
                }
                render("$tag-clinic-$shade-$size", dark, scale) {
                    ClinicScreen(companion.clinicCard(first.memberId), pages = null, texts = texts, onClose = {})
                }
                render("$tag-clinic-warnings-$shade-$size", dark, scale) {
                    ClinicScreen(companion.clinicCard(lostCard.memberId), pages = null, texts = texts, onClose = {})
                }
                // The whole form at once: as tall as it is long at this font scale.
                render("$tag-member-$shade-$size", dark, scale, height = (MEMBER_FORM_HEIGHT * scale).toInt()) {
                    MemberScreen(
                        form = companion.memberForm(mover.memberId, filling),
                        texts = texts,
                        onValue = { _, _ -> },
                        onSave = {},
                        onCancel = {},
                        actions = MemberActions({}, {}, {}, {}, {}),
                        message = null,
                    )
                }
                render("$tag-member-new-$shade-$size", dark, scale) {
                    MemberScreen(companion.memberForm(null, emptyMap()), texts, { _, _ -> }, {}, {}, null, null)
                }
                render("$tag-document-$shade-$size", dark, scale) {
                    FormScreen(companion.documentForm(first.memberId, emptyMap()), texts, { _, _ -> }, {}, {}, null)
                }
                val plain = companion.shownShare(companion.shareMember(first.memberId, false))
                render("$tag-share-$shade-$size", dark, scale) {
                    ShareScreen(plain, texts, false, {}, {}, {}, null)
                }
                render("$tag-share-one-time-code-$shade-$size", dark, scale, height = SHARE_HEIGHT) {
                    ShareScreen(sealed, texts, true, {}, {}, {}, null)
                }
                render("$tag-receive-$shade-$size", dark, scale) {
                    ReceiveScreen("", null, null, texts, {}, {}, {}, {}, {}, null)
                }
                render("$tag-receive-one-time-code-$shade-$size", dark, scale, height = SHARE_HEIGHT) {
                    ReceiveScreen(sealed.code, companion.checkMemberCode(sealed.code), "0000000000", texts, {}, {}, {}, {}, {}, wrongCode)
                }
                render("$tag-import-chooser-$shade-$size", dark, scale) {
                    ImportChooser(companion.householdView(), texts, onChoose = {}, onCancel = {})
                }
                render("$tag-locked-$shade-$size", dark, scale) { LockedScreen(texts, onUnlock = {}) }
            }
        }
        companion.close()
    }

    /**
     * The member form as a member who moved across municipalities fills it in: the
     * 転入届 filed, a foreign resident, leaving Japan, a 資格確認書 held: the questions
     * that appear only then are shown.
     */
    private fun fillingIn(): Map<String, String> =
        mapOf(
            "move_in_filed_on" to today.minusDays(10).toString(),
            "foreign_national" to "yes",
            "residence_limit_on" to "令和10年3月31日",
            "has_eligibility_certificate" to "yes",
            "eligibility_certificate_expires_on" to "2029-11-30",
        )

    @Test
    fun theWholeMemberFormShowsTheNewFieldsReadBackByOcr() {
        val companion = household(Locale.JA)
        val mover = companion.householdView().first { it.displayName == "佐藤 陽太" }
        val form = companion.memberForm(mover.memberId, fillingIn())
        val png =
            render("ocr-ja-member-full-light", dark = false, fontScale = 1.0f, height = MEMBER_FORM_HEIGHT) {
                MemberScreen(form, companion.shellTexts(), { _, _ -> }, {}, {}, MemberActions({}, {}, {}, {}, {}), null)
            }
        val read = ocr(png)
        val labels =
            form.sections
                .flatMap { it.fields }
                .filter { it.shown }
                .map { it.label }
        val wanted =
            listOf(
                "continued_use_at_move_in",
                "residence_limit_on",
                "moved_within_municipality",
                "eligibility_certificate_expires_on",
                "eligibility_certificate_issued_on",
                "insurer_joined_on",
                "dependent_of",
                "holdings.card_condition",
            ).map { id -> form.sections.flatMap { it.fields }.single { it.id == id } }
        for (field in wanted) {
            assertTrue(field.shown, "${field.id} is shown")
            val share = found(field.label, read)
            println("OCR member form: ${"%.0f".format(share * 100)} % of \"${field.label}\" read in one run")
            assertTrue(share >= 0.6, "${field.id}: \"${field.label}\" is not read in: $read")
        }
        println("member form: ${labels.size} fields shown")
        companion.close()
    }

    /** What tesseract reads in [png] (Japanese model), spaces and line breaks taken out. */
    private fun ocr(png: File): String {
        val process = ProcessBuilder("tesseract", png.path, "stdout", "-l", "jpn", "--psm", "4").redirectErrorStream(false).start()
        val text = process.inputStream.bufferedReader().readText()
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "tesseract did not finish")
        assertEquals(0, process.exitValue(), "tesseract failed (scripts/setup.sh --shells installs it)")
        return text.filterNot(Char::isWhitespace)
    }

    /**
     * The longest run of [expected] found in [read], as a share of [expected]'s length;
     * both compared in NFKC, as OCR reads full-width brackets as ASCII ones.
     */
    private fun found(
        expected: String,
        read: String,
    ): Double {
        val wanted = nfkc(expected).filterNot(Char::isWhitespace)
        val text = nfkc(read)
        var best = 0
        for (start in wanted.indices) {
            for (end in wanted.length downTo start + best + 1) {
                if (text.contains(wanted.substring(start, end))) {
                    best = end - start
                    break
                }
            }
        }
        return best.toDouble() / wanted.length
    }

    private fun nfkc(text: String): String = Normalizer.normalize(text, Normalizer.Form.NFKC)

    @Test
    fun theJapaneseClinicScreenReadsBackByOcrLightAndDark() {
        val companion = household(Locale.JA)
        val member = companion.householdView().first { it.displayName == "佐藤 花子" }
        val card = companion.clinicCard(member.memberId)
        val insurerNumber = requireNotNull(card.fields.first { it.kind == ClinicFieldKind.INSURER_NUMBER }.value)
        val texts = companion.shellTexts()
        for (dark in listOf(false, true)) {
            val shade = if (dark) "dark" else "light"
            val png =
                render("ocr-ja-clinic-$shade", dark, 1.0f) {
                    ClinicScreen(card, pages = null, texts = texts, onClose = {})
                }
            val read = ocr(png)
            println("OCR $shade: $read")
            assertTrue(insurerNumber in read, "$shade: the insurer number $insurerNumber is not read in: $read")
            val staffNote = found(card.staffNoteJa, read)
            println("OCR $shade: ${"%.0f".format(staffNote * 100)} % of the staff note read in one run")
            assertTrue(staffNote >= 0.5, "$shade: the staff note \"${card.staffNoteJa}\" is not read in: $read")
            assertTrue(found(texts.clinicForStaff, read) == 1.0, "$shade: the heading ${texts.clinicForStaff} is not read in: $read")
            assertTrue(card.fields.any { !it.confirmed }, "the PDF's fields are not confirmed yet")
            assertTrue(found(texts.clinicUnconfirmed, read) == 1.0, "$shade: the mark ${texts.clinicUnconfirmed} is not read in: $read")
        }
        companion.close()
    }
}
