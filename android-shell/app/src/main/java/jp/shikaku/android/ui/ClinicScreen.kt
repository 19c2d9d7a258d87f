package jp.shikaku.android.ui

import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.BoxWithConstraints
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.produceState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import jp.shikaku.core.ClinicCard
import jp.shikaku.core.ShellTexts

/** A document's pages, drawn when shown (Android: PdfRenderer from memory). */
interface PageSource {
    val pageCount: Int

    /** Page [index] drawn at most [widthPx] wide, or null if it cannot be drawn. */
    suspend fun page(
        index: Int,
        widthPx: Int,
    ): ImageBitmap?
}

/** The aspect of an A4 page, held by a page's place until it is drawn. */
private const val A4_ASPECT = 210f / 297f

/**
 * What the member turns towards the staff: the Japanese staff note, the key fields large,
 * the warnings, and the pages of the stored 資格情報 PDF, each drawn only when it scrolls
 * into view (by the platform, from bytes held in memory only).
 */
@Composable
fun ClinicScreen(
    card: ClinicCard,
    pages: PageSource?,
    texts: ShellTexts,
    onClose: () -> Unit,
    modifier: Modifier = Modifier,
) {
    LazyColumn(
        modifier.fillMaxSize().windowInsetsPadding(WindowInsets.safeDrawing),
        verticalArrangement = Arrangement.spacedBy(12.dp),
        contentPadding =
            androidx.compose.foundation.layout
                .PaddingValues(16.dp),
    ) {
        item {
            FlowRow(
                Modifier.fillMaxWidth(),
                horizontalArrangement = Arrangement.SpaceBetween,
                verticalArrangement = Arrangement.Center,
            ) {
                Text(
                    texts.clinicTitle,
                    style = MaterialTheme.typography.titleMedium,
                    modifier = Modifier.align(Alignment.CenterVertically).semantics { heading() },
                )
                TextButton(onClick = onClose) { Text(texts.close) }
            }
        }
        item { Text(card.displayName, style = MaterialTheme.typography.headlineMedium) }
        card.warnings.forEach { warning ->
            item {
                Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                    Text(warning.text, Modifier.padding(12.dp), color = MaterialTheme.colorScheme.onErrorContainer)
                }
            }
        }
        item {
            Card(Modifier.fillMaxWidth()) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    Text(texts.clinicForStaff, style = MaterialTheme.typography.labelLarge)
                    // The staff note is Japanese whatever the app's language.
                    Text(card.staffNoteJa, style = MaterialTheme.typography.titleLarge)
                }
            }
        }
        card.fields.filter { it.value != null }.forEach { field ->
            item {
                Column {
                    FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        Text(field.labelJa, style = MaterialTheme.typography.labelLarge)
                        // Read from the PDF and not confirmed by the member yet.
                        if (!field.confirmed) {
                            Text(
                                texts.clinicUnconfirmed,
                                style = MaterialTheme.typography.labelLarge,
                                color = MaterialTheme.colorScheme.error,
                            )
                        }
                    }
                    Text(
                        field.value.orEmpty(),
                        style = if (field.large) MaterialTheme.typography.displaySmall else MaterialTheme.typography.titleLarge,
                        fontWeight = FontWeight.Bold,
                    )
                }
            }
        }
        if (card.staffNoteTranslated != card.staffNoteJa) {
            item {
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    HorizontalDivider()
                    Text(texts.clinicForYou, style = MaterialTheme.typography.labelLarge)
                    Text(card.staffNoteTranslated, style = MaterialTheme.typography.bodyLarge)
                }
            }
        }
        item {
            Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                HorizontalDivider()
                Text(texts.clinicRecord, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                if (!card.recordAvailableOffline) Text(texts.clinicNoRecord, style = MaterialTheme.typography.bodyLarge)
            }
        }
        if (pages != null) {
            items(pages.pageCount) { index ->
                DocumentPage(pages, index, "${texts.clinicRecord} ${texts.clinicPage} ${index + 1}")
            }
        }
    }
}

/** One page: drawn for the width it is shown at, a placeholder of A4's shape meanwhile. */
@Composable
private fun DocumentPage(
    pages: PageSource,
    index: Int,
    description: String,
) {
    BoxWithConstraints(Modifier.fillMaxWidth().semantics { contentDescription = description }) {
        val widthPx = with(LocalDensity.current) { maxWidth.roundToPx() }
        val image by produceState<ImageBitmap?>(null, pages, index, widthPx) { value = pages.page(index, widthPx) }
        val drawn = image
        if (drawn != null) {
            Image(bitmap = drawn, contentDescription = null, modifier = Modifier.fillMaxWidth(), contentScale = ContentScale.FillWidth)
        } else {
            Box(Modifier.fillMaxWidth().aspectRatio(A4_ASPECT), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
        }
    }
}
