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
import jp.shikaku.core.MemberShare
import jp.shikaku.core.ShellTexts
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.ShikakuException

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

    // Submits a form: [saved] once the core saved it, else the form with its errors shown.
    fun submitForm(
        submit: () -> FormOutcome,
        saved: () -> Unit,
    ) = calls.attempt {
        when (val outcome = submit()) {
            is FormOutcome.Saved -> saved()
            is FormOutcome.Invalid -> refused = outcome.form
        }
    }

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
                    submitForm({ companion.submitMemberForm(memberId, state.memberValues) }) {
                        state.close()
                        calls.say(texts.saved)
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
                    submitForm({ companion.submitDocumentForm(id, state.documentValues) }) {
                        state.back()
                        calls.say(texts.documentConfirmed)
                    }
                },
                onCancel = state::back,
                message = message,
                modifier = full,
            )
        }

        Screen.SHARE -> {
            val id = memberId ?: return
            // Sealing the insurance numbers under a one-time code takes a key derivation:
            // the code is made in the background, anew when the choice changes.
            var share by remember(id, state.includeNumbers, revision) { mutableStateOf<MemberShare?>(null) }
            LaunchedEffect(id, state.includeNumbers, revision) {
                calls.inBackground({ companion.shareMember(id, state.includeNumbers) }) { share = it }
            }
            val made = share
            ShareScreen(
                share = made?.let { remember(it) { read { companion.shownShare(it) } } },
                texts = texts,
                includeNumbers = state.includeNumbers,
                onIncludeNumbers = { state.includeNumbers = it },
                onCopy = {
                    made?.let { platform.copyText(it.code) }
                    calls.say(texts.copied)
                },
                onClose = state::back,
                message = message,
                modifier = full,
            )
        }

        Screen.RECEIVE -> {
            val code = state.receiveCode
            val check = remember(code) { companion.checkMemberCode(code) }
            val needsOneTimeCode = check?.needsOneTimeCode == true
            ReceiveScreen(
                code = code,
                check = check,
                oneTimeCode = state.oneTimeCode.takeIf { needsOneTimeCode },
                texts = texts,
                onCode = { state.receiveCode = it },
                onOneTimeCode = { state.oneTimeCode = it },
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
                    val oneTimeCode = state.oneTimeCode.takeIf { needsOneTimeCode }
                    // Opening sealed insurance numbers takes a key derivation: in the background.
                    calls.inBackground({ companion.receiveMember(code, oneTimeCode) }) {
                        calls.changed()
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

/** A member code as the sharing screen shows it: its QR code, and until when it holds, worded. */
fun ShikakuCompanionInterface.shownShare(share: MemberShare): ShownShare =
    ShownShare(share.code, qr(share.code), share.oneTimeCode, memberCodeValidUntil(share.expiresAt))

/**
 * What the core says of the member code typed so far (null while nothing is): until when
 * it holds and whether it needs the one-time code, or why it cannot be received (damaged,
 * expired, not a member code), in the member's language.
 */
fun ShikakuCompanionInterface.checkMemberCode(code: String): CodeCheck? {
    if (code.isBlank()) return null
    return try {
        val info = inspectMemberCode(code)
        CodeCheck(memberCodeValidUntil(info.expiresAt), refused = false, needsOneTimeCode = info.needsOneTimeCode)
    } catch (error: ShikakuException) {
        CodeCheck(describeError(error), refused = true, needsOneTimeCode = false)
    }
}
