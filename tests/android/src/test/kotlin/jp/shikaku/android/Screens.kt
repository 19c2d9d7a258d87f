package jp.shikaku.android

import android.app.Activity
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import androidx.compose.runtime.snapshots.Snapshot
import androidx.compose.ui.platform.ViewRootForTest
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.text.AnnotatedString
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
        // State changed outside a composition (a tap, typed text) reaches the composition
        // once its snapshot is applied, as Compose's own test rule does while waiting.
        Snapshot.sendApplyNotifications()
        main.idle()
        main.idleFor(Duration.ofMillis(16))
    }
}

/** The Compose roots of the dialogs an activity shows (on top, so first) and of its window. */
private fun composeRoots(activity: Activity): List<ViewRootForTest> {
    fun roots(view: View): List<ViewRootForTest> =
        when (view) {
            is ViewRootForTest -> listOf(view)
            is ViewGroup -> (0 until view.childCount).flatMap { roots(view.getChildAt(it)) }
            else -> emptyList()
        }
    val dialogs = ShadowDialog.getShownDialogs().filter { it.isShowing }.mapNotNull { it.window?.decorView }
    return (dialogs + listOf(activity.window.decorView)).flatMap(::roots)
}

private fun nodes(activity: Activity): List<SemanticsNode> {
    fun all(node: SemanticsNode): List<SemanticsNode> = listOf(node) + node.children.flatMap(::all)
    return composeRoots(activity).flatMap { all(it.semanticsOwner.rootSemanticsNode) }
}

/** What a node says: its text, what is typed in it, or what TalkBack reads for it. */
private fun SemanticsNode.texts(): List<String> =
    config.getOrNull(SemanticsProperties.Text).orEmpty().map { it.text } +
        config.getOrNull(SemanticsProperties.ContentDescription).orEmpty() +
        listOfNotNull(config.getOrNull(SemanticsProperties.EditableText)?.text?.takeIf { it.isNotEmpty() })

/** Every text the activity's screens show now, as a person would read them. */
fun shownTexts(activity: Activity): List<String> {
    settle()
    return nodes(activity).flatMap { it.texts() }
}

/** Taps what shows [text] (a button, a card), as a finger would. */
fun tap(
    activity: Activity,
    text: String,
) = tapWhere(activity, "\"$text\"") { text in it }

/** Taps the first thing whose texts (as TalkBack reads it) satisfy [shows]. */
fun tapWhere(
    activity: Activity,
    what: String,
    shows: (List<String>) -> Boolean,
) {
    settle()
    val target =
        nodes(activity).firstOrNull { node -> node.config.getOrNull(SemanticsActions.OnClick) != null && shows(node.texts()) }
            ?: error("nothing to tap shows $what; shown: ${shownTexts(activity)}")
    requireNotNull(target.config[SemanticsActions.OnClick].action).invoke()
    settle()
}

/** Types [text] into the field labelled [label], as a keyboard would, replacing what was there. */
fun type(
    activity: Activity,
    label: String,
    text: String,
) {
    settle()
    val target =
        nodes(activity).firstOrNull { node -> node.config.getOrNull(SemanticsActions.SetText) != null && label in node.texts() }
            ?: error("no field is labelled \"$label\"; shown: ${shownTexts(activity)}")
    requireNotNull(target.config[SemanticsActions.SetText].action).invoke(AnnotatedString(text))
    settle()
}
