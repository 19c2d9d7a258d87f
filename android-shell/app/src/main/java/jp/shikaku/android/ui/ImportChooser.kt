package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import jp.shikaku.core.MemberRow
import jp.shikaku.core.ShellTexts

/** A PDF arrived by "share" or "open with": whose record is it? */
@Composable
fun ImportChooser(
    rows: List<MemberRow>,
    texts: ShellTexts,
    onChoose: (memberId: String) -> Unit,
    onCancel: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier.verticalScroll(rememberScrollState()).windowInsetsPadding(WindowInsets.safeDrawing).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(texts.importChooseMember, style = MaterialTheme.typography.headlineSmall)
        rows.forEach { row ->
            OutlinedButton(onClick = { onChoose(row.memberId) }, modifier = Modifier.fillMaxWidth()) {
                Text("${row.displayName} (${row.relationshipLabel})")
            }
        }
        TextButton(onClick = onCancel) { Text(texts.cancel) }
    }
}
