package jp.shikaku.android.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.Stable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.Saver
import androidx.compose.runtime.saveable.listSaver
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue

/** The tabs of the main screen. */
enum class Tab { HOUSEHOLD, DEADLINES, GUIDANCE, SETTINGS }

/** A screen over the tabs: a member's form, their PDF's fields, moving them, receiving one. */
enum class Screen { TABS, MEMBER, DOCUMENT, SHARE, RECEIVE }

/**
 * Where the member is in the app: the tab, the screen open over it (for a member, or a
 * new one when [memberId] is null), and what was typed there: the forms' values as the
 * member changed them, the code being received. Kept across a rotation and a process
 * restart.
 */
@Stable
class ShikakuAppState(
    initialTab: Tab = Tab.HOUSEHOLD,
    screen: Screen = Screen.TABS,
    memberId: String? = null,
    memberValues: Map<String, String> = emptyMap(),
    documentValues: Map<String, String> = emptyMap(),
    receiveCode: String = "",
    includeNumbers: Boolean = false,
) {
    var tab by mutableStateOf(initialTab)
    var screen by mutableStateOf(screen)
        private set
    var memberId by mutableStateOf(memberId)
        private set

    /** The member form's values the member changed (the rest are as stored). */
    var memberValues by mutableStateOf(memberValues)
        private set

    /** The document form's values the member changed. */
    var documentValues by mutableStateOf(documentValues)
        private set
    var receiveCode by mutableStateOf(receiveCode)

    /**
     * The one-time code typed for [receiveCode], when that code carries insurance numbers.
     * Never saved: with the code it opens the numbers, so a rotation asks for it again.
     */
    var oneTimeCode by mutableStateOf("")

    /** Whether the transfer code carries the insurance numbers. */
    var includeNumbers by mutableStateOf(includeNumbers)

    /** Whether a screen is open over the tabs. */
    val isOpen: Boolean get() = screen != Screen.TABS

    /** The member form of [memberId], or of a new member when null. */
    fun openMember(memberId: String?) {
        this.memberId = memberId
        memberValues = emptyMap()
        screen = Screen.MEMBER
    }

    fun openDocument(memberId: String) {
        this.memberId = memberId
        documentValues = emptyMap()
        screen = Screen.DOCUMENT
    }

    fun openShare(memberId: String) {
        this.memberId = memberId
        includeNumbers = false
        screen = Screen.SHARE
    }

    fun openReceive() {
        memberId = null
        receiveCode = ""
        oneTimeCode = ""
        screen = Screen.RECEIVE
    }

    fun editMember(
        id: String,
        value: String,
    ) {
        memberValues = memberValues + (id to value)
    }

    fun editDocument(
        id: String,
        value: String,
    ) {
        documentValues = documentValues + (id to value)
    }

    /** One step back: from a member's PDF or transfer to the member, else to the tabs. */
    fun back() {
        screen =
            when (screen) {
                Screen.DOCUMENT, Screen.SHARE -> Screen.MEMBER
                else -> Screen.TABS
            }
        if (screen == Screen.TABS) close()
    }

    /** Back to the tabs, forgetting what was typed. */
    fun close() {
        screen = Screen.TABS
        memberId = null
        memberValues = emptyMap()
        documentValues = emptyMap()
        receiveCode = ""
        oneTimeCode = ""
    }

    companion object {
        private fun flat(values: Map<String, String>): ArrayList<String> = ArrayList(values.flatMap { listOf(it.key, it.value) })

        @Suppress("UNCHECKED_CAST")
        private fun unflat(saved: Any?): Map<String, String> = (saved as List<String>).chunked(2).associate { (key, value) -> key to value }

        val Saver: Saver<ShikakuAppState, Any> =
            listSaver(
                save = {
                    listOf(
                        it.tab.name,
                        it.screen.name,
                        it.memberId,
                        flat(it.memberValues),
                        flat(it.documentValues),
                        it.receiveCode,
                        it.includeNumbers,
                    )
                },
                restore = {
                    ShikakuAppState(
                        Tab.valueOf(it[0] as String),
                        Screen.valueOf(it[1] as String),
                        it[2] as String?,
                        unflat(it[3]),
                        unflat(it[4]),
                        it[5] as String,
                        it[6] as Boolean,
                    )
                },
            )
    }
}

@Composable
fun rememberShikakuAppState(initialTab: Tab = Tab.HOUSEHOLD): ShikakuAppState =
    rememberSaveable(saver = ShikakuAppState.Saver) { ShikakuAppState(initialTab) }
