package jp.shikaku.android.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.WindowInsets
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.safeDrawing
import androidx.compose.foundation.layout.windowInsetsPadding
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import jp.shikaku.core.ShellTexts

/** A screen's frame outside the tabs: clear of the system bars and cut-outs (edge to edge). */
@Composable
fun EdgeToEdgeColumn(
    modifier: Modifier = Modifier,
    content: @Composable () -> Unit,
) {
    Column(
        modifier.fillMaxSize().windowInsetsPadding(WindowInsets.safeDrawing).padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(16.dp, Alignment.CenterVertically),
        horizontalAlignment = Alignment.CenterHorizontally,
    ) { content() }
}

/** The app is locked: nothing of the household shows until the member unlocks. */
@Composable
fun LockedScreen(
    texts: ShellTexts,
    onUnlock: () -> Unit,
) {
    EdgeToEdgeColumn {
        Text(texts.unlockTitle, style = MaterialTheme.typography.headlineSmall)
        Text(texts.unlockSubtitle, style = MaterialTheme.typography.bodyLarge)
        Button(onClick = onUnlock) { Text(texts.unlock) }
    }
}

/** The store could not be opened (or a record read): the core's sentence and a retry. */
@Composable
fun OpenFailedScreen(
    message: String,
    texts: ShellTexts,
    onRetry: () -> Unit,
) {
    EdgeToEdgeColumn {
        Text(message, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.error)
        Button(onClick = onRetry) { Text(texts.retry) }
    }
}

/** While the store opens (a moment, off the main thread). */
@Composable
fun OpeningScreen() {
    Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
}

/** Why the app asks for notifications, before the system's own question. */
@Composable
fun NotificationRationale(
    texts: ShellTexts,
    onAllow: () -> Unit,
    onNotNow: () -> Unit,
) {
    AlertDialog(
        onDismissRequest = onNotNow,
        text = { Text(texts.notificationPermissionRationale, style = MaterialTheme.typography.bodyLarge) },
        confirmButton = { Button(onClick = onAllow) { Text(texts.notificationPermissionAllow) } },
        dismissButton = { TextButton(onClick = onNotNow) { Text(texts.notNow) } },
    )
}
