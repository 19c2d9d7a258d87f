package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.DatePicker
import androidx.compose.material3.DatePickerDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.rememberDatePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateMapOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.Saver
import androidx.compose.runtime.saveable.listSaver
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import jp.shikaku.core.Facts
import jp.shikaku.core.Holdings
import jp.shikaku.core.MemberDraft
import jp.shikaku.core.Relationship
import jp.shikaku.core.RelationshipChoice
import jp.shikaku.core.ShellTexts
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/** The dates a member enters, each with its label; read and written through [Facts]. */
private class DateField(
    val label: (ShellTexts) -> String,
    val read: (Facts) -> LocalDate?,
    val write: (Facts, LocalDate?) -> Facts,
)

private val dateFields =
    listOf(
        DateField({ it.memberCardIssuedOn }, { it.cardIssuedOn }, { f, d -> f.copy(cardIssuedOn = d) }),
        DateField({ it.memberCardExpiresOn }, { it.cardExpiresOn }, { f, d -> f.copy(cardExpiresOn = d) }),
        DateField({ it.memberCertExpiresOn }, { it.certExpiresOn }, { f, d -> f.copy(certExpiresOn = d) }),
        DateField({ it.memberMovedOn }, { it.movedOn }, { f, d -> f.copy(movedOn = d) }),
        DateField({ it.memberMoveInFiledOn }, { it.moveInFiledOn }, { f, d -> f.copy(moveInFiledOn = d) }),
        DateField({ it.memberOverseasDepartureOn }, { it.overseasDepartureOn }, { f, d -> f.copy(overseasDepartureOn = d) }),
        DateField({ it.memberInsurerRegisteredOn }, { it.insurerRegisteredOn }, { f, d -> f.copy(insurerRegisteredOn = d) }),
    )

/** What a member holds, each a switch with its label; read and written through [Holdings]. */
private class HoldingField(
    val label: (ShellTexts) -> String,
    val read: (Holdings) -> Boolean,
    val write: (Holdings, Boolean) -> Holdings,
)

private val holdingFields =
    listOf(
        HoldingField({ it.memberHasCard }, { it.hasCard }, { h, on -> h.copy(hasCard = on) }),
        HoldingField({ it.memberRegisteredForInsurance }, { it.registeredForInsurance }, { h, on -> h.copy(registeredForInsurance = on) }),
        HoldingField({ it.memberHasSmartphone }, { it.hasSmartphone }, { h, on -> h.copy(hasSmartphone = on) }),
        HoldingField({ it.memberCarriesNotice }, { it.carriesNotice }, { h, on -> h.copy(carriesNotice = on) }),
    )

/**
 * Keeps the form's edits across a rotation and a process restart: the name, the
 * relationship, the birth date and the fields of [dateFields] and [holdingFields], laid
 * back over the draft the form was opened with.
 */
private fun editsSaver(draft: MemberDraft): Saver<MemberDraft, Any> =
    listSaver(
        save = { edited ->
            listOf(edited.displayName, edited.relationship, edited.facts.birthDate) +
                dateFields.map { it.read(edited.facts) } +
                holdingFields.map { it.read(edited.holdings) }
        },
        restore = { saved ->
            val dates = saved.subList(3, 3 + dateFields.size)
            val holdings = saved.subList(3 + dateFields.size, saved.size)
            draft.copy(
                displayName = saved[0] as String,
                relationship = saved[1] as Relationship,
                facts =
                    dateFields.zip(dates).fold(draft.facts.copy(birthDate = saved[2] as LocalDate)) { facts, (field, date) ->
                        field.write(facts, date as LocalDate?)
                    },
                holdings = holdingFields.zip(holdings).fold(draft.holdings) { held, (field, on) -> field.write(held, on as Boolean) },
            )
        },
    )

/**
 * A member's details: name, relationship, birth date and the dates of R1–R7, each typed
 * (ISO or era, read by the core) or picked; what they hold; and the PDF import.
 * [parseDate] is the core's reader and throws with a sentence for the member.
 */
@Composable
fun MemberScreen(
    draft: MemberDraft,
    texts: ShellTexts,
    relationships: List<RelationshipChoice>,
    formatDate: (LocalDate) -> String,
    parseDate: (String) -> LocalDate,
    onSave: (MemberDraft) -> Unit,
    onImportPdf: (() -> Unit)?,
    onCancel: () -> Unit,
    message: String?,
    modifier: Modifier = Modifier,
) {
    var edited by rememberSaveable(draft, stateSaver = editsSaver(draft)) { mutableStateOf(draft) }
    val problems = remember(draft) { mutableStateMapOf<String, String>() }

    Column(
        modifier
            .verticalScroll(rememberScrollState())
            .windowInsetsPadding(WindowInsets.safeDrawing)
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(texts.memberTitle, style = MaterialTheme.typography.headlineSmall)
        message?.let {
            Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer)) {
                Text(it, Modifier.padding(12.dp), color = MaterialTheme.colorScheme.onSecondaryContainer)
            }
        }
        OutlinedTextField(
            value = edited.displayName,
            onValueChange = { edited = edited.copy(displayName = it) },
            label = { Text(texts.memberDisplayName) },
            modifier = Modifier.fillMaxWidth(),
        )
        Text(texts.memberRelationship, style = MaterialTheme.typography.labelLarge)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            relationships.forEach { choice ->
                FilterChip(
                    selected = choice.relationship == edited.relationship,
                    onClick = { edited = edited.copy(relationship = choice.relationship) },
                    label = { Text(choice.label) },
                )
            }
        }
        DateInput(texts.memberBirthDate, edited.facts.birthDate, texts, formatDate, parseDate, problems) {
            if (it != null) edited = edited.copy(facts = edited.facts.copy(birthDate = it))
        }
        dateFields.forEach { field ->
            DateInput(field.label(texts), field.read(edited.facts), texts, formatDate, parseDate, problems) {
                edited = edited.copy(facts = field.write(edited.facts, it))
            }
        }
        holdingFields.forEach { field ->
            HoldingSwitch(field.label(texts), field.read(edited.holdings)) {
                edited = edited.copy(holdings = field.write(edited.holdings, it))
            }
        }
        if (onImportPdf != null) {
            OutlinedButton(onClick = onImportPdf, modifier = Modifier.fillMaxWidth()) { Text(texts.importPdf) }
        }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TextButton(onClick = onCancel) { Text(texts.cancel) }
            Button(
                onClick = { onSave(edited) },
                enabled = problems.isEmpty(),
            ) { Text(texts.save) }
        }
    }
}

@Composable
private fun HoldingSwitch(
    label: String,
    checked: Boolean,
    onChange: (Boolean) -> Unit,
) {
    Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
        Text(label, Modifier.weight(1f))
        Switch(checked = checked, onCheckedChange = onChange)
    }
}

/** A date typed as text (the core reads 2025-06-16 and 令和7年6月16日) or picked from a calendar. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun DateInput(
    label: String,
    value: LocalDate?,
    texts: ShellTexts,
    formatDate: (LocalDate) -> String,
    parseDate: (String) -> LocalDate,
    problems: MutableMap<String, String>,
    onChange: (LocalDate?) -> Unit,
) {
    var typed by remember(value) { mutableStateOf(value?.toString().orEmpty()) }
    var picking by remember { mutableStateOf(false) }
    val problem = problems[label]
    Column {
        OutlinedTextField(
            value = typed,
            onValueChange = { text ->
                typed = text
                if (text.isBlank()) {
                    problems.remove(label)
                    onChange(null)
                } else {
                    runCatching { parseDate(text) }
                        .onSuccess {
                            problems.remove(label)
                            onChange(it)
                        }.onFailure { problems[label] = it.message.orEmpty() }
                }
            },
            label = { Text(label) },
            supportingText = { Text(problem ?: value?.let(formatDate) ?: texts.dateInputHint) },
            isError = problem != null,
            modifier = Modifier.fillMaxWidth(),
        )
        // Under the field, not inside it: a long label keeps the field's whole width.
        TextButton(onClick = { picking = true }) { Text(texts.pickDate) }
    }
    if (picking) {
        val state = rememberDatePickerState(initialSelectedDateMillis = value?.atStartOfDay(ZoneOffset.UTC)?.toInstant()?.toEpochMilli())
        DatePickerDialog(
            onDismissRequest = { picking = false },
            confirmButton = {
                TextButton(onClick = {
                    picking = false
                    // The picker speaks UTC midnight; this only turns it back into a calendar day.
                    state.selectedDateMillis?.let { onChange(Instant.ofEpochMilli(it).atZone(ZoneOffset.UTC).toLocalDate()) }
                }) { Text(texts.save) }
            },
            dismissButton = { TextButton(onClick = { picking = false }) { Text(texts.cancel) } },
        ) { DatePicker(state = state) }
    }
}
