package jp.shikaku.android.platform

import android.content.Context
import android.content.Intent
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.Text
import androidx.compose.ui.graphics.ImageBitmap
import androidx.core.view.WindowCompat
import androidx.core.view.WindowInsetsCompat
import androidx.core.view.WindowInsetsControllerCompat
import androidx.fragment.app.FragmentActivity
import jp.shikaku.android.ui.ClinicScreen
import jp.shikaku.android.ui.ShikakuTheme
import jp.shikaku.core.ClinicCard
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuException

/**
 * The clinic window: full screen, kept on, at full brightness, showing the clinic card and
 * the stored PDF's pages. Everything comes from the device (airplane mode is fine); the
 * decrypted PDF exists only in memory while the window is open.
 */
class ClinicActivity : FragmentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        window.addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON)
        window.attributes = window.attributes.apply { screenBrightness = WindowManager.LayoutParams.BRIGHTNESS_OVERRIDE_FULL }
        WindowCompat.getInsetsController(window, window.decorView).apply {
            hide(WindowInsetsCompat.Type.systemBars())
            systemBarsBehavior = WindowInsetsControllerCompat.BEHAVIOR_SHOW_TRANSIENT_BARS_BY_SWIPE
        }
        AppLock.unlock(this) { show() }
    }

    private fun show() {
        val companion = shikaku.companion
        val texts = companion.shellTexts()
        // From a shortcut no member is named: the member themselves, else the first added.
        val memberId =
            intent.getStringExtra(EXTRA_MEMBER)
                ?: companion.members().let { members ->
                    (
                        members.firstOrNull { it.relationship == Relationship.MYSELF }
                            ?: members.firstOrNull()
                    )?.id
                }
        val shown: Result<Pair<ClinicCard, List<ImageBitmap>>> =
            runCatching {
                val id = memberId ?: return@runCatching null
                val card = companion.clinicCard(id)
                card to if (card.recordAvailableOffline) PdfPages.render(companion.document(id)) else emptyList()
            }.mapCatching { requireNotNull(it) }
        setContent {
            ShikakuTheme(dark = isSystemInDarkTheme()) {
                val value = shown.getOrNull()
                if (value != null) {
                    ClinicScreen(value.first, value.second, texts, onClose = ::finish)
                } else {
                    val error = shown.exceptionOrNull()
                    Text(if (error is ShikakuException) companion.describeError(error) else texts.householdEmpty)
                }
            }
        }
    }

    companion object {
        private const val EXTRA_MEMBER = "member"

        fun intent(
            context: Context,
            memberId: String?,
        ): Intent = Intent(context, ClinicActivity::class.java).putExtra(EXTRA_MEMBER, memberId)
    }
}
