package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FlowStep
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.SituationGuide

/** The preparation flowchart, one question at a time, and the guides for situations. */
@Composable
fun GuidanceScreen(
    step: FlowStep,
    situations: List<SituationGuide>,
    texts: ShellTexts,
    onAnswer: (Boolean) -> Unit,
    onStartOver: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier.verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                step.question?.let { question ->
                    Text(texts.guidanceQuestion, style = MaterialTheme.typography.labelLarge)
                    Text(question, style = MaterialTheme.typography.titleLarge)
                }
                step.steps.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    if (!step.finished) {
                        Button(onClick = { onAnswer(true) }) { Text(texts.answerYes) }
                        OutlinedButton(onClick = { onAnswer(false) }) { Text(texts.answerNo) }
                    }
                    TextButton(onClick = onStartOver) { Text(texts.startOver) }
                }
            }
        }
        HorizontalDivider()
        Text(texts.situations, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        situations.forEach { guide ->
            Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
                Text(guide.title, style = MaterialTheme.typography.titleSmall, modifier = Modifier.semantics { heading() })
                guide.steps.forEachIndexed { index, text -> Text("${index + 1}. $text") }
                guide.dates.forEach { Text("${it.label}: ${it.written}", style = MaterialTheme.typography.bodyMedium) }
            }
        }
    }
}
