package jp.shikaku.android.platform

import android.graphics.Bitmap
import android.graphics.Color
import android.graphics.pdf.PdfRenderer
import android.os.Build
import android.os.ParcelFileDescriptor
import android.system.Os
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.graphics.asImageBitmap
import java.io.FileOutputStream

/**
 * The pages of a decrypted PDF as images, without the PDF touching storage: the bytes go
 * into an anonymous in-memory file (memfd, Android 11+) that PdfRenderer reads. Before
 * Android 11 there is no such file, and the clinic screen shows the card's fields only.
 */
object PdfPages {
    private const val WIDTH_PX = 1440

    fun render(bytes: ByteArray): List<ImageBitmap> {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.R) return emptyList()
        val memory = Os.memfd_create("shikaku-record", 0)
        try {
            FileOutputStream(memory).use { it.write(bytes) }
            Os.lseek(memory, 0, android.system.OsConstants.SEEK_SET)
            return ParcelFileDescriptor.dup(memory).use { descriptor ->
                PdfRenderer(descriptor).use { renderer ->
                    (0 until renderer.pageCount).map { index ->
                        renderer.openPage(index).use { page ->
                            val height = WIDTH_PX * page.height / page.width
                            val bitmap = Bitmap.createBitmap(WIDTH_PX, height, Bitmap.Config.ARGB_8888)
                            bitmap.eraseColor(Color.WHITE)
                            page.render(bitmap, null, null, PdfRenderer.Page.RENDER_MODE_FOR_DISPLAY)
                            bitmap.asImageBitmap()
                        }
                    }
                }
            }
        } finally {
            Os.close(memory)
        }
    }
}
