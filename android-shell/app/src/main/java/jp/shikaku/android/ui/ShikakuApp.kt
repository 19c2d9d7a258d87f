package jp.shikaku.android.ui

import androidx.compose.foundation.layout.fillMaxSize
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
import androidx.compose.runtime.Stable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.Saver
import androidx.compose.runtime.saveable.listSaver
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FlowStep
import jp.shikaku.core.IcsOptions
import jp.shikaku.core.Locale
import jp.shikaku.core.MemberDraft
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import jp.shikaku.core.SituationGuide
import jp.shikaku.core.newMemberDraft
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import java.time.LocalDate
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

    /** The language chosen in settings (null: the system's), and the app lock. */
    var chosenLocale: Locale?
    var appLock: Boolean
}

/** The tabs of the main screen. */
enum class Tab { HOUSEHOLD, DEADLINES, GUIDANCE, SETTINGS }

/**
 * Where the member is in the app: the tab, and the member form if one is open (a new
 * member, or an existing one by id). Kept across a rotation and a process restart.
 */
@Stable
class ShikakuAppState(
    initialTab: Tab = Tab.HOUSEHOLD,
    formOpen: Boolean = false,
    formMemberId: String? = null,
) {
    var tab by mutableStateOf(initialTab)
    var isEditing by mutableStateOf(formOpen)
        private set
    var editingMemberId by mutableStateOf(formMemberId)
        private set

    /** The form for [memberId], or for a new member when null. */
    fun openForm(memberId: String?) {
        editingMemberId = memberId
        isEditing = true
    }

    fun closeForm() {
        isEditing = false
        editingMemberId = null
    }

    companion object {
        val Saver: Saver<ShikakuAppState, Any> =
            listSaver(
                save = { listOf(it.tab.name, it.isEditing, it.editingMemberId) },
                restore = { ShikakuAppState(Tab.valueOf(it[0] as String), it[1] as Boolean, it[2] as String?) },
            )
    }
}

@Composable
fun rememberShikakuAppState(initialTab: Tab = Tab.HOUSEHOLD): ShikakuAppState =
    rememberSaveable(saver = ShikakuAppState.Saver) { ShikakuAppState(initialTab) }

/**
 * The whole app: four tabs over the Companion, and the member form. The Companion's
 * heavy calls (a PDF's import, the calendar export) run on [background].
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ShikakuApp(
    companion: ShikakuCompanionInterface,
    platform: ShellPlatform,
    state: ShikakuAppState,
    today: LocalDate,
    background: CoroutineContext = Dispatchers.IO,
) {
    var revision by remember { mutableIntStateOf(0) }
    var answers by rememberSaveable { mutableStateOf(listOf<Boolean>()) }
    var message by remember { mutableStateOf<String?>(null) }
    val snackbar = remember { SnackbarHostState() }
    val scope = rememberCoroutineScope()
    val texts = remember(revision) { companion.shellTexts() }

    // Every change: the screens read again and the notifications follow the new plan.
    fun changed() {
        revision++
        platform.replanReminders()
    }

    fun attempt(action: () -> Unit) {
        try {
            action()
            changed()
        } catch (error: ShikakuException) {
            message = companion.describeError(error)
        }
    }

    /** [work] on the background dispatcher, then [done] with its result here; a failure becomes the message. */
    fun <T> inBackground(
        work: () -> T,
        done: (T) -> Unit,
    ) {
        scope.launch {
            try {
                done(withContext(background) { work() })
            } catch (error: ShikakuException) {
                message = companion.describeError(error)
            }
        }
    }
    LaunchedEffect(message) { message?.let { snackbar.showSnackbar(it) } }

    if (state.isEditing) {
        val memberId = state.editingMemberId
        val draft =
            remember(memberId, revision) {
                if (memberId == null) {
                    newMemberDraft(today.minusYears(30))
                } else {
                    runCatching { companion.member(memberId) }.getOrNull()?.let { member ->
                        MemberDraft(
                            member.displayName,
                            member.relationship,
                            member.facts,
                            member.eligibilityCertificateExpiresOn,
                            member.holdings,
                            member.insuranceFields,
                        )
                    }
                }
            }
        if (draft == null) {
            // The member was removed meanwhile (from another window): back to the tabs.
            LaunchedEffect(memberId) { state.closeForm() }
            return
        }
        MemberScreen(
            draft = draft,
            texts = texts,
            relationships = companion.relationshipChoices(),
            formatDate = companion::formatDate,
            parseDate = { text ->
                try {
                    companion.parseDateInput(text)
                } catch (error: ShikakuException) {
                    throw IllegalArgumentException(companion.describeError(error))
                }
            },
            onSave = { edited ->
                attempt {
                    if (memberId == null) {
                        companion.addMember(edited)
                    } else {
                        val member = companion.member(memberId)
                        companion.updateMember(
                            member.copy(
                                displayName = edited.displayName,
                                relationship = edited.relationship,
                                facts = edited.facts,
                                holdings = edited.holdings,
                            ),
                        )
                    }
                    message = null
                    state.closeForm()
                }
            },
            onImportPdf =
                memberId?.let { id ->
                    {
                        platform.pickPdf { bytes ->
                            inBackground({ companion.importDocument(id, bytes) }) {
                                changed()
                                message = texts.imported
                            }
                        }
                    }
                },
            onCancel = {
                message = null
                state.closeForm()
            },
            // A failed save or import is said in the form itself, where the member is.
            message = message,
            modifier = Modifier.fillMaxSize(),
        )
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
                        onOpenMember = state::openForm,
                        onAddMember = { state.openForm(null) },
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
                            attempt {
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
                            inBackground({ companion.exportIcs(IcsOptions(null, false)) }, platform::shareCalendar)
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
