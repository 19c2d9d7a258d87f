package jp.shikaku.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.unit.Density
import jp.shikaku.core.CardCondition
import jp.shikaku.core.Facts
import jp.shikaku.core.Locale
import jp.shikaku.core.MapSecretStore
import jp.shikaku.core.MemberDraft
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuCompanion
import jp.shikaku.core.newMemberDraft
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.io.File
import java.time.LocalDate

/** The platform services, inert: the screens are only drawn here. */
private class InertPlatform : ShellPlatform {
    override fun pickPdf(onPicked: (ByteArray) -> Unit) = Unit

    override fun renderPdf(bytes: ByteArray): List<ImageBitmap> = emptyList()

    override fun shareCalendar(ics: String) = Unit

    override fun openClinic(memberId: String) = Unit

    override fun refreshContent() = Unit

    override fun replanReminders() = Unit

    override var chosenLocale: Locale? = null
    override var appLock: Boolean = true
}

/**
 * Every screen of the Android shell drawn by Compose for Desktop, in Japanese and English,
 * light and dark, with a household from the real core (JNA, target/debug), to PNG under
 * target/screens. A screen that throws while composing, or draws nothing, fails.
 */
class RenderScreensTest {
    @TempDir
    lateinit var dir: File

    private val screens = File(System.getProperty("shikaku.screens")).apply { mkdirs() }
    private val fixtures = File(System.getProperty("shikaku.fixtures"))
    private val today = LocalDate.now()

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
                insuranceFields = null,
            ),
        )
        return companion
    }

    private fun render(
        name: String,
        dark: Boolean,
        content: @Composable () -> Unit,
    ) {
        val scene = ImageComposeScene(width = 1080, height = 2340, density = Density(2.625f)) { ShikakuTheme(dark) { content() } }
        val image: Image
        try {
            image = scene.render()
        } finally {
            scene.close()
        }
        val png = requireNotNull(image.encodeToData(EncodedImageFormat.PNG)) { "$name: no PNG" }
        File(screens, "$name.png").writeBytes(png.bytes)
        val pixels =
            org.jetbrains.skia.Bitmap
                .makeFromImage(image)
        val colours = (0 until image.height step 8).flatMap { y -> (0 until image.width step 8).map { x -> pixels.getColor(x, y) } }.toSet()
        assertTrue(colours.size > 8, "$name drew almost nothing (${colours.size} colours)")
    }

    @ParameterizedTest
    @EnumSource(Locale::class)
    fun everyScreenRenders(locale: Locale) {
        val companion = household(locale)
        val platform = InertPlatform()
        val tag = locale.name.lowercase()
        for (tab in Tab.entries) {
            for (dark in listOf(false, true)) {
                val shade = if (dark) "dark" else "light"
                render("$tag-${tab.name.lowercase()}-$shade", dark) {
                    ShikakuApp(companion, platform, initialTab = tab, today = today)
                }
            }
        }
        val texts = companion.shellTexts()
        val first = companion.householdView().first { it.displayName == "佐藤 花子" }
        render("$tag-clinic-light", dark = false) {
            ClinicScreen(companion.clinicCard(first.memberId), pages = emptyList(), texts = texts, onClose = {})
        }
        val lostCard = companion.householdView().first { it.displayName == "佐藤 一郎" }
        render("$tag-clinic-warnings-dark", dark = true) {
            ClinicScreen(companion.clinicCard(lostCard.memberId), pages = emptyList(), texts = texts, onClose = {})
        }
        val member = companion.member(first.memberId)
        render("$tag-member-light", dark = false) {
            MemberScreen(
                draft = MemberDraft(member.displayName, member.relationship, member.facts, null, member.holdings, null),
                texts = texts,
                relationships = companion.relationshipChoices(),
                formatDate = companion::formatDate,
                parseDate = companion::parseDateInput,
                onSave = {},
                onImportPdf = {},
                onCancel = {},
                message = null,
            )
        }
        render("$tag-import-chooser-light", dark = false) {
            ImportChooser(companion.householdView(), texts, onChoose = {}, onCancel = {})
        }
        companion.close()
    }
}
