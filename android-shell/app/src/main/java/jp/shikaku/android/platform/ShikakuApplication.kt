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
import jp.shikaku.core.ShikakuCompanion
import java.io.File
import java.util.concurrent.TimeUnit

/** Holds the one Companion of the process and the few settings only the shell keeps. */
class ShikakuApplication : Application() {
    val companion: ShikakuCompanion by lazy {
        // noBackupFilesDir: the store is useless without this device's Keystore key.
        val dataDir = File(noBackupFilesDir, "shikaku").apply { mkdirs() }
        ShikakuCompanion.open(dataDir.path, KeystoreSecretStore(this), effectiveLocale())
    }

    private val preferences by lazy { getSharedPreferences("shikaku-shell", Context.MODE_PRIVATE) }

    /** The language chosen in settings; null follows the system. */
    var chosenLocale: Locale?
        get() = preferences.getString("locale", null)?.let { Locale.valueOf(it) }
        set(value) {
            preferences.edit().putString("locale", value?.name).apply()
            companion.setLocale(effectiveLocale())
            createNotificationChannel()
        }

    var appLock: Boolean
        get() = preferences.getBoolean("app_lock", false)
        set(value) = preferences.edit().putBoolean("app_lock", value).apply()

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
        val texts = companion.shellTexts()
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
