package jp.shikaku.android

import android.app.Activity
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import androidx.compose.runtime.Recomposer
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

/** One frame on Robolectric's clock. */
private val FRAME: Duration = Duration.ofMillis(16)

/** How long, on Robolectric's clock, the screens may take to settle: ten seconds of frames. */
private const val MAX_FRAMES = 625

/**
 * Every Compose root made during the test (Compose's hook for its own test rule), so that
 * [settle] can tell whether a window still has measuring or layout to do.
 */
object ComposeRoots {
    private val made = mutableListOf<ViewRootForTest>()

    /** Starts tracking afresh: called as each test's application is created. */
    fun track() {
        made.clear()
        ViewRootForTest.onViewCreatedCallback = { made += it }
    }

    /** The roots of resumed windows that still have to measure or lay out. */
    fun pendingLayout(): List<ViewRootForTest> =
        made.filter {
            it.view.isAttachedToWindow && it.isLifecycleInResumedState &&
                it.hasPendingMeasureOrLayout
        }
}

/**
 * Runs the main thread until the app is quiet, on Robolectric's clock: the work due now
 * (what the app posted back to the main thread, coroutines resumed there), then frame
 * after frame while Compose still has something to do (state changed outside a
 * composition, a recomposition, an effect, a frame awaited, a window to measure or lay
 * out). It waits on those conditions, never on the wall clock, and fails, saying what
 * was still pending, when they do not settle within [MAX_FRAMES] frames.
 *
 * Every coroutine `delay` runs on the main looper's clock here too
 * (`kotlinx.coroutines.main.delay`, set in pom.xml): no thread of its own wakes up later
 * and posts to the main thread behind the test's back.
 */
fun settle() {
    val main = shadowOf(Looper.getMainLooper())
    repeat(MAX_FRAMES) {
        // State changed outside a composition (a tap, typed text) reaches the composition
        // once its snapshot is applied, as Compose's own test rule does while waiting.
        Snapshot.sendApplyNotifications()
        main.idle()
        // A device measures and lays out a Compose window as it draws it; Robolectric does
        // not draw, so the windows are measured and laid out here, as Compose's test rule does.
        ComposeRoots.pendingLayout().forEach { it.measureAndLayoutForTest() }
        if (pendingWork(main).isEmpty()) return
        main.idleFor(FRAME)
    }
    error("the screens did not settle within $MAX_FRAMES frames: still ${pendingWork(main)}")
}

/** What keeps the app from being quiet now (empty: nothing). */
private fun pendingWork(main: org.robolectric.shadows.ShadowLooper): List<String> =
    listOfNotNull(
        "work due on the main thread".takeUnless { main.isIdle },
        "a recomposition, an effect or an awaited frame".takeIf { Recomposer.runningRecomposers.value.any { it.hasPendingWork } },
        "a window to measure or lay out".takeIf { ComposeRoots.pendingLayout().isNotEmpty() },
    )

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
