package jp.shikaku.android.ui

import androidx.compose.foundation.layout.padding
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FlowStep
import jp.shikaku.core.IcsOptions
import jp.shikaku.core.Locale
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import jp.shikaku.core.SituationGuide
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlin.coroutines.CoroutineContext

/** What only the platform can do; everything else comes from the Companion. */
interface ShellPlatform {
    /** Opens the system picker for a PDF and hands over its bytes. */
    fun pickPdf(onPicked: (ByteArray) -> Unit)

    /** Shares an .ics text with the calendar app the member picks. */
    fun shareCalendar(ics: String)

    /** Opens the full-screen clinic view (screen kept on, brightness raised). */
    fun openClinic(memberId: String)

    /** Asks for a content update in the background. */
    fun refreshContent()

    /** Re-plans the native notifications after a change. */
    fun replanReminders()

    /** Puts [text] on the clipboard (a member's transfer code). */
    fun copyText(text: String)

    /** Whether a camera can be asked for a picture of a QR code. */
    val canScan: Boolean

    /** Takes a picture with the camera and hands over its grey levels, row by row. */
    fun scanQr(onPicture: (width: Int, height: Int, luma: ByteArray) -> Unit)

    /** The language chosen in settings (null: the system's), and the app lock. */
    var chosenLocale: Locale?
    var appLock: Boolean
}

/**
 * The whole app: four tabs over the Companion, and the screens opened over them (the
 * member form, a PDF's fields, moving a member). The Companion's heavy calls (a PDF's
 * import, reading a QR code, the calendar export) run on [background].
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ShikakuApp(
    companion: ShikakuCompanionInterface,
    platform: ShellPlatform,
    state: ShikakuAppState,
    background: CoroutineContext = Dispatchers.IO,
) {
    var revision by remember { mutableIntStateOf(0) }
    var answers by rememberSaveable { mutableStateOf(listOf<Boolean>()) }
    // The last thing said, and the screen it was said on: shown there only.
    var said by remember { mutableStateOf<Pair<Screen, String>?>(null) }
    val message = said?.takeIf { it.first == state.screen }?.second
    val snackbar = remember { SnackbarHostState() }
    val scope = rememberCoroutineScope()
    val texts = remember(revision) { companion.shellTexts() }

    val calls =
        object : CoreCalls {
            override fun changed() {
                revision++
                platform.replanReminders()
            }

            override fun say(text: String?) {
                said = text?.let { state.screen to it }
            }

            override fun attempt(action: () -> Unit) {
                try {
                    action()
                    changed()
                } catch (error: ShikakuException) {
                    say(companion.describeError(error))
                }
            }

            override fun <T> inBackground(
                work: () -> T,
                done: (T) -> Unit,
            ) {
                scope.launch {
                    try {
                        done(withContext(background) { work() })
                    } catch (error: ShikakuException) {
                        say(companion.describeError(error))
                    }
                }
            }
        }
    LaunchedEffect(said) {
        said?.takeIf { it.first == Screen.TABS }?.let { snackbar.showSnackbar(it.second) }
    }

    if (state.isOpen) {
        OpenScreen(companion, platform, state, texts, revision, message, calls)
        return
    }

    Scaffold(
        topBar = { TopAppBar(title = { Text(texts.appName) }) },
        snackbarHost = { SnackbarHost(snackbar) },
        bottomBar = {
            NavigationBar {
                val labels = listOf(texts.tabHousehold, texts.tabDeadlines, texts.tabGuidance, texts.tabSettings)
                Tab.entries.forEachIndexed { index, each ->
                    NavigationBarItem(
                        selected = state.tab == each,
                        onClick = { state.tab = each },
                        icon = { Icon(each.icon, contentDescription = null) },
                        label = { TabLabel(labels[index]) },
                    )
                }
            }
        },
    ) { padding ->
        val body = Modifier.padding(padding).padding(horizontal = 16.dp)

        // Each tab reads the store again after every change (revision); a failure is shown
        // as the core's sentence in place of the tab.
        fun <T> read(block: () -> T): Result<T> = runCatching(block)
        val describe = { error: Throwable ->
            if (error is ShikakuException) companion.describeError(error) else error.toString()
        }
        when (state.tab) {
            Tab.HOUSEHOLD -> {
                Shown(describe, body, remember(revision) { read { companion.householdView() } }) { rows ->
                    HouseholdScreen(
                        rows = rows,
                        texts = texts,
                        onShowAtCounter = platform::openClinic,
                        onOpenMember = state::openMember,
                        onAddMember = { state.openMember(null) },
                        onReceiveMember = state::openReceive,
                        modifier = body,
                    )
                }
            }

            Tab.DEADLINES -> {
                Shown(
                    describe,
                    body,
                    remember(revision) {
                        read { companion.deadlineTimeline() to companion.reminderSettings() }
                    },
                ) { (timeline, settings) ->
                    DeadlinesScreen(
                        timeline = timeline,
                        leadTimes = settings.leadTimes,
                        texts = texts,
                        kindLabel = companion::deadlineKindLabel,
                        onToggle = { kind, enabled ->
                            calls.attempt {
                                val settings = companion.reminderSettings()
                                companion.setReminderSettings(
                                    settings.copy(
                                        leadTimes = settings.leadTimes.map { if (it.kind == kind) it.copy(enabled = enabled) else it },
                                    ),
                                )
                            }
                        },
                        onExportCalendar = {
                            // Not a change: the plan stands, so nothing is replanned.
                            calls.inBackground({ companion.exportIcs(IcsOptions(null, false)) }, platform::shareCalendar)
                        },
                        modifier = body,
                    )
                }
            }

            Tab.GUIDANCE -> {
                Shown(
                    describe,
                    body,
                    remember(revision, answers) {
                        read<Pair<FlowStep, List<SituationGuide>>> {
                            companion.walkPreparation(answers) to
                                companion.situationGuides(null)
                        }
                    },
                ) { (step, situations) ->
                    GuidanceScreen(
                        step = step,
                        situations = situations,
                        texts = texts,
                        onAnswer = { answers = answers + it },
                        onStartOver = { answers = emptyList() },
                        modifier = body,
                    )
                }
            }

            Tab.SETTINGS -> {
                Shown(describe, body, remember(revision) { read { companion.contentStatus() } }) { content ->
                    SettingsScreen(
                        texts = texts,
                        chosenLocale = platform.chosenLocale,
                        onLocale = {
                            platform.chosenLocale = it
                            revision++
                        },
                        appLock = platform.appLock,
                        onAppLock = {
                            platform.appLock = it
                            revision++
                        },
                        content = content,
                        onRefreshContent = platform::refreshContent,
                        modifier = body,
                    )
                }
            }
        }
    }
}

/** A tab's data, or the sentence saying why it could not be read. */
@Composable
private fun <T> Shown(
    describe: (Throwable) -> String,
    modifier: Modifier,
    result: Result<T>,
    content: @Composable (T) -> Unit,
) {
    val value = result.getOrNull()
    if (value != null) {
        content(value)
    } else {
        Text(result.exceptionOrNull()?.let(describe).orEmpty(), modifier = modifier)
    }
}

/**
 * A tab's name on one line: a quarter of the screen's width holds a word at the largest
 * font sizes only if the name grows no further than 1.3 times (the icon and the selection
 * say which tab it is as well).
 */
@Composable
private fun TabLabel(text: String) {
    val style = MaterialTheme.typography.labelMedium
    val fontScale = LocalDensity.current.fontScale
    Text(
        text,
        style = style.copy(fontSize = style.fontSize * minOf(1f, MAX_TAB_FONT_SCALE / fontScale)),
        maxLines = 1,
        overflow = TextOverflow.Ellipsis,
    )
}

private const val MAX_TAB_FONT_SCALE = 1.3f
