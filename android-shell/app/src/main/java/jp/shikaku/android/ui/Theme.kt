package jp.shikaku.android.ui

import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.luminance
import jp.shikaku.core.CardState

private val Indigo = Color(0xFF2F4A8A)
private val IndigoLight = Color(0xFFB3C5FF)

/** The app's Material 3 theme, light or dark as the system asks, over its surface colour. */
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
    MaterialTheme(colorScheme = colors) {
        Surface(Modifier.fillMaxSize(), content = content)
    }
}

/**
 * The colour a card state's name is written in (the name always stands beside the
 * colour): each reads at 4.5:1 or more on the theme's surfaces and cards, light and dark.
 */
@Composable
fun stateColor(state: CardState): Color {
    val dark = MaterialTheme.colorScheme.surface.luminance() < 0.5f
    return when (state) {
        CardState.VALID -> {
            if (dark) Color(0xFF8FD694) else Color(0xFF1B5E20)
        }

        CardState.RENEWAL_WINDOW, CardState.GRACE -> {
            if (dark) Color(0xFFFFC069) else Color(0xFF7A4100)
        }

        CardState.EXPIRED, CardState.INVALID_MOVED, CardState.INVALID_OVERSEAS, CardState.LOST -> {
            MaterialTheme.colorScheme.error
        }

        CardState.UNKNOWN -> {
            MaterialTheme.colorScheme.onSurfaceVariant
        }
    }
}
