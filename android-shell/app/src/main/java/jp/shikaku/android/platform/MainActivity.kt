package jp.shikaku.android.platform

import android.Manifest
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.os.Bundle
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.ImageBitmap
import androidx.core.content.FileProvider
import androidx.core.content.pm.ShortcutInfoCompat
import androidx.core.content.pm.ShortcutManagerCompat
import androidx.core.graphics.drawable.IconCompat
import androidx.fragment.app.FragmentActivity
import jp.shikaku.android.ui.ImportChooser
import jp.shikaku.android.ui.ShellPlatform
import jp.shikaku.android.ui.ShikakuApp
import jp.shikaku.android.ui.ShikakuTheme
import jp.shikaku.core.Locale
import jp.shikaku.core.ShikakuException
import java.io.ByteArrayOutputStream
import java.io.File
import java.time.LocalDate

/** The main window: the app behind the lock, and PDFs arriving by share or "open with". */
class MainActivity :
    FragmentActivity(),
    ShellPlatform {
    private var onPdfPicked: ((ByteArray) -> Unit)? = null
    private var sharedPdf by mutableStateOf<ByteArray?>(null)
    private var notice by mutableStateOf<String?>(null)

    private val openDocument =
        registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
            uri?.let(::readPdf)?.let { bytes -> onPdfPicked?.invoke(bytes) }
        }

    private val askNotifications = registerForActivityResult(ActivityResultContracts.RequestPermission()) {}

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        AppLock.unlock(this) { show(intent) }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        receive(intent)
    }

    private fun show(intent: Intent) {
        receive(intent)
        val companion = shikaku.companion
        setContent {
            ShikakuTheme(dark = isSystemInDarkTheme()) {
                val pdf = sharedPdf
                if (pdf != null) {
                    ImportChooser(
                        rows = runCatching { companion.householdView() }.getOrDefault(emptyList()),
                        texts = companion.shellTexts(),
                        onChoose = { id -> importShared(id, pdf) },
                        onCancel = { sharedPdf = null },
                    )
                } else {
                    ShikakuApp(companion, this, today = LocalDate.now())
                }
            }
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
        publishClinicShortcut()
        ReminderScheduler.reconcile(this)
    }

    /** A PDF shared to the app (SEND) or opened with it (VIEW). */
    private fun receive(intent: Intent) {
        val uri: Uri? =
            when (intent.action) {
                Intent.ACTION_VIEW -> {
                    intent.data
                }

                Intent.ACTION_SEND -> {
                    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
                        intent.getParcelableExtra(Intent.EXTRA_STREAM, Uri::class.java)
                    } else {
                        @Suppress("DEPRECATION")
                        intent.getParcelableExtra(Intent.EXTRA_STREAM)
                    }
                }

                else -> {
                    null
                }
            }
        val bytes = uri?.let(::readPdf) ?: return
        val rows = runCatching { shikaku.companion.householdView() }.getOrDefault(emptyList())
        if (rows.size == 1) importShared(rows.first().memberId, bytes) else sharedPdf = bytes
    }

    private fun importShared(
        memberId: String,
        bytes: ByteArray,
    ) {
        sharedPdf = null
        val companion = shikaku.companion
        try {
            companion.importDocument(memberId, bytes)
            ReminderScheduler.reconcile(this)
            notice = companion.shellTexts().imported
        } catch (error: ShikakuException) {
            notice = companion.describeError(error)
        }
        notice?.let {
            android.widget.Toast
                .makeText(this, it, android.widget.Toast.LENGTH_LONG)
                .show()
        }
    }

    /** A little more than the core accepts, so an oversized file meets the core's error. */
    private fun readPdf(uri: Uri): ByteArray? =
        contentResolver.openInputStream(uri)?.use { input ->
            val bytes = ByteArrayOutputStream()
            val buffer = ByteArray(64 * 1024)
            while (bytes.size() <= MAX_PDF_BYTES) {
                val read = input.read(buffer)
                if (read < 0) break
                bytes.write(buffer, 0, read)
            }
            bytes.toByteArray()
        }

    private fun publishClinicShortcut() {
        val texts = shikaku.companion.shellTexts()
        val shortcut =
            ShortcutInfoCompat
                .Builder(this, "clinic")
                .setShortLabel(texts.shortcutClinic)
                .setLongLabel(texts.shortcutClinicLong)
                .setIcon(IconCompat.createWithResource(this, android.R.drawable.ic_menu_view))
                .setIntent(ClinicActivity.intent(this, null).setAction(Intent.ACTION_VIEW))
                .build()
        ShortcutManagerCompat.pushDynamicShortcut(this, shortcut)
    }

    override fun pickPdf(onPicked: (ByteArray) -> Unit) {
        onPdfPicked = onPicked
        openDocument.launch(arrayOf("application/pdf"))
    }

    override fun renderPdf(bytes: ByteArray): List<ImageBitmap> = PdfPages.render(bytes)

    override fun shareCalendar(ics: String) {
        val file = File(cacheDir, "calendar/shikaku.ics").apply { parentFile?.mkdirs() }
        file.writeText(ics)
        val uri = FileProvider.getUriForFile(this, "jp.shikaku.android.files", file)
        val send =
            Intent(Intent.ACTION_SEND)
                .setType("text/calendar")
                .putExtra(Intent.EXTRA_STREAM, uri)
                .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        startActivity(Intent.createChooser(send, null))
    }

    override fun openClinic(memberId: String) = startActivity(ClinicActivity.intent(this, memberId))

    override fun refreshContent() {
        androidx.work.WorkManager.getInstance(this).enqueue(
            androidx.work.OneTimeWorkRequestBuilder<ContentRefreshWorker>().build(),
        )
    }

    override fun replanReminders() = ReminderScheduler.reconcile(this)

    override var chosenLocale: Locale?
        get() = shikaku.chosenLocale
        set(value) {
            shikaku.chosenLocale = value
            publishClinicShortcut()
            ReminderScheduler.reconcile(this)
        }

    override var appLock: Boolean
        get() = shikaku.appLock
        set(value) {
            shikaku.appLock = value
        }

    private companion object {
        const val MAX_PDF_BYTES = 20 * 1024 * 1024
    }
}
