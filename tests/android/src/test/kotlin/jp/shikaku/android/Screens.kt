package jp.shikaku.android

import android.app.Activity
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import androidx.compose.ui.platform.ViewRootForTest
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowDialog
import java.time.Duration

/**
 * Runs the main thread's due work and a third of a second of frames (on Robolectric's
 * clock), so that work posted back to the main thread lands and Compose composes and
 * lays out what it changed.
 */
fun settle() {
    val main = shadowOf(Looper.getMainLooper())
    repeat(20) {
        main.idle()
        main.idleFor(Duration.ofMillis(16))
    }
}

/** The Compose roots of an activity's window and of the dialogs it shows. */
private fun composeRoots(activity: Activity): List<ViewRootForTest> {
    fun roots(view: View): List<ViewRootForTest> =
        when (view) {
            is ViewRootForTest -> listOf(view)
            is ViewGroup -> (0 until view.childCount).flatMap { roots(view.getChildAt(it)) }
            else -> emptyList()
        }
    val dialogs = ShadowDialog.getShownDialogs().filter { it.isShowing }.mapNotNull { it.window?.decorView }
    return (listOf(activity.window.decorView) + dialogs).flatMap(::roots)
}

private fun nodes(activity: Activity): List<SemanticsNode> {
    fun all(node: SemanticsNode): List<SemanticsNode> = listOf(node) + node.children.flatMap(::all)
    return composeRoots(activity).flatMap { all(it.semanticsOwner.rootSemanticsNode) }
}

/** What a node says: its text, or what TalkBack reads for it. */
private fun SemanticsNode.texts(): List<String> =
    config.getOrNull(SemanticsProperties.Text).orEmpty().map { it.text } +
        config.getOrNull(SemanticsProperties.ContentDescription).orEmpty()

/** Every text the activity's screens show now, as a person would read them. */
fun shownTexts(activity: Activity): List<String> {
    settle()
    return nodes(activity).flatMap { it.texts() }
}

/** Taps what shows [text] (a button, a card), as a finger would. */
fun tap(
    activity: Activity,
    text: String,
) {
    settle()
    val target =
        nodes(activity).firstOrNull { node -> node.config.getOrNull(SemanticsActions.OnClick) != null && text in node.texts() }
            ?: error("nothing to tap shows \"$text\"; shown: ${shownTexts(activity)}")
    requireNotNull(target.config[SemanticsActions.OnClick].action).invoke()
    settle()
}
