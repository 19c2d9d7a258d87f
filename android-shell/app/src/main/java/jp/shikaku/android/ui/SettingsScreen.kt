package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.FilterChip
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import jp.shikaku.core.ContentSource
import jp.shikaku.core.ContentStatus
import jp.shikaku.core.Locale
import jp.shikaku.core.ShellTexts

/** Language (the system's by default), app lock, and which guidance data is in force. */
@Composable
fun SettingsScreen(
    texts: ShellTexts,
    chosenLocale: Locale?,
    onLocale: (Locale?) -> Unit,
    appLock: Boolean,
    onAppLock: (Boolean) -> Unit,
    content: ContentStatus,
    onRefreshContent: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text(texts.language, style = MaterialTheme.typography.titleMedium)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            FilterChip(selected = chosenLocale == null, onClick = { onLocale(null) }, label = { Text(texts.languageSystem) })
            FilterChip(selected = chosenLocale == Locale.JA, onClick = { onLocale(Locale.JA) }, label = { Text(texts.languageJa) })
            FilterChip(selected = chosenLocale == Locale.EN, onClick = { onLocale(Locale.EN) }, label = { Text(texts.languageEn) })
        }
        HorizontalDivider()
        Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f)) {
                Text(texts.appLock, style = MaterialTheme.typography.titleMedium)
                Text(texts.appLockHint, style = MaterialTheme.typography.bodyMedium)
            }
            Switch(checked = appLock, onCheckedChange = onAppLock)
        }
        HorizontalDivider()
        Text(texts.contentStatus, style = MaterialTheme.typography.titleMedium)
        val source = if (content.source == ContentSource.EMBEDDED) texts.contentEmbedded else texts.contentInstalled
        Text("$source · v${content.version}")
        content.note?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        OutlinedButton(onClick = onRefreshContent) { Text(texts.contentRefresh) }
    }
}
