package jp.shikaku.android.platform

import android.os.Bundle
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.fragment.app.FragmentActivity
import androidx.lifecycle.lifecycleScope
import jp.shikaku.android.ui.LockedScreen
import jp.shikaku.android.ui.OpenFailedScreen
import jp.shikaku.android.ui.OpeningScreen
import jp.shikaku.android.ui.ShikakuTheme
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import kotlinx.coroutines.launch

/** Where a window is with the store: opening it, open, or failed with the core's sentence. */
sealed interface CoreState {
    data object Opening : CoreState

    class Open(
        val companion: ShikakuCompanionInterface,
    ) : CoreState

    class Failed(
        val message: String,
    ) : CoreState
}

/**
 * What the app's windows share: edge to edge, one Compose root in the theme's surface,
 * the store opened off the main thread (its failure shown with a retry, never a crash),
 * and the app lock checked every time the window starts.
 */
abstract class ShellActivity : FragmentActivity() {
    var core by mutableStateOf<CoreState>(CoreState.Opening)
        private set

    /** True while the window hides its content behind the unlock screen. */
    var locked by mutableStateOf(false)
        private set

    /** The window's content once the store is open and the app unlocked. */
    @Composable
    protected abstract fun Content(companion: ShikakuCompanionInterface)

    /** Called once the store is open. */
    protected open fun onCoreOpen(companion: ShikakuCompanionInterface) = Unit

    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        setContent {
            ShikakuTheme(dark = isSystemInDarkTheme()) {
                val texts = shikaku.texts()
                val state = core
                when {
                    locked -> LockedScreen(texts, onUnlock = ::promptUnlock)
                    state is CoreState.Open -> Content(state.companion)
                    state is CoreState.Failed -> OpenFailedScreen(state.message, texts, onRetry = ::openCore)
                    else -> OpeningScreen()
                }
            }
        }
        openCore()
    }

    override fun onStart() {
        super.onStart()
        locked = shikaku.lock.isLocked
        if (locked) promptUnlock()
    }

    fun promptUnlock() {
        shikaku.unlocker.prompt(this, shikaku.texts()) {
            shikaku.lock.unlocked()
            locked = false
        }
    }

    fun openCore() {
        core = CoreState.Opening
        lifecycleScope.launch {
            val companion =
                try {
                    shikaku.companion()
                } catch (error: ShikakuException) {
                    core = CoreState.Failed(shikaku.describe(error))
                    return@launch
                }
            core = CoreState.Open(companion)
            onCoreOpen(companion)
        }
    }
}
