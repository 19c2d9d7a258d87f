package jp.shikaku.android.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.luminance
import jp.shikaku.core.CardState
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource

/**
 * Every card state's colour reads at 4.5:1 or more (WCAG AA for text) on the surfaces it
 * is written on: the window's surface and a card's container, light and dark.
 */
class StateColoursTest {
    private fun contrast(
        a: Color,
        b: Color,
    ): Double {
        val (light, dark) = listOf(a.luminance() + 0.05, b.luminance() + 0.05).sortedDescending()
        return light / dark
    }

    @ParameterizedTest
    @ValueSource(booleans = [false, true])
    fun stateColoursReadOnEverySurface(dark: Boolean) {
        val pairs = mutableListOf<Triple<CardState, Color, List<Color>>>()
        val scene =
            ImageComposeScene(width = 10, height = 10) {
                ShikakuTheme(dark) {
                    val scheme = MaterialTheme.colorScheme
                    CardState.entries.forEach { state ->
                        pairs += Triple(state, stateColor(state), listOf(scheme.surface, scheme.surfaceContainerHighest))
                    }
                }
            }
        try {
            scene.render()
        } finally {
            scene.close()
        }
        assertTrue(pairs.size >= CardState.entries.size)
        for ((state, colour, surfaces) in pairs) {
            for (surface in surfaces) {
                val ratio = contrast(colour, surface)
                assertTrue(ratio >= 4.5, "$state ${if (dark) "dark" else "light"}: $colour on $surface is $ratio:1")
            }
        }
    }
}
