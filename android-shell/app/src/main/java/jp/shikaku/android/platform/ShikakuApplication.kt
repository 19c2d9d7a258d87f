package jp.shikaku.android.platform

import android.app.Application
import android.app.NotificationChannel
import android.app.NotificationManager
import android.content.Context
import androidx.work.Constraints
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.NetworkType
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import jp.shikaku.core.Locale
import jp.shikaku.core.SecretStore
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.ShikakuCompanion
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import jp.shikaku.core.describeErrorFor
import jp.shikaku.core.shellTextsFor
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import java.io.File
import java.util.concurrent.TimeUnit

/**
 * Holds the one Companion of the process and the few settings only the shell keeps.
 *
 * The Companion (the encrypted store behind it) is opened on first use, off the main
 * thread, never in [onCreate]: a store that cannot open (its Keystore key gone, the disk
 * full) then fails one screen, which shows the core's sentence and a retry, instead of
 * the process at every start. The open and the platform services are `open` so that the
 * JVM tests can put a store in a temporary folder behind them.
 */
open class ShikakuApplication : Application() {
    /** Where the core's blocking calls (SQLite, PDF, network) run. */
    open val background: CoroutineDispatcher get() = Dispatchers.IO

    /** Work that outlives a screen: replanning, a shared PDF's import. */
    val scope: CoroutineScope by lazy { CoroutineScope(SupervisorJob() + background) }

    /** The app lock's state across the app's windows. */
    val lock: AppLock by lazy { AppLock { appLock } }

    /** Shows the unlock prompt; BiometricPrompt on a device. */
    open val unlocker: Unlocker get() = BiometricUnlocker

    private val opening = Mutex()
    private var opened: ShikakuCompanionInterface? = null

    /** The keeper of the core's master key. */
    protected open fun secretStore(): SecretStore = KeystoreSecretStore(this)

    /** Opens the store; runs on [background]. */
    protected open fun openCompanion(): ShikakuCompanionInterface {
        // noBackupFilesDir: the store is useless without this device's Keystore key.
        val dataDir = File(noBackupFilesDir, "shikaku").apply { mkdirs() }
        return ShikakuCompanion.open(dataDir.path, secretStore(), effectiveLocale())
    }

    /**
     * The Companion, opened on the first call; a failure is thrown to the caller (a
     * [ShikakuException]) and the next call tries again.
     */
    suspend fun companion(): ShikakuCompanionInterface =
        opening.withLock {
            opened ?: withContext(background) { openCompanion() }.also { opened = it }
        }

    /** The screens' words without the store: for the lock, a failed open, the channel. */
    fun texts(): ShellTexts = shellTextsFor(effectiveLocale())

    /** The core's sentence for a failure, without the store. */
    fun describe(error: ShikakuException): String = describeErrorFor(effectiveLocale(), error)

    /** Plans the notifications again, in the background. */
    fun replanReminders(): Job = scope.launch { ReminderScheduler.reconcile(this@ShikakuApplication) }

    private val preferences by lazy { getSharedPreferences("shikaku-shell", Context.MODE_PRIVATE) }

    /** The language chosen in settings; null follows the system. */
    var chosenLocale: Locale?
        get() = preferences.getString("locale", null)?.let { Locale.valueOf(it) }
        set(value) {
            preferences.edit().putString("locale", value?.name).apply()
            createNotificationChannel()
        }

    var appLock: Boolean
        get() = preferences.getBoolean("app_lock", false)
        set(value) = preferences.edit().putBoolean("app_lock", value).apply()

    /** Whether the member has already been asked for notifications (asked once only). */
    var notificationsAsked: Boolean
        get() = preferences.getBoolean("notifications_asked", false)
        set(value) = preferences.edit().putBoolean("notifications_asked", value).apply()

    /** Where signed content updates come from; none is configured in this build. */
    val contentUrl: String? get() = preferences.getString("content_url", null)

    fun effectiveLocale(): Locale =
        chosenLocale ?: if (java.util.Locale
                .getDefault()
                .language == "ja"
        ) {
            Locale.JA
        } else {
            Locale.EN
        }

    override fun onCreate() {
        super.onCreate()
        registerActivityLifecycleCallbacks(lock)
        createNotificationChannel()
        val constraints = Constraints.Builder().setRequiredNetworkType(NetworkType.CONNECTED).build()
        WorkManager.getInstance(this).enqueueUniquePeriodicWork(
            ContentRefreshWorker.NAME,
            ExistingPeriodicWorkPolicy.KEEP,
            PeriodicWorkRequestBuilder<ContentRefreshWorker>(1, TimeUnit.DAYS).setConstraints(constraints).build(),
        )
    }

    /** The one channel; its name and description come from the core in the current language. */
    fun createNotificationChannel() {
        val texts = texts()
        val channel =
            NotificationChannel(CHANNEL_ID, texts.notificationChannel, NotificationManager.IMPORTANCE_DEFAULT).apply {
                description = texts.notificationChannelDescription
            }
        getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    companion object {
        const val CHANNEL_ID = "deadlines"
    }
}

/** The application object from any context. */
val Context.shikaku: ShikakuApplication get() = applicationContext as ShikakuApplication
