package jp.shikaku.android.platform

import android.Manifest
import android.content.ClipData
import android.content.ClipboardManager
import android.content.Intent
import android.content.pm.PackageManager
import android.graphics.BitmapFactory
import android.graphics.Color
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.widget.Toast
import androidx.activity.compose.BackHandler
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.core.content.ContextCompat
import androidx.core.content.FileProvider
import androidx.core.content.IntentCompat
import androidx.core.content.pm.ShortcutInfoCompat
import androidx.core.content.pm.ShortcutManagerCompat
import androidx.core.graphics.drawable.IconCompat
import androidx.lifecycle.ViewModel
import androidx.lifecycle.ViewModelProvider
import androidx.lifecycle.lifecycleScope
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import jp.shikaku.android.ui.ImportChooser
import jp.shikaku.android.ui.NotificationRationale
import jp.shikaku.android.ui.ShellPlatform
import jp.shikaku.android.ui.ShikakuApp
import jp.shikaku.android.ui.rememberShikakuAppState
import jp.shikaku.core.Locale
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import java.io.ByteArrayOutputStream
import java.io.File

/** A PDF shared to the app, kept across a rotation while the member picks whose it is. */
class SharedPdf : ViewModel() {
    var bytes by mutableStateOf<ByteArray?>(null)
}

/** The main window: the app behind the lock, and PDFs arriving by share or "open with". */
class MainActivity :
    ShellActivity(),
    ShellPlatform {
    private var onPdfPicked: ((ByteArray) -> Unit)? = null
    private lateinit var shared: SharedPdf

    /** True while the rationale for notifications is shown (before the system asks). */
    var explainingNotifications by mutableStateOf(false)
        private set

    private val openDocument =
        registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
            val picked = onPdfPicked ?: return@registerForActivityResult
            if (uri != null) lifecycleScope.launch { readPdf(uri)?.let(picked) }
        }

    private val askNotifications = registerForActivityResult(ActivityResultContracts.RequestPermission()) {}

    private var onQrPicture: ((Int, Int, ByteArray) -> Unit)? = null

    /** The camera app's picture, written to [scanFile]; read back as grey levels. */
    private val takePicture =
        registerForActivityResult(ActivityResultContracts.TakePicture()) { taken ->
            val picked = onQrPicture ?: return@registerForActivityResult
            if (taken) lifecycleScope.launch { readGreyPicture(scanFile)?.let { (w, h, luma) -> picked(w, h, luma) } }
        }

    /** Where the camera app writes the picture of a QR code (deleted once read). */
    private val scanFile: File get() = File(cacheDir, "scans/code.jpg")

    override fun onCreate(savedInstanceState: Bundle?) {
        shared = ViewModelProvider(this)[SharedPdf::class.java]
        super.onCreate(savedInstanceState)
        // A rotation recreates the window with the same intent: its PDF was taken already.
        if (savedInstanceState == null) receive(intent)
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        setIntent(intent)
        receive(intent)
    }

    override fun onCoreOpen(companion: ShikakuCompanionInterface) {
        explainingNotifications =
            Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            !shikaku.notificationsAsked &&
            ContextCompat.checkSelfPermission(this, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        publishClinicShortcut()
        shikaku.replanReminders()
    }

    @Composable
    override fun Content(companion: ShikakuCompanionInterface) {
        val texts = companion.shellTexts()
        val pdf = shared.bytes
        if (pdf != null) {
            BackHandler { shared.bytes = null }
            ImportChooser(
                rows = runCatching { companion.householdView() }.getOrDefault(emptyList()),
                texts = texts,
                onChoose = { id -> importShared(companion, id, pdf) },
                onCancel = { shared.bytes = null },
            )
            return
        }
        val state = rememberShikakuAppState()
        BackHandler(enabled = state.isOpen) { state.back() }
        ShikakuApp(companion, this, state, background = shikaku.background)
        if (explainingNotifications) {
            NotificationRationale(texts, onAllow = ::allowNotifications, onNotNow = ::declineNotifications)
        }
    }

    /** The member read the rationale and wants notifications: the system asks, once. */
    fun allowNotifications() {
        explainingNotifications = false
        shikaku.notificationsAsked = true
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }

    fun declineNotifications() {
        explainingNotifications = false
        shikaku.notificationsAsked = true
    }

    /** A PDF shared to the app (SEND) or opened with it (VIEW): read, then imported or held. */
    private fun receive(intent: Intent) {
        val uri: Uri =
            when (intent.action) {
                Intent.ACTION_VIEW -> intent.data
                Intent.ACTION_SEND -> IntentCompat.getParcelableExtra(intent, Intent.EXTRA_STREAM, Uri::class.java)
                else -> null
            } ?: return
        val app = shikaku
        val held = shared
        app.scope.launch {
            val bytes = readPdf(uri) ?: return@launch
            try {
                val companion = app.companion()
                val rows = companion.householdView()
                if (rows.size == 1) {
                    announce(app.importShared(companion, rows.first().memberId, bytes))
                } else {
                    withContext(Dispatchers.Main) { held.bytes = bytes }
                }
            } catch (error: ShikakuException) {
                announce(app.describe(error))
            }
        }
    }

    private fun importShared(
        companion: ShikakuCompanionInterface,
        memberId: String,
        bytes: ByteArray,
    ) {
        shared.bytes = null
        val app = shikaku
        app.scope.launch { announce(app.importShared(companion, memberId, bytes)) }
    }

    private suspend fun announce(notice: String) =
        withContext(Dispatchers.Main) {
            Toast.makeText(applicationContext, notice, Toast.LENGTH_LONG).show()
        }

    /** A little more than the core accepts, so an oversized file meets the core's error. */
    private suspend fun readPdf(uri: Uri): ByteArray? =
        withContext(shikaku.background) {
            applicationContext.contentResolver.openInputStream(uri)?.use { input ->
                val bytes = ByteArrayOutputStream()
                val buffer = ByteArray(64 * 1024)
                while (bytes.size() <= MAX_PDF_BYTES) {
                    val read = input.read(buffer)
                    if (read < 0) break
                    bytes.write(buffer, 0, read)
                }
                bytes.toByteArray()
            }
        }

    private fun publishClinicShortcut() {
        val texts = shikaku.texts()
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

    override fun copyText(text: String) {
        val clipboard = getSystemService(ClipboardManager::class.java)
        clipboard.setPrimaryClip(ClipData.newPlainText(null, text))
    }

    override val canScan: Boolean
        get() = packageManager.hasSystemFeature(PackageManager.FEATURE_CAMERA_ANY)

    override fun scanQr(onPicture: (width: Int, height: Int, luma: ByteArray) -> Unit) {
        onQrPicture = onPicture
        scanFile.parentFile?.mkdirs()
        takePicture.launch(FileProvider.getUriForFile(this, "jp.shikaku.android.files", scanFile))
    }

    /**
     * The picture at [file] as grey levels at most [MAX_SCAN_SIDE] pixels on a side (a QR
     * code on a phone's screen reads well at that size), then the file is deleted.
     */
    private suspend fun readGreyPicture(file: File): Triple<Int, Int, ByteArray>? =
        withContext(shikaku.background) {
            try {
                val bounds = BitmapFactory.Options().apply { inJustDecodeBounds = true }
                BitmapFactory.decodeFile(file.path, bounds)
                var sample = 1
                while (maxOf(bounds.outWidth, bounds.outHeight) / sample > MAX_SCAN_SIDE) sample *= 2
                val bitmap = BitmapFactory.decodeFile(file.path, BitmapFactory.Options().apply { inSampleSize = sample })
                bitmap?.let {
                    val pixels = IntArray(it.width * it.height)
                    it.getPixels(pixels, 0, it.width, 0, 0, it.width, it.height)
                    val luma =
                        ByteArray(pixels.size) { index ->
                            val colour = pixels[index]
                            val grey = (299 * Color.red(colour) + 587 * Color.green(colour) + 114 * Color.blue(colour)) / 1000
                            grey.toByte()
                        }
                    Triple(it.width, it.height, luma)
                }
            } finally {
                file.delete()
            }
        }

    override fun refreshContent() {
        WorkManager.getInstance(this).enqueue(OneTimeWorkRequestBuilder<ContentRefreshWorker>().build())
    }

    override fun replanReminders() {
        shikaku.replanReminders()
    }

    override var chosenLocale: Locale?
        get() = shikaku.chosenLocale
        set(value) {
            shikaku.chosenLocale = value
            (core as? CoreState.Open)?.companion?.setLocale(shikaku.effectiveLocale())
            publishClinicShortcut()
            shikaku.replanReminders()
        }

    override var appLock: Boolean
        get() = shikaku.appLock
        set(value) {
            shikaku.appLock = value
            if (value) shikaku.lock.unlocked()
        }

    private companion object {
        const val MAX_PDF_BYTES = 20 * 1024 * 1024
        const val MAX_SCAN_SIDE = 2048
    }
}

/** Imports a shared PDF for one member and replans; the sentence to show either way. */
suspend fun ShikakuApplication.importShared(
    companion: ShikakuCompanionInterface,
    memberId: String,
    bytes: ByteArray,
): String =
    withContext(background) {
        try {
            companion.importDocument(memberId, bytes)
            ReminderScheduler.reconcile(this@importShared)
            companion.shellTexts().imported
        } catch (error: ShikakuException) {
            companion.describeError(error)
        }
    }
