package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FormField
import jp.shikaku.core.FormInput
import jp.shikaku.core.FormModel
import jp.shikaku.core.ShellTexts
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/** The value of a yes/no field answered yes or no, as the core's forms read it. */
private const val YES = "yes"
private const val NO = "no"

/**
 * Any form the core builds (the member form, the document form), rendered field by field
 * from its model: a section's title, then each field that applies now, as its kind of
 * input asks. Every word, value and error comes from the core; [onValue] sends the new
 * value of a field back (the caller asks the core for the form again), so fields appear
 * and errors follow as the member types.
 */
@Composable
fun FormFields(
    form: FormModel,
    texts: ShellTexts,
    onValue: (id: String, value: String) -> Unit,
) {
    Column(verticalArrangement = Arrangement.spacedBy(12.dp)) {
        form.intro?.let { Text(it, style = MaterialTheme.typography.bodyLarge) }
        form.error?.let { Notice(it, error = true) }
        form.sections.forEach { section ->
            val shown = section.fields.filter { it.shown }
            if (shown.isNotEmpty()) {
                HorizontalDivider()
                Text(section.title, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                shown.forEach { field -> FieldInput(field, texts) { onValue(field.id, it) } }
            }
        }
    }
}

/**
 * A form on its own screen: its title, its fields, [extra] below them (a screen's own
 * actions), and the cancel and submit buttons. [message] is the last failure, said where
 * the member is.
 */
@Composable
fun FormScreen(
    form: FormModel,
    texts: ShellTexts,
    onValue: (id: String, value: String) -> Unit,
    onSubmit: () -> Unit,
    onCancel: () -> Unit,
    message: String?,
    modifier: Modifier = Modifier,
    extra: @Composable () -> Unit = {},
) {
    ScreenColumn(form.title, modifier) {
        message?.let { Notice(it, error = false) }
        FormFields(form, texts, onValue)
        extra()
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TextButton(onClick = onCancel) { Text(texts.cancel) }
            Button(onClick = onSubmit) { Text(form.submitLabel) }
        }
    }
}

/** A sentence in a card: a message, or an error (a form's own). */
@Composable
fun Notice(
    text: String,
    error: Boolean,
) {
    val colors = MaterialTheme.colorScheme
    Card(
        colors = CardDefaults.cardColors(containerColor = if (error) colors.errorContainer else colors.secondaryContainer),
        modifier = Modifier.fillMaxWidth(),
    ) {
        Text(text, Modifier.padding(12.dp), color = if (error) colors.onErrorContainer else colors.onSecondaryContainer)
    }
}

/** One field, as its input kind asks. */
@Composable
private fun FieldInput(
    field: FormField,
    texts: ShellTexts,
    onValue: (String) -> Unit,
) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        when (val input = field.input) {
            is FormInput.Date -> {
                DateInput(field, texts, onValue)
            }

            is FormInput.YesNo -> {
                // The whole row toggles, and is read as one switch with its label.
                Row(
                    Modifier
                        .fillMaxWidth()
                        .toggleable(value = field.value == YES, role = Role.Switch) { onValue(if (it) YES else NO) },
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    Column(Modifier.weight(1f)) {
                        Text(field.label, style = MaterialTheme.typography.bodyLarge)
                        field.hint?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
                    }
                    Switch(checked = field.value == YES, onCheckedChange = null)
                }
            }

            is FormInput.Choice -> {
                Text(field.label, style = MaterialTheme.typography.labelLarge)
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                    input.choices.forEach { choice ->
                        FilterChip(
                            selected = choice.value == field.value,
                            onClick = { onValue(choice.value) },
                            label = { Text(choice.label) },
                        )
                    }
                }
                field.hint?.let { Text(it, style = MaterialTheme.typography.bodySmall) }
            }

            is FormInput.Text -> {
                OutlinedTextField(
                    value = field.value,
                    onValueChange = { if (it.length <= input.maxChars.toInt()) onValue(it) },
                    label = { Text(field.label) },
                    supportingText = (field.error ?: field.hint)?.let { { Text(it) } },
                    isError = field.error != null,
                    singleLine = true,
                    modifier = Modifier.fillMaxWidth(),
                )
            }
        }
        if (field.input !is FormInput.Date && field.input !is FormInput.Text) {
            field.error?.let { Text(it, color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodySmall) }
        }
        field.warning?.let { Notice(it, error = true) }
    }
}

/**
 * A date typed as text, kept as typed (the core reads 2025-06-16 and 令和7年6月16日 and
 * writes the day back below the field), or picked from a calendar.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun DateInput(
    field: FormField,
    texts: ShellTexts,
    onValue: (String) -> Unit,
) {
    var picking by remember { mutableStateOf(false) }
    OutlinedTextField(
        value = field.value,
        onValueChange = onValue,
        label = { Text(field.label) },
        supportingText = (field.error ?: field.reading ?: field.hint)?.let { { Text(it) } },
        isError = field.error != null,
        singleLine = true,
        modifier = Modifier.fillMaxWidth(),
    )
    // Under the field, not inside it: a long label keeps the field's whole width.
    TextButton(onClick = { picking = true }) { Text(texts.pickDate) }
    if (picking) {
        val shown = runCatching { LocalDate.parse(field.value.trim()) }.getOrNull()
        val state = rememberDatePickerState(initialSelectedDateMillis = shown?.atStartOfDay(ZoneOffset.UTC)?.toInstant()?.toEpochMilli())
        DatePickerDialog(
            onDismissRequest = { picking = false },
            confirmButton = {
                TextButton(onClick = {
                    picking = false
                    // The picker speaks UTC midnight; this only turns it back into a calendar day.
                    state.selectedDateMillis?.let {
                        onValue(
                            Instant
                                .ofEpochMilli(it)
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString(),
                        )
                    }
                }) { Text(texts.save) }
            },
            dismissButton = { TextButton(onClick = { picking = false }) { Text(texts.cancel) } },
        ) { DatePicker(state = state) }
    }
}

/** A screen's frame: its title as a heading, then [content]; scrolls, clear of the system bars. */
@Composable
internal fun ScreenColumn(
    title: String,
    modifier: Modifier,
    content: @Composable ColumnScope.() -> Unit,
) {
    Column(
        modifier
            .verticalScroll(rememberScrollState())
            .windowInsetsPadding(WindowInsets.safeDrawing)
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        content()
    }
}
