package jp.shikaku.android.platform

import android.content.Context
import android.content.Intent
import android.os.Build
import android.os.Bundle
import android.system.ErrnoException
import android.view.WindowManager
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.core.view.WindowCompat
import androidx.core.view.WindowInsetsCompat
import androidx.core.view.WindowInsetsControllerCompat
import androidx.lifecycle.lifecycleScope
import jp.shikaku.android.ui.ClinicScreen
import jp.shikaku.android.ui.OpenFailedScreen
import jp.shikaku.android.ui.OpeningScreen
import jp.shikaku.core.ClinicCard
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import java.io.IOException

/**
 * The clinic window: full screen, kept on, at full brightness, showing the clinic card and
 * the stored PDF's pages. Everything comes from the device (airplane mode is fine); the
 * decrypted PDF exists only in memory while the window is open, and the window is kept
 * out of screenshots and of the recent-apps thumbnail (it shows the 資格情報).
 */
class ClinicActivity : ShellActivity() {
    private sealed interface Shown {
        class Card(
            val card: ClinicCard,
            val pages: PdfPages?,
        ) : Shown

        class Failed(
            val message: String,
        ) : Shown
    }

    private var shown by mutableStateOf<Shown?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        window.addFlags(WindowManager.LayoutParams.FLAG_SECURE or WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
        window.attributes = window.attributes.apply { screenBrightness = WindowManager.LayoutParams.BRIGHTNESS_OVERRIDE_FULL }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) setRecentsScreenshotEnabled(false)
        super.onCreate(savedInstanceState)
        WindowCompat.getInsetsController(window, window.decorView).apply {
            hide(WindowInsetsCompat.Type.systemBars())
            systemBarsBehavior = WindowInsetsControllerCompat.BEHAVIOR_SHOW_TRANSIENT_BARS_BY_SWIPE
        }
    }

    override fun onCoreOpen(companion: ShikakuCompanionInterface) {
        val app = shikaku
        lifecycleScope.launch {
            shown =
                withContext(app.background) {
                    try {
                        load(companion)
                    } catch (error: ShikakuException) {
                        Shown.Failed(companion.describeError(error))
                    }
                }
        }
    }

    /** The card of the member named, or from a shortcut the member themselves, else the first added. */
    private fun load(companion: ShikakuCompanionInterface): Shown {
        val memberId =
            intent.getStringExtra(EXTRA_MEMBER)
                ?: companion.members().let { members ->
                    (members.firstOrNull { it.relationship == Relationship.MYSELF } ?: members.firstOrNull())?.id
                }
                ?: return Shown.Failed(companion.shellTexts().householdEmpty)
        val display = companion.counterDisplay(memberId)
        return Shown.Card(display.card, display.pdf?.let(::openPages))
    }

    /** The pages to draw, or none where the platform's renderer refuses the file: the card's fields still show. */
    private fun openPages(pdf: ByteArray): PdfPages? =
        try {
            PdfPages.open(pdf, shikaku.background)
        } catch (error: IOException) {
            null
        } catch (error: ErrnoException) {
            null
        } catch (error: SecurityException) {
            null
        }

    @Composable
    override fun Content(companion: ShikakuCompanionInterface) {
        val texts = companion.shellTexts()
        when (val value = shown) {
            is Shown.Card -> ClinicScreen(value.card, value.pages, texts, onClose = ::finish)
            is Shown.Failed -> OpenFailedScreen(value.message, texts, onRetry = { onCoreOpen(companion) })
            null -> OpeningScreen()
        }
    }

    override fun onDestroy() {
        (shown as? Shown.Card)?.pages?.close()
        super.onDestroy()
    }

    companion object {
        private const val EXTRA_MEMBER = "member"

        fun intent(
            context: Context,
            memberId: String?,
        ): Intent = Intent(context, ClinicActivity::class.java).putExtra(EXTRA_MEMBER, memberId)
    }
}
