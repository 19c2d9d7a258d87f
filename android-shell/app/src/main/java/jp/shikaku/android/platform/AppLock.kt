package jp.shikaku.android.platform

import android.app.Activity
import android.app.Application
import android.os.Bundle
import android.os.SystemClock
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.appLockTimeoutSeconds

/**
 * The app lock, when the member turned it on: locked when the process starts, and again
 * when the app comes back after more than the core's timeout
 * ([appLockTimeoutSeconds]) in the background. The app is "in the background" when none
 * of its windows is started, so going from the main window to the clinic window and back
 * is not leaving it, and a rotation is not either.
 */
class AppLock(
    private val enabled: () -> Boolean,
) : Application.ActivityLifecycleCallbacks {
    private var startedWindows = 0
    private var unlocked = false
    private var leftAt: Long? = null

    /** Whether a window must hide its content and ask to unlock. */
    val isLocked: Boolean get() = enabled() && !unlocked

    fun unlocked() {
        unlocked = true
    }

    override fun onActivityStarted(activity: Activity) {
        if (startedWindows++ == 0) {
            val left = leftAt
            leftAt = null
            if (left != null && SystemClock.elapsedRealtime() - left >= appLockTimeoutSeconds().toLong() * 1000) {
                unlocked = false
            }
        }
    }

    override fun onActivityStopped(activity: Activity) {
        if (--startedWindows == 0) leftAt = SystemClock.elapsedRealtime()
    }

    override fun onActivityCreated(
        activity: Activity,
        savedInstanceState: Bundle?,
    ) = Unit

    override fun onActivityResumed(activity: Activity) = Unit

    override fun onActivityPaused(activity: Activity) = Unit

    override fun onActivitySaveInstanceState(
        activity: Activity,
        outState: Bundle,
    ) = Unit

    override fun onActivityDestroyed(activity: Activity) = Unit
}

/** Asks the member to prove it is them; calls [onUnlocked] only when they did. */
fun interface Unlocker {
    fun prompt(
        activity: FragmentActivity,
        texts: ShellTexts,
        onUnlocked: () -> Unit,
    )
}

/**
 * Biometrics, or the device's PIN, pattern or password where there are no biometrics, so
 * every device with a screen lock can use it. Without a screen lock (or the hardware) the
 * app opens (a lock the member cannot open would keep them from their record at the
 * counter). Any other error, the system's own cancel when the window goes away included,
 * leaves the window locked with its unlock button.
 */
object BiometricUnlocker : Unlocker {
    override fun prompt(
        activity: FragmentActivity,
        texts: ShellTexts,
        onUnlocked: () -> Unit,
    ) {
        val prompt =
            BiometricPrompt(
                activity,
                ContextCompat.getMainExecutor(activity),
                object : BiometricPrompt.AuthenticationCallback() {
                    override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) = onUnlocked()

                    override fun onAuthenticationError(
                        code: Int,
                        message: CharSequence,
                    ) {
                        if (code == BiometricPrompt.ERROR_NO_DEVICE_CREDENTIAL || code == BiometricPrompt.ERROR_HW_NOT_PRESENT) {
                            onUnlocked()
                        }
                    }
                },
            )
        prompt.authenticate(
            BiometricPrompt.PromptInfo
                .Builder()
                .setTitle(texts.unlockTitle)
                .setSubtitle(texts.unlockSubtitle)
                .setAllowedAuthenticators(BIOMETRIC_WEAK or DEVICE_CREDENTIAL)
                .build(),
        )
    }
}
