package jp.shikaku.android.platform

import android.graphics.Bitmap
import android.graphics.Color
import android.graphics.pdf.PdfRenderer
import android.os.Build
import android.os.ParcelFileDescriptor
import android.system.Os
import android.system.OsConstants
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import jp.shikaku.android.ui.PageSource
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import java.io.Closeable

/**
 * The pages of a decrypted PDF, drawn one at a time when the screen shows them, without
 * the PDF touching storage: the bytes go into an anonymous in-memory file (memfd,
 * Android 11+) that one PdfRenderer reads. A page is drawn off the main thread, at most
 * [MAX_WIDTH_PX] wide and [MAX_PIXELS] in all, and at most [CACHED_PAGES] drawn pages are
 * kept. Before Android 11 there is no such file, and the clinic screen shows the card's
 * fields only.
 */
class PdfPages private constructor(
    private val renderer: PdfRenderer,
    private val background: CoroutineDispatcher,
) : PageSource,
    Closeable {
    private val drawing = Mutex()
    private val drawn = LinkedHashMap<Pair<Int, Int>, ImageBitmap>(CACHED_PAGES, 0.75f, true)
    private var closed = false
    private var released = false

    override val pageCount: Int = renderer.pageCount

    override suspend fun page(
        index: Int,
        widthPx: Int,
    ): ImageBitmap? =
        withContext(background) {
            drawing.withLock {
                val width = widthPx.coerceIn(1, MAX_WIDTH_PX)
                val image =
                    if (closed || index !in 0 until pageCount) {
                        null
                    } else {
                        drawn[index to width] ?: draw(index, width).also {
                            drawn[index to width] = it
                            if (drawn.size > CACHED_PAGES) drawn.remove(drawn.keys.first())
                        }
                    }
                if (closed) release()
                image
            }
        }

    private fun draw(
        index: Int,
        widthPx: Int,
    ): ImageBitmap =
        renderer.openPage(index).use { page ->
            val aspect = page.height.toFloat() / page.width.coerceAtLeast(1)
            val width = minOf(widthPx, kotlin.math.sqrt(MAX_PIXELS / aspect.coerceAtLeast(0.01f)).toInt()).coerceAtLeast(1)
            val height = (width * aspect).toInt().coerceIn(1, MAX_PIXELS / width)
            val bitmap = Bitmap.createBitmap(width, height, Bitmap.Config.ARGB_8888)
            bitmap.eraseColor(Color.WHITE)
            page.render(bitmap, null, null, PdfRenderer.Page.RENDER_MODE_FOR_DISPLAY)
            bitmap.asImageBitmap()
        }

    /** Lets the renderer and the in-memory file go, after a page being drawn. */
    override fun close() {
        closed = true
        if (drawing.tryLock()) {
            try {
                release()
            } finally {
                drawing.unlock()
            }
        }
    }

    private fun release() {
        if (released) return
        released = true
        drawn.clear()
        renderer.close()
    }

    companion object {
        const val MAX_WIDTH_PX = 1440
        const val MAX_PIXELS = 1440 * 2400
        const val CACHED_PAGES = 3

        /** The document's pages, or null where the platform cannot draw them in memory. */
        fun open(
            bytes: ByteArray,
            background: CoroutineDispatcher,
        ): PdfPages? {
            if (Build.VERSION.SDK_INT < Build.VERSION_CODES.R) return null
            val memory = Os.memfd_create("shikaku-record", 0)
            try {
                var written = 0
                while (written < bytes.size) written += Os.write(memory, bytes, written, bytes.size - written)
                Os.lseek(memory, 0, OsConstants.SEEK_SET)
                // The renderer owns its own descriptor of the in-memory file.
                return PdfPages(PdfRenderer(ParcelFileDescriptor.dup(memory)), background)
            } finally {
                Os.close(memory)
            }
        }
    }
}
