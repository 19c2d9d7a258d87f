package jp.shikaku.android.ui

import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import jp.shikaku.core.ClinicCard
import jp.shikaku.core.ShellTexts

/**
 * What the member turns towards the staff: the Japanese staff note, the key fields large,
 * the warnings, and the pages of the stored 資格情報 PDF (rendered by the platform from
 * bytes held in memory only).
 */
@Composable
fun ClinicScreen(
    card: ClinicCard,
    pages: List<ImageBitmap>,
    texts: ShellTexts,
    onClose: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Row(Modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
            Text(texts.clinicTitle, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
            TextButton(onClick = onClose) { Text(texts.close) }
        }
        Text(card.displayName, style = MaterialTheme.typography.headlineMedium)
        card.warnings.forEach { warning ->
            Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                Text(warning.text, Modifier.padding(12.dp), color = MaterialTheme.colorScheme.onErrorContainer)
            }
        }
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Text(texts.clinicForStaff, style = MaterialTheme.typography.labelLarge)
                // The staff note is Japanese whatever the app's language.
                Text(card.staffNoteJa, style = MaterialTheme.typography.titleLarge)
            }
        }
        card.fields.filter { it.value != null }.forEach { field ->
            Column {
                Text(field.labelJa, style = MaterialTheme.typography.labelLarge)
                Text(
                    field.value.orEmpty(),
                    style = if (field.large) MaterialTheme.typography.displaySmall else MaterialTheme.typography.titleLarge,
                    fontWeight = FontWeight.Bold,
                )
            }
        }
        if (card.staffNoteTranslated != card.staffNoteJa) {
            HorizontalDivider()
            Text(texts.clinicForYou, style = MaterialTheme.typography.labelLarge)
            Text(card.staffNoteTranslated, style = MaterialTheme.typography.bodyLarge)
        }
        HorizontalDivider()
        Text(texts.clinicRecord, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        if (!card.recordAvailableOffline) {
            Text(texts.clinicNoRecord, style = MaterialTheme.typography.bodyLarge)
        }
        pages.forEachIndexed { index, page ->
            Image(
                bitmap = page,
                contentDescription = "${texts.clinicRecord} ${texts.clinicPage} ${index + 1}",
                modifier = Modifier.fillMaxWidth(),
                contentScale = ContentScale.FillWidth,
            )
        }
    }
}
