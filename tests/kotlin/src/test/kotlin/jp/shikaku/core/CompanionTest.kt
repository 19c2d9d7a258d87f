package jp.shikaku.core

import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.io.File
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.time.LocalDate

class CompanionTest {
    @TempDir
    lateinit var dir: File

    private val fixtures = File(System.getProperty("shikaku.fixtures"))

    private fun holdings() =
        Holdings(
            hasCard = true,
            cardCondition = CardCondition.IN_HAND,
            registeredForInsurance = true,
            hasSmartphone = true,
            smartphoneInsuranceCard = false,
            carriesNotice = false,
            needsHelper = false,
            hasMyNumber = true,
        )

    private fun draft(
        issued: LocalDate? = LocalDate.of(2023, 1, 10),
        movedOn: LocalDate? = null,
    ) = MemberDraft(
        displayName = "山田 さくら",
        relationship = Relationship.CHILD,
        facts = Facts(birthDate = LocalDate.of(2015, 5, 5), cardIssuedOn = issued, movedOn = movedOn),
        holdings = holdings(),
    )

    @Test
    fun theWholeFlow() {
        val store = MapSecretStore()
        val companion = ShikakuCompanion.open(dir.path, store, Locale.JA)
        assertTrue(store.secrets.isNotEmpty(), "the master key went to the Kotlin store")
        val member = companion.addMember(draft(movedOn = LocalDate.now().minusDays(3)))
        assertEquals(LocalDate.of(2015, 5, 5), member.facts.birthDate)

        val pdf = File(fixtures, "shikaku-kenpo.pdf").readBytes()
        val report = companion.importDocument(member.id, pdf)
        assertEquals("06139992", report.info.fields.insurerNumber)
        assertEquals(LocalDate.of(1985, 4, 12), report.info.fields.birthDate)
        assertArrayEquals(pdf, companion.document(member.id))

        val board = companion.dashboard()
        assertEquals(member.id, board[0].memberId)
        assertEquals(DeadlineKind.MOVE_IN_DUE, board[0].upcoming[0].kind)

        val card = companion.clinicCard(member.id)
        assertTrue(card.staffNoteJa.contains("マイナンバーカードと一緒に"))
        assertTrue(card.recordAvailableOffline)
        val display = companion.counterDisplay(member.id)
        assertEquals(card, display.card)
        assertArrayEquals(pdf, display.pdf)

        val plan = companion.reminderPlan(64u)
        assertTrue(plan.reminders.isNotEmpty())
        companion.acknowledge(plan.reminders[0].id)
        assertFalse(companion.reminderPlan(64u).reminders.any { it.id == plan.reminders[0].id })

        val ics = companion.exportIcs(IcsOptions(memberId = null, includeNames = false))
        assertTrue(ics.contains("BEGIN:VEVENT"))
        assertFalse(ics.contains("山田"))

        assertEquals(listOf(PresentWay.MYNA_CARD), companion.guidance(member.id).advice.primary)
        assertEquals(FlowNode.NO_CARD, companion.walkPreparation(listOf(false, false)).node)
        val matrix = companion.qr("https://myna.go.jp/")
        assertEquals((matrix.size * matrix.size).toInt(), matrix.modules.size)
        val share = companion.shareMember(member.id, false)
        assertTrue(share.code.startsWith("SHIKAKU-MEMBER:2:"))
        assertEquals(null, share.oneTimeCode)
        assertFalse(companion.inspectMemberCode(share.code).needsOneTimeCode)
        companion.close()
    }

    /**
     * R4 through the member form, as a shell enters it: moved to another municipality,
     * filed the 転入届 with the card and did nothing else: valid 90 days later.
     */
    @Test
    fun aMoveEnteredThroughTheFormWithTheCardAtTheMoveInNoticeStaysValid() {
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        val today = LocalDate.now()
        val values =
            mutableMapOf(
                "display_name" to "佐藤 花子",
                "birth_date" to "昭和60年4月12日",
                "card_issued_on" to today.minusYears(2).toString(),
                "moved_on" to today.minusDays(110).toString(),
                "move_in_filed_on" to today.minusDays(100).toString(),
            )
        val form = companion.memberForm(null, values)
        val question = form.sections.flatMap { it.fields }.single { it.id == "continued_use_at_move_in" }
        assertTrue(question.shown, "asked once the 転入届 is filed")
        assertEquals(
            "昭和60年4月12日",
            form.sections
                .flatMap { it.fields }
                .single { it.id == "birth_date" }
                .value,
        )
        values["moved_within_municipality"] = "no"
        values["continued_use_at_move_in"] = "yes"
        val saved = companion.submitMemberForm(null, values)
        assertTrue(saved is FormOutcome.Saved, "$saved")
        val member = (saved as FormOutcome.Saved).member
        assertEquals(today.minusDays(100), member.facts.continuedUseDoneOn)
        assertEquals(
            CardState.VALID,
            companion
                .memberStatus(member.id)
                .evaluation.results.cardState,
        )

        // Without the card at the 転入届, and nothing since: the card is void (失効).
        companion.submitMemberForm(member.id, mapOf("continued_use_at_move_in" to "no"))
        assertEquals(
            CardState.INVALID_MOVED,
            companion
                .memberStatus(member.id)
                .evaluation.results.cardState,
        )

        // A value the form cannot read comes back beside its field, worded.
        val refused = companion.submitMemberForm(member.id, mapOf("card_issued_on" to "令和7年2月30日"))
        assertTrue(refused is FormOutcome.Invalid, "$refused")
        val error = (refused as FormOutcome.Invalid).errors.single()
        assertEquals(Field.CARD_ISSUED_ON, error.field)
        assertEquals(Reason.NotADate, error.reason)
        assertEquals(
            error.message,
            refused.form.sections
                .flatMap { it.fields }
                .single { it.id == "card_issued_on" }
                .error,
        )
        companion.close()
    }

    @Test
    fun aMemberMovesWithTheirNumbersOnlyUnderTheOneTimeCode() {
        val sender = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        val fields = DocumentFields(insurerNumber = "06139992", symbol = "4123", number = "5678")
        val member = sender.addMember(draft().copy(insuranceFields = fields))
        val share = sender.shareMember(member.id, true)
        val oneTimeCode = share.oneTimeCode!!
        assertFalse(share.code.contains("06139992"))
        val receiver = ShikakuCompanion.open(File(dir, "other").path, MapSecretStore(), Locale.EN)
        assertTrue(receiver.inspectMemberCode(share.code).needsOneTimeCode)
        val missing = assertThrows<ShikakuException.InvalidInput> { receiver.receiveMember(share.code, null) }
        assertEquals(Field.ONE_TIME_CODE, missing.field)
        val wrong = assertThrows<ShikakuException.InvalidInput> { receiver.receiveMember(share.code, "0000000000") }
        assertEquals(Reason.OneTimeCodeWrong, wrong.reason)
        assertEquals(fields, receiver.receiveMember(share.code, oneTimeCode).insuranceFields)
        sender.close()
        receiver.close()
    }

    @Test
    fun errorsArriveAsTypedExceptions() {
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.EN)
        val member = companion.addMember(draft())
        assertThrows<ShikakuException.NotAPdf> {
            companion.importDocument(member.id, File(fixtures, "not-a-pdf.png").readBytes())
        }
        assertThrows<ShikakuException.DocumentEncrypted> {
            companion.importDocument(member.id, File(fixtures, "shikaku-encrypted.pdf").readBytes())
        }
        assertThrows<ShikakuException.NotFound> { companion.document(member.id) }
        val invalid = assertThrows<ShikakuException.InvalidInput> { companion.addMember(draft(issued = LocalDate.of(2010, 1, 1))) }
        assertEquals(Field.CARD_ISSUED_ON, invalid.field)
        assertEquals(Reason.EarlierThan(Field.BIRTH_DATE), invalid.reason)
        assertEquals(
            "「マイナンバーカードの発行日」を確認してください。「生年月日」より前の日付にはできません。",
            describeErrorFor(Locale.JA, invalid),
        )
        companion.importDocument(member.id, File(fixtures, "shikaku-kenpo.pdf").readBytes())
        val refused =
            assertThrows<ShikakuException.InvalidInput> {
                companion.setDocumentFields(member.id, DocumentFields(number = "123456789018"))
            }
        assertEquals(Field.INSURANCE_NUMBER, refused.field)
        assertEquals(Reason.MyNumberRefused, refused.reason)
        companion.close()
        assertThrows<ShikakuException.VaultLocked> { ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.EN) }
    }

    @Test
    fun contentRefreshRunsAsACoroutine() {
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/bundle.json") { exchange ->
            val body = "not a signed bundle".toByteArray()
            exchange.sendResponseHeaders(200, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        server.start()
        val closedPort = ServerSocket(0).use { it.localPort }
        try {
            runBlocking {
                val served = async { runCatching { companion.refreshContent("http://127.0.0.1:${server.address.port}/bundle.json") } }
                val refused = async { runCatching { companion.refreshContent("http://127.0.0.1:$closedPort/bundle.json") } }
                val outcomes = listOf(served.await(), refused.await())
                // One of the two may find the other in flight; neither installs anything.
                assertTrue(
                    outcomes.all { result ->
                        result.fold(
                            { it is RefreshOutcome.Rejected || it is RefreshOutcome.Busy },
                            { it is ShikakuException.Network },
                        )
                    },
                    "$outcomes",
                )
                assertThrows<ShikakuException.Network> {
                    runBlocking { companion.refreshContent("http://127.0.0.1:$closedPort/b.json") }
                }
                val rejected = companion.refreshContent("http://127.0.0.1:${server.address.port}/bundle.json")
                assertTrue(rejected is RefreshOutcome.Rejected, "$rejected")
            }
            assertEquals(1uL, companion.contentVersion())
        } finally {
            server.stop(0)
            companion.close()
        }
    }

    @Test
    fun screensGetTheirWordsFromTheCore() {
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        companion.addMember(draft(movedOn = LocalDate.now().minusDays(20)))
        val row = companion.householdView().single()
        assertEquals("山田 さくら", row.displayName)
        assertTrue(row.accessibilityLabel.contains(row.stateLabel))
        assertTrue(row.overdue.isNotEmpty(), "the move-in notice is overdue")
        assertEquals(
            companion
                .dashboard()
                .single()
                .overdue.size,
            row.overdue.size,
        )
        assertEquals("窓口で見せる", companion.shellTexts().showAtCounter)
        assertEquals("Show at the counter", shellTextsFor(Locale.EN).showAtCounter)
        assertEquals(LocalDate.of(2025, 6, 16), companion.parseDateInput("令和7年6月16日"))
        // An exception the core raised goes back across the FFI to be worded.
        val error = assertThrows<ShikakuException.NotAPdf> { companion.importDocument(row.memberId, byteArrayOf(1, 2, 3)) }
        assertTrue(companion.describeError(error).startsWith("PDFではない"))
        assertTrue(describeErrorFor(Locale.EN, error).startsWith("This file is not a PDF"))
        companion.close()
    }

    @Test
    fun aKeystoreExceptionBecomesATypedErrorNotACrash() {
        val companion = ShikakuCompanion.open(dir.path, MapSecretStore(), Locale.JA)
        companion.close()
        val failing =
            object : SecretStore {
                override fun getSecret(name: String): ByteArray? = throw java.security.KeyStoreException("Keystore is locked")

                override fun setSecret(
                    name: String,
                    secret: ByteArray,
                ) = throw java.security.KeyStoreException("Keystore is locked")

                override fun deleteSecret(name: String) = Unit
            }
        val error = assertThrows<ShikakuException.SecretStore> { ShikakuCompanion.open(dir.path, failing, Locale.JA) }
        assertEquals("java.security.KeyStoreException: Keystore is locked", error.reason)
        assertTrue(describeErrorFor(Locale.JA, error).startsWith("端末の鍵の保管場所"))
        // A fresh directory: the key cannot be stored either.
        val fresh = File(dir, "fresh").path
        assertThrows<ShikakuException.SecretStore> { ShikakuCompanion.open(fresh, failing, Locale.EN) }
    }
}
