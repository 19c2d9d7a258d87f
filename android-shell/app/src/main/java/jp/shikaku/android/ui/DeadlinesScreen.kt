package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import jp.shikaku.core.DeadlineKind
import jp.shikaku.core.LeadTimes
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.TimelineEntry

/** The household's steps as a timeline, the per-kind reminder toggles, and calendar export. */
@Composable
fun DeadlinesScreen(
    timeline: List<TimelineEntry>,
    leadTimes: List<LeadTimes>,
    texts: ShellTexts,
    kindLabel: (DeadlineKind) -> String,
    onToggle: (DeadlineKind, Boolean) -> Unit,
    onExportCalendar: () -> Unit,
    modifier: Modifier = Modifier,
) {
    LazyColumn(modifier.fillMaxWidth(), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        if (timeline.isEmpty()) {
            item { Text(texts.deadlinesEmpty, style = MaterialTheme.typography.bodyLarge) }
        }
        items(timeline, key = { "${it.memberId}/${it.line.kind}/${it.line.date}" }) { entry ->
            DeadlineText(entry.displayName, entry.line, texts, urgent = entry.line.daysLeft < 0)
        }
        item {
            Button(onClick = onExportCalendar, modifier = Modifier.fillMaxWidth()) { Text(texts.exportCalendar) }
        }
        item {
            HorizontalDivider()
            Text(
                texts.deadlinesKinds,
                style = MaterialTheme.typography.titleMedium,
                modifier = Modifier.padding(top = 8.dp).semantics { heading() },
            )
        }
        items(leadTimes, key = { it.kind.name }) { lead ->
            Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
                Column(Modifier.weight(1f)) { Text(kindLabel(lead.kind)) }
                Switch(checked = lead.enabled, onCheckedChange = { onToggle(lead.kind, it) })
            }
        }
    }
}
