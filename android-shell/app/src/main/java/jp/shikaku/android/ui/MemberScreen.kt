package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FormModel
import jp.shikaku.core.ShellTexts

/**
 * What can be done with a member who is saved already: import a PDF, check its fields,
 * go back to the previous PDF (when there is one), move the member to another device,
 * remove them (after a question).
 */
class MemberActions(
    val onImportPdf: () -> Unit,
    val onReviewDocument: () -> Unit,
    val onRevertDocument: (() -> Unit)?,
    val onShare: () -> Unit,
    val onRemove: () -> Unit,
)

/**
 * A member's details: the core's member form through the generic renderer, and below it
 * the member's actions ([actions] is null for a new member).
 */
@Composable
fun MemberScreen(
    form: FormModel,
    texts: ShellTexts,
    onValue: (id: String, value: String) -> Unit,
    onSave: () -> Unit,
    onCancel: () -> Unit,
    actions: MemberActions?,
    message: String?,
    modifier: Modifier = Modifier,
) {
    FormScreen(form, texts, onValue, onSave, onCancel, message, modifier) {
        if (actions != null) MemberActionButtons(actions, texts)
    }
}

@Composable
private fun MemberActionButtons(
    actions: MemberActions,
    texts: ShellTexts,
) {
    var confirmingRemoval by rememberSaveable { mutableStateOf(false) }
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        HorizontalDivider()
        val wide = Modifier.fillMaxWidth()
        OutlinedButton(onClick = actions.onImportPdf, modifier = wide) { Text(texts.importPdf) }
        OutlinedButton(onClick = actions.onReviewDocument, modifier = wide) { Text(texts.documentReview) }
        actions.onRevertDocument?.let { OutlinedButton(onClick = it, modifier = wide) { Text(texts.revertDocument) } }
        OutlinedButton(onClick = actions.onShare, modifier = wide) { Text(texts.shareMember) }
        TextButton(onClick = { confirmingRemoval = true }, modifier = wide) {
            Text(texts.removeMember, color = MaterialTheme.colorScheme.error)
        }
    }
    if (confirmingRemoval) {
        AlertDialog(
            onDismissRequest = { confirmingRemoval = false },
            text = { Text(texts.removeMemberQuestion, style = MaterialTheme.typography.bodyLarge) },
            confirmButton = {
                Button(
                    onClick = {
                        confirmingRemoval = false
                        actions.onRemove()
                    },
                    colors =
                        ButtonDefaults.buttonColors(
                            containerColor = MaterialTheme.colorScheme.error,
                            contentColor = MaterialTheme.colorScheme.onError,
                        ),
                ) { Text(texts.remove) }
            },
            dismissButton = { TextButton(onClick = { confirmingRemoval = false }) { Text(texts.cancel) } },
        )
    }
}
