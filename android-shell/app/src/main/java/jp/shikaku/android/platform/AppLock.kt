package jp.shikaku.android.platform

import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity

/**
 * The app lock: biometrics, or the device's PIN, pattern or password where there are no
 * biometrics, so every device with a screen lock can use it. Without a screen lock the
 * prompt reports an error and the app stays usable (a lock the member cannot open would
 * keep them from their record at the counter).
 */
object AppLock {
    fun unlock(
        activity: FragmentActivity,
        onUnlocked: () -> Unit,
    ) {
        if (!activity.shikaku.appLock) {
            onUnlocked()
            return
        }
        val texts = activity.shikaku.companion.shellTexts()
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
                        } else {
                            activity.finish()
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
