package jp.shikaku.android.ui

import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.ExperimentalMaterial3Api
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
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.unit.dp
import jp.shikaku.core.FlowStep
import jp.shikaku.core.IcsOptions
import jp.shikaku.core.Locale
import jp.shikaku.core.MemberDraft
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException
import jp.shikaku.core.SituationGuide
import jp.shikaku.core.newMemberDraft
import java.time.LocalDate

/** What only the platform can do; everything else comes from the Companion. */
interface ShellPlatform {
    /** Opens the system picker for a PDF and hands over its bytes. */
    fun pickPdf(onPicked: (ByteArray) -> Unit)

    /** Renders a PDF held in memory to page images (Android: PdfRenderer). */
    fun renderPdf(bytes: ByteArray): List<ImageBitmap>

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

/** A member form: a new member, or an existing one by id. */
private data class Editing(
    val memberId: String?,
    val draft: MemberDraft,
)

/** The whole app: four tabs over the Companion, and the member form. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun ShikakuApp(
    companion: ShikakuCompanionInterface,
    platform: ShellPlatform,
    initialTab: Tab = Tab.HOUSEHOLD,
    today: LocalDate,
) {
    var revision by remember { mutableIntStateOf(0) }
    var tab by remember { mutableStateOf(initialTab) }
    var editing by remember { mutableStateOf<Editing?>(null) }
    var answers by remember { mutableStateOf(listOf<Boolean>()) }
    var message by remember { mutableStateOf<String?>(null) }
    val snackbar = remember { SnackbarHostState() }
    val texts = remember(revision) { companion.shellTexts() }

    // Every change: the screens read again and the notifications follow the new plan.
    fun attempt(action: () -> Unit) {
        try {
            action()
            revision++
            platform.replanReminders()
        } catch (error: ShikakuException) {
            message = companion.describeError(error)
        }
    }
    LaunchedEffect(message) { message?.let { snackbar.showSnackbar(it) } }

    val form = editing
    if (form != null) {
        MemberScreen(
            draft = form.draft,
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
            onSave = { draft ->
                attempt {
                    if (form.memberId == null) {
                        companion.addMember(draft)
                    } else {
                        val member = companion.member(form.memberId)
                        companion.updateMember(
                            member.copy(
                                displayName = draft.displayName,
                                relationship = draft.relationship,
                                facts = draft.facts,
                                holdings = draft.holdings,
                            ),
                        )
                    }
                    editing = null
                }
            },
            onImportPdf =
                form.memberId?.let { id ->
                    {
                        platform.pickPdf { bytes ->
                            attempt {
                                companion.importDocument(id, bytes)
                                message = texts.imported
                            }
                        }
                    }
                },
            onCancel = { editing = null },
            message = null,
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
                        selected = tab == each,
                        onClick = { tab = each },
                        icon = {},
                        label = { Text(labels[index]) },
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
        when (tab) {
            Tab.HOUSEHOLD -> {
                Shown(describe, body, remember(revision) { read { companion.householdView() } }) { rows ->
                    HouseholdScreen(
                        rows = rows,
                        texts = texts,
                        onShowAtCounter = platform::openClinic,
                        onOpenMember = { id ->
                            val member = companion.member(id)
                            editing =
                                Editing(
                                    id,
                                    MemberDraft(
                                        member.displayName,
                                        member.relationship,
                                        member.facts,
                                        member.eligibilityCertificateExpiresOn,
                                        member.holdings,
                                        member.insuranceFields,
                                    ),
                                )
                        },
                        onAddMember = { editing = Editing(null, newMemberDraft(today.minusYears(30))) },
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
                            try {
                                platform.shareCalendar(companion.exportIcs(IcsOptions(null, false)))
                            } catch (error: ShikakuException) {
                                message = companion.describeError(error)
                            }
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
