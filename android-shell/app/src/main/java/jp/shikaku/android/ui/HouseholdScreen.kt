package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.AssistChip
import androidx.compose.material3.AssistChipDefaults
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import jp.shikaku.core.DeadlineLine
import jp.shikaku.core.MemberRow
import jp.shikaku.core.ShellTexts

/**
 * The household: each member's state, next step and overdue steps; "show at the counter";
 * adding a member, or receiving one from another device.
 */
@Composable
fun HouseholdScreen(
    rows: List<MemberRow>,
    texts: ShellTexts,
    onShowAtCounter: (memberId: String) -> Unit,
    onOpenMember: (memberId: String) -> Unit,
    onAddMember: () -> Unit,
    onReceiveMember: () -> Unit,
    modifier: Modifier = Modifier,
) {
    LazyColumn(
        modifier = modifier.fillMaxWidth(),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        if (rows.isEmpty()) {
            item { Text(texts.householdEmpty, style = MaterialTheme.typography.bodyLarge) }
        }
        items(rows, key = { it.memberId }) { row ->
            MemberCard(row, texts, onShowAtCounter, onOpenMember)
        }
        item {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(onClick = onAddMember) { Text(texts.addMember) }
                OutlinedButton(onClick = onReceiveMember) { Text(texts.receiveMember) }
            }
        }
    }
}

@Composable
private fun MemberCard(
    row: MemberRow,
    texts: ShellTexts,
    onShowAtCounter: (String) -> Unit,
    onOpenMember: (String) -> Unit,
) {
    Card(onClick = { onOpenMember(row.memberId) }, modifier = Modifier.fillMaxWidth()) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            // The state beside the name, or under it when both do not fit (large fonts).
            FlowRow(
                Modifier.fillMaxWidth().clearAndSetSemantics { contentDescription = row.accessibilityLabel },
                horizontalArrangement = Arrangement.spacedBy(12.dp),
                verticalArrangement = Arrangement.spacedBy(4.dp),
            ) {
                Column {
                    Text(row.displayName, style = MaterialTheme.typography.titleLarge)
                    Text(row.relationshipLabel, style = MaterialTheme.typography.bodyMedium)
                }
                AssistChip(
                    onClick = {},
                    label = { Text(row.stateLabel) },
                    colors = AssistChipDefaults.assistChipColors(labelColor = stateColor(row.state)),
                )
            }
            row.nextDeadline?.let { DeadlineText(texts.nextDeadline, it, texts) }
                ?: Text(texts.nothingDue, style = MaterialTheme.typography.bodyMedium)
            row.overdue.forEach { line ->
                DeadlineText(texts.overdue, line, texts, urgent = true)
            }
            Button(
                onClick = { onShowAtCounter(row.memberId) },
                modifier = Modifier.fillMaxWidth().semantics { contentDescription = "${texts.showAtCounter} ${row.displayName}" },
            ) {
                Text(texts.showAtCounter, style = MaterialTheme.typography.titleMedium)
            }
        }
    }
}

/** A deadline: its heading, what happens, the date and how far away it is. */
@Composable
fun DeadlineText(
    heading: String,
    line: DeadlineLine,
    texts: ShellTexts,
    urgent: Boolean = false,
) {
    val color = if (urgent) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface
    Column {
        Text(heading, style = MaterialTheme.typography.labelMedium, color = color)
        Text(line.label, style = MaterialTheme.typography.bodyLarge, color = color)
        val estimate = if (line.estimated) " (${texts.estimated})" else ""
        Text("${line.dateText} · ${line.whenText}$estimate", style = MaterialTheme.typography.bodyMedium, color = color)
    }
}
