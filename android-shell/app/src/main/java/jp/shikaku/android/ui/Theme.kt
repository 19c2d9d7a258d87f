package jp.shikaku.android.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import jp.shikaku.core.CardState

private val Indigo = Color(0xFF2F4A8A)
private val IndigoLight = Color(0xFFB3C5FF)

/** The app's Material 3 theme, light or dark as the system asks. */
@Composable
fun ShikakuTheme(
    dark: Boolean,
    content: @Composable () -> Unit,
) {
    val colors =
        if (dark) {
            darkColorScheme(primary = IndigoLight, secondary = IndigoLight)
        } else {
            lightColorScheme(primary = Indigo, secondary = Indigo)
        }
    MaterialTheme(colorScheme = colors, content = content)
}

/** The colour a card state is drawn in; the state's name always stands beside it. */
@Composable
fun stateColor(state: CardState): Color =
    when (state) {
        CardState.VALID -> Color(0xFF2E7D32)
        CardState.RENEWAL_WINDOW, CardState.GRACE -> Color(0xFFB26A00)
        CardState.EXPIRED, CardState.INVALID_MOVED, CardState.INVALID_OVERSEAS -> MaterialTheme.colorScheme.error
        CardState.UNKNOWN -> MaterialTheme.colorScheme.outline
    }
