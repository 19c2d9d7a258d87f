package jp.shikaku.android.ui

import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import jp.shikaku.core.FormModel
import jp.shikaku.core.FormOutcome
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.ShikakuCompanionInterface

/** How an open screen changes the household: the app around it runs and words the calls. */
interface CoreCalls {
    /** Runs a change now; a failure becomes the message. */
    fun attempt(action: () -> Unit)

    /** [work] in the background, then [done] with its result; a failure becomes the message. */
    fun <T> inBackground(
        work: () -> T,
        done: (T) -> Unit,
    )

    /** The household changed: the screens read again and the notifications follow. */
    fun changed()

    /** Shows [text] to the member on the screen open now (null: nothing). */
    fun say(text: String?)
}

/**
 * The screen open over the tabs ([ShikakuAppState.screen]): the member form and the
 * member's actions, the fields of their PDF, moving them to another device, receiving
 * one. Forms come from the core for the values typed so far and go back to it to be
 * saved; a refused form comes back with its errors beside its fields.
 */
@Composable
fun OpenScreen(
    companion: ShikakuCompanionInterface,
    platform: ShellPlatform,
    state: ShikakuAppState,
    texts: ShellTexts,
    revision: Int,
    message: String?,
    calls: CoreCalls,
) {
    val memberId = state.memberId
    // The form as last submitted, with its errors, until the member changes a value.
    var refused by remember(state.screen, memberId) { mutableStateOf<FormModel?>(null) }
    val full = Modifier.fillMaxSize()

    fun <T> read(block: () -> T): T? = runCatching(block).getOrNull()

    when (state.screen) {
        Screen.MEMBER -> {
            val form =
                refused ?: remember(memberId, state.memberValues, revision) { read { companion.memberForm(memberId, state.memberValues) } }
            if (form == null) {
                // The member was removed meanwhile (from another window): back to the tabs.
                LaunchedEffect(memberId) { state.close() }
                return
            }
            val versions = memberId?.let { id -> remember(id, revision) { read { companion.documentInfo(id).versionsKept } } }
            MemberScreen(
                form = form,
                texts = texts,
                onValue = { id, value ->
                    refused = null
                    state.editMember(id, value)
                },
                onSave = {
                    calls.attempt {
                        when (val outcome = companion.submitMemberForm(memberId, state.memberValues)) {
                            is FormOutcome.Saved -> {
                                state.close()
                                calls.say(texts.saved)
                            }

                            is FormOutcome.Invalid -> {
                                refused = outcome.form
                            }
                        }
                    }
                },
                onCancel = {
                    calls.say(null)
                    state.close()
                },
                actions =
                    memberId?.let { id ->
                        MemberActions(
                            onImportPdf = {
                                platform.pickPdf { bytes ->
                                    calls.inBackground({ companion.importDocument(id, bytes) }) {
                                        calls.changed()
                                        // What was read is proposed: the member checks it now.
                                        state.openDocument(id)
                                        calls.say(texts.imported)
                                    }
                                }
                            },
                            onReviewDocument = { state.openDocument(id) },
                            onRevertDocument =
                                if ((versions ?: 0u) >= 2u) {
                                    {
                                        calls.attempt {
                                            companion.revertDocument(id)
                                            calls.say(texts.reverted)
                                        }
                                    }
                                } else {
                                    null
                                },
                            onShare = { state.openShare(id) },
                            onRemove = {
                                calls.attempt {
                                    companion.removeMember(id)
                                    state.close()
                                    calls.say(texts.removed)
                                }
                            },
                        )
                    },
                message = message,
                modifier = full,
            )
        }

        Screen.DOCUMENT -> {
            val id = memberId ?: return
            val form = refused ?: remember(id, state.documentValues, revision) { read { companion.documentForm(id, state.documentValues) } }
            if (form == null) {
                LaunchedEffect(id) { state.close() }
                return
            }
            FormScreen(
                form = form,
                texts = texts,
                onValue = { field, value ->
                    refused = null
                    state.editDocument(field, value)
                },
                onSubmit = {
                    calls.attempt {
                        when (val outcome = companion.submitDocumentForm(id, state.documentValues)) {
                            is FormOutcome.Saved -> {
                                state.back()
                                calls.say(texts.documentConfirmed)
                            }

                            is FormOutcome.Invalid -> {
                                refused = outcome.form
                            }
                        }
                    }
                },
                onCancel = state::back,
                message = message,
                modifier = full,
            )
        }

        Screen.SHARE -> {
            val id = memberId ?: return
            val code = remember(id, state.includeNumbers, revision) { read { companion.shareMember(id, state.includeNumbers) } }
            val qr = code?.let { remember(it) { read { companion.qr(it) } } }
            if (code == null || qr == null) {
                LaunchedEffect(id) { state.close() }
                return
            }
            ShareScreen(
                code = code,
                qr = qr,
                texts = texts,
                includeNumbers = state.includeNumbers,
                onIncludeNumbers = { state.includeNumbers = it },
                onCopy = {
                    platform.copyText(code)
                    calls.say(texts.copied)
                },
                onClose = state::back,
                message = message,
                modifier = full,
            )
        }

        Screen.RECEIVE -> {
            ReceiveScreen(
                code = state.receiveCode,
                texts = texts,
                onCode = { state.receiveCode = it },
                onScan =
                    if (platform.canScan) {
                        {
                            platform.scanQr { width, height, luma ->
                                calls.inBackground({ companion.readQrCode(width.toUInt(), height.toUInt(), luma) }) {
                                    calls.say(null)
                                    state.receiveCode = it
                                }
                            }
                        }
                    } else {
                        null
                    },
                onAdd = {
                    calls.attempt {
                        companion.receiveMember(state.receiveCode)
                        state.close()
                        calls.say(texts.received)
                    }
                },
                onCancel = {
                    calls.say(null)
                    state.close()
                },
                message = message,
                modifier = full,
            )
        }

        Screen.TABS -> {
            Unit
        }
    }
}
