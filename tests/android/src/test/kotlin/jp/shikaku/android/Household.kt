package jp.shikaku.android

import jp.shikaku.core.DocumentFields
import jp.shikaku.core.Facts
import jp.shikaku.core.Member
import jp.shikaku.core.Relationship
import jp.shikaku.core.ShikakuCompanionInterface
import jp.shikaku.core.newMemberDraft
import java.io.File
import java.time.LocalDate

/** The committed 資格情報 PDF the core's own tests import. */
val kenpoPdf: File get() = File(System.getProperty("shikaku.fixtures"), "shikaku-kenpo.pdf")

/** The committed 資格情報 PDF of another person (鈴木 一郎, born 平成元年1月8日). */
val kokuhoPdf: File get() = File(System.getProperty("shikaku.fixtures"), "shikaku-kokuho.pdf")

/**
 * A member whose electronic certificate expires in [certDays] days: the core plans
 * reminders before that deadline; with [insurance], the numbers typed from the お知らせ.
 */
fun ShikakuCompanionInterface.addMember(
    name: String,
    relationship: Relationship = Relationship.MYSELF,
    certDays: Long = 40,
    insurance: DocumentFields? = null,
): Member {
    val today = LocalDate.now()
    val born = LocalDate.of(1985, 4, 12)
    return addMember(
        newMemberDraft(born).copy(
            displayName = name,
            relationship = relationship,
            facts = Facts(birthDate = born, cardIssuedOn = LocalDate.of(2021, 6, 1), certExpiresOn = today.plusDays(certDays)),
            insuranceFields = insurance,
        ),
    )
}
