package jp.shikaku.android.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.widthIn
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import jp.shikaku.core.QrMatrix
import jp.shikaku.core.ShellTexts

/**
 * A member code as the sharing screen shows it: the QR code and its text, the one-time
 * code beside it when the code carries insurance numbers, and until when it holds (worded
 * by the core).
 */
class ShownShare(
    val code: String,
    val qr: QrMatrix,
    val oneTimeCode: String?,
    val validUntil: String,
)

/**
 * Moving a member to another device: the core's code as a QR code (black on white
 * whatever the theme, with its quiet zone, so any camera reads it) and as text to copy,
 * until when it holds, and, when the member chose to move the insurance numbers, the
 * one-time code they travel sealed under (null [share]: the code is being made).
 */
@Composable
fun ShareScreen(
    share: ShownShare?,
    texts: ShellTexts,
    includeNumbers: Boolean,
    onIncludeNumbers: (Boolean) -> Unit,
    onCopy: () -> Unit,
    onClose: () -> Unit,
    message: String?,
    modifier: Modifier = Modifier,
) {
    ScreenColumn(texts.shareMember, modifier) {
        Text(texts.shareIntro, style = MaterialTheme.typography.bodyLarge)
        message?.let { Notice(it, error = false) }
        Row(Modifier.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
            Text(texts.shareIncludeNumbers, Modifier.weight(1f), style = MaterialTheme.typography.bodyLarge)
            Switch(checked = includeNumbers, onCheckedChange = onIncludeNumbers)
        }
        if (share != null) {
            QrCode(share.qr, texts.qrDescription, Modifier.fillMaxWidth().widthIn(max = 360.dp).align(Alignment.CenterHorizontally))
            share.oneTimeCode?.let { OneTimeCode(it, texts) }
            Text(share.validUntil, style = MaterialTheme.typography.bodyMedium)
            Text(share.code, style = MaterialTheme.typography.bodySmall)
        }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onClick = onCopy, enabled = share != null) { Text(texts.copyCode) }
            TextButton(onClick = onClose) { Text(texts.close) }
        }
    }
}

/** The one-time code, large enough to read across a table, with what to do with it. */
@Composable
private fun OneTimeCode(
    code: String,
    texts: ShellTexts,
) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(texts.oneTimeCode, style = MaterialTheme.typography.titleSmall)
            Text(code, style = MaterialTheme.typography.headlineMedium.copy(fontFamily = FontFamily.Monospace))
            Text(texts.shareOneTimeCodeHint, style = MaterialTheme.typography.bodyMedium)
        }
    }
}

/** A QR code's modules drawn square, dark on white, with a four-module quiet zone. */
@Composable
fun QrCode(
    qr: QrMatrix,
    description: String,
    modifier: Modifier = Modifier,
) {
    val quiet = 4
    val side = qr.size.toInt() + 2 * quiet
    Canvas(modifier.aspectRatio(1f).semantics { contentDescription = description }) {
        val module = size.minDimension / side
        drawRect(Color.White)
        for (y in 0 until qr.size.toInt()) {
            for (x in 0 until qr.size.toInt()) {
                if (qr.modules[y * qr.size.toInt() + x]) {
                    drawRect(Color.Black, Offset((x + quiet) * module, (y + quiet) * module), Size(module, module))
                }
            }
        }
    }
}

/**
 * What the core said of the member code typed so far: until when it holds, or ([refused])
 * why it cannot be received; and whether the one-time code shown on the sending device
 * must be typed.
 */
class CodeCheck(
    val text: String,
    val refused: Boolean,
    val needsOneTimeCode: Boolean,
)

/**
 * Receiving a member from another device: the code pasted, or read by the core from a
 * picture the camera takes ([onScan], absent where no camera can be asked); once read,
 * the core's [check] under it, and the one-time code asked for when the code carries
 * insurance numbers ([oneTimeCode] null: not asked).
 */
@Composable
fun ReceiveScreen(
    code: String,
    check: CodeCheck?,
    oneTimeCode: String?,
    texts: ShellTexts,
    onCode: (String) -> Unit,
    onOneTimeCode: (String) -> Unit,
    onScan: (() -> Unit)?,
    onAdd: () -> Unit,
    onCancel: () -> Unit,
    message: String?,
    modifier: Modifier = Modifier,
) {
    ScreenColumn(texts.receiveMember, modifier) {
        Text(texts.receiveIntro, style = MaterialTheme.typography.bodyLarge)
        message?.let { Notice(it, error = true) }
        onScan?.let { OutlinedButton(onClick = it, modifier = Modifier.fillMaxWidth()) { Text(texts.scanCode) } }
        OutlinedTextField(
            value = code,
            onValueChange = onCode,
            label = { Text(texts.receiveCode) },
            isError = check?.refused == true,
            supportingText = check?.let { { Text(it.text) } },
            modifier = Modifier.fillMaxWidth(),
        )
        if (oneTimeCode != null) {
            Text(texts.receiveOneTimeCodeIntro, style = MaterialTheme.typography.bodyLarge)
            OutlinedTextField(
                value = oneTimeCode,
                onValueChange = onOneTimeCode,
                label = { Text(texts.oneTimeCode) },
                singleLine = true,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.NumberPassword),
                modifier = Modifier.fillMaxWidth(),
            )
        }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            TextButton(onClick = onCancel) { Text(texts.cancel) }
            Button(
                onClick = onAdd,
                enabled = check?.refused == false && (oneTimeCode == null || oneTimeCode.isNotBlank()),
            ) { Text(texts.receiveAdd) }
        }
    }
}
