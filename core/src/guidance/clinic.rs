//! The clinic card: one member's screen shown across the counter (R8). The staff note is
//! always Japanese, whatever the user's language, in the member's own humble voice; the
//! key fields are large; the insurer's phone number is shown when known; warnings tell
//! the member when this is not enough. It never suggests that the 資格情報 or the
//! お知らせ is enough on its own, and it points to the 資格確認書 whenever the card cannot
//! be used. While a new insurer has not registered the member yet (R7), the note says
//! to check the card with the 資格情報 or that the 被保険者資格申立書 will be filled in.

use chrono::NaiveDate;
use fluent_bundle::FluentValue;
use serde::{Deserialize, Serialize};

use super::{PresentInput, PresentWay, what_to_present};
use crate::content::InsurerDetails;
use crate::household::{Deadline, DeadlineKind, Member, MemberStatus};
use crate::i18n::{Locale, MessageId, Words, ids};
use crate::rules::CardState;
use crate::vault::DocumentInfo;
use crate::vault::Staleness;

/// A field the staff read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ClinicFieldKind {
    Name,
    InsurerNumber,
    SymbolNumberBranch,
    CopayShare,
    InsurerName,
    BirthDate,
    /// The insurer's phone number, for the staff to confirm eligibility.
    InsurerPhone,
}

/// A field of the clinic card: its Japanese label (for the staff), its label in the
/// user's language, and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClinicField {
    pub kind: ClinicFieldKind,
    pub label_ja: String,
    pub label: String,
    pub value: Option<String>,
    /// Shown large: the fields the staff copy.
    pub large: bool,
    /// False when the value was read from the PDF and the member has not confirmed it
    /// yet: the screen marks it.
    pub confirmed: bool,
}

/// Why the member should look twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum ClinicWarningKind {
    /// The card cannot be used: this screen is not enough; a 資格確認書 is needed.
    CardNotUsable,
    /// The certificate expired; the card works for eligibility only, until a date.
    CertificateInGrace,
    /// The stored 資格情報 is old.
    RecordStale,
    /// No 資格情報 is stored: the reader's fallback is the お知らせ or the 申立書.
    NoRecordStored,
    /// The 資格確認書 expired.
    EligibilityCertificateExpired,
    /// A new insurer has not registered the member yet (R7): the reader may not confirm
    /// the card until a day.
    RegistrationPending,
    /// The stored 資格情報's 氏名 or 生年月日 is not the member's: it may be someone
    /// else's (until the member confirms it or imports another).
    RecordMismatch,
}

/// A warning in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClinicWarning {
    pub kind: ClinicWarningKind,
    pub text: String,
}

/// The clinic card of one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct ClinicCard {
    pub member_id: String,
    pub display_name: String,
    /// For the staff, always in Japanese: what is presented and why.
    pub staff_note_ja: String,
    /// The same note in the user's language, so the member knows what it says.
    pub staff_note_translated: String,
    pub fields: Vec<ClinicField>,
    pub warnings: Vec<ClinicWarning>,
    /// The 資格情報 PDF is stored (encrypted) on the device and opens offline.
    pub record_available_offline: bool,
    /// What the member shows, best first (empty: nothing that proves insurance).
    pub presenting: Vec<PresentWay>,
}

/// What a tap on "show at the counter" shows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct CounterDisplay {
    pub card: ClinicCard,
    /// The member's current 資格情報 PDF, exactly as imported; `None` exactly when the
    /// card says the record is not available offline.
    pub pdf: Option<Vec<u8>>,
}

fn field(
    kind: ClinicFieldKind,
    words: Words<'_>,
    value: Option<String>,
    large: bool,
    confirmed: bool,
) -> ClinicField {
    let id = kind.message_id();
    ClinicField {
        kind,
        label_ja: words.in_locale(Locale::Ja).label(id),
        label: words.label(id),
        value,
        large,
        confirmed,
    }
}

/// R7: the first day マイナ保険証 works with a new insurer, while it is still to come.
fn registration_pending(status: &MemberStatus) -> Option<&Deadline> {
    let today_or_later = status
        .upcoming
        .iter()
        .find(|d| d.kind == DeadlineKind::InsuranceUsableFrom)?;
    (today_or_later.days_left > 0).then_some(today_or_later)
}

/// The staff note's message id, and its date arguments.
fn staff_note(
    card_usable: bool,
    certificate_valid: bool,
    has_record: bool,
    status: &MemberStatus,
) -> (MessageId, Option<NaiveDate>) {
    let grace_until = (status.card_state() == CardState::Grace)
        .then_some(status.evaluation.results.insurance_use_until)
        .flatten();
    if card_usable && registration_pending(status).is_some() {
        return (ids::STAFF_NOTE_REGISTRATION_PENDING, None);
    }
    match (card_usable, certificate_valid, has_record) {
        (true, _, true) if grace_until.is_some() => {
            (ids::STAFF_NOTE_CARD_WITH_RECORD_IN_GRACE, grace_until)
        }
        (true, _, true) => (ids::STAFF_NOTE_CARD_WITH_RECORD, None),
        (true, _, false) if grace_until.is_some() => {
            (ids::STAFF_NOTE_CARD_ONLY_IN_GRACE, grace_until)
        }
        (true, _, false) => (ids::STAFF_NOTE_CARD_ONLY, None),
        (false, true, _) => (ids::STAFF_NOTE_ELIGIBILITY_CERTIFICATE, None),
        (false, false, _) => (ids::STAFF_NOTE_NOT_ENOUGH, None),
    }
}

/// The clinic card of `member` on `today`, with their stored document's details and
/// their insurer's (for its phone number).
pub fn clinic_card(
    member: &Member,
    status: &MemberStatus,
    document: Option<&DocumentInfo>,
    insurer: &InsurerDetails,
    words: Words<'_>,
) -> ClinicCard {
    let input = PresentInput::for_member(member, status, document.is_some());
    let advice = what_to_present(&input);
    let card_usable = input.card_usable();
    let certificate_valid = status.eligibility_certificate_valid == Some(true);
    let (note_id, note_date) =
        staff_note(card_usable, certificate_valid, document.is_some(), status);
    let note = |words: Words<'_>| {
        let args: Vec<(&str, FluentValue<'_>)> = note_date
            .map(|d| vec![("date", words.date(d).into())])
            .unwrap_or_default();
        words.text(note_id, &args)
    };

    // The stored PDF's fields (confirmed or not), else the numbers the member typed.
    let (fields_of, read_unconfirmed) = match document {
        Some(info) => (Some(&info.fields), !info.fields_confirmed),
        None => (member.insurance_fields.as_ref(), false),
    };
    let get = |f: fn(&crate::vault::DocumentFields) -> Option<String>| fields_of.and_then(f);
    let symbol_number_branch = fields_of.and_then(|f| {
        let parts: Vec<&str> = [&f.symbol, &f.number, &f.branch]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        (!parts.is_empty()).then(|| parts.join("・"))
    });
    // Name and birth date come from the same place: the record when it has them, so a
    // record's name never stands beside the member's birth date.
    let (name, name_read) = match get(|f| f.name.clone()) {
        Some(name) => (name, true),
        None => (
            member
                .name_as_printed
                .clone()
                .unwrap_or_else(|| member.display_name.clone()),
            false,
        ),
    };
    let (born, born_read) = match fields_of.and_then(|f| f.birth_date) {
        Some(day) => (day, true),
        None => (member.facts.birth_date, false),
    };
    let read = |value: Option<String>, large: bool, kind: ClinicFieldKind| {
        let confirmed = !(read_unconfirmed && value.is_some());
        field(kind, words, value, large, confirmed)
    };
    let mut fields = vec![
        field(
            ClinicFieldKind::Name,
            words,
            Some(name),
            true,
            !(read_unconfirmed && name_read),
        ),
        read(
            get(|f| f.insurer_number.clone()),
            true,
            ClinicFieldKind::InsurerNumber,
        ),
        read(
            symbol_number_branch,
            true,
            ClinicFieldKind::SymbolNumberBranch,
        ),
        read(
            get(|f| f.copay_share.clone()),
            true,
            ClinicFieldKind::CopayShare,
        ),
        read(
            get(|f| f.insurer_name.clone()),
            false,
            ClinicFieldKind::InsurerName,
        ),
        field(
            ClinicFieldKind::BirthDate,
            words,
            Some(crate::rules::era::format_era_date(born).unwrap_or_else(|| born.to_string())),
            false,
            !(read_unconfirmed && born_read),
        ),
    ];
    if let Some(phone) = &insurer.phone {
        fields.push(field(
            ClinicFieldKind::InsurerPhone,
            words,
            Some(phone.clone()),
            false,
            true,
        ));
    }

    let mut warnings = Vec::new();
    let mut warn = |kind: ClinicWarningKind, id: MessageId, date: Option<NaiveDate>| {
        let args: Vec<(&str, FluentValue<'_>)> = date
            .map(|d| vec![("date", words.date(d).into())])
            .unwrap_or_default();
        warnings.push(ClinicWarning {
            kind,
            text: words.text(id, &args),
        });
    };
    if !card_usable {
        warn(
            ClinicWarningKind::CardNotUsable,
            if certificate_valid {
                ids::CLINIC_WARNING_CARD_NOT_USABLE_CERTIFICATE
            } else {
                ids::CLINIC_WARNING_CARD_NOT_USABLE
            },
            None,
        );
    }
    if card_usable && let Some(usable_from) = registration_pending(status) {
        warn(
            ClinicWarningKind::RegistrationPending,
            if usable_from.estimated {
                ids::CLINIC_WARNING_REGISTRATION_PENDING_EARLIEST
            } else {
                ids::CLINIC_WARNING_REGISTRATION_PENDING
            },
            Some(usable_from.date),
        );
    }
    if card_usable && status.card_state() == CardState::Grace {
        warn(
            ClinicWarningKind::CertificateInGrace,
            ids::CLINIC_WARNING_GRACE,
            status.evaluation.results.insurance_use_until,
        );
    }
    match document {
        Some(info) if info.staleness != Staleness::Fresh => {
            warn(
                ClinicWarningKind::RecordStale,
                ids::CLINIC_WARNING_RECORD_STALE,
                None,
            );
        }
        None if card_usable => {
            warn(
                ClinicWarningKind::NoRecordStored,
                ids::CLINIC_WARNING_NO_RECORD,
                None,
            );
        }
        _ => {}
    }
    if status.eligibility_certificate_valid == Some(false) {
        warn(
            ClinicWarningKind::EligibilityCertificateExpired,
            ids::CLINIC_WARNING_CERTIFICATE_EXPIRED,
            member.eligibility_certificate_expires_on,
        );
    }

    // Whether the record is the member's: last, after every dated warning.
    if let Some(info) = document {
        let mismatched = |field: &str| {
            info.warnings
                .iter()
                .any(|w| w.field == field && w.code.is_identity())
        };
        let what = match (mismatched("name"), mismatched("birth_date")) {
            (true, true) => Some("both"),
            (true, false) => Some("name"),
            (false, true) => Some("birth_date"),
            (false, false) => None,
        };
        if let Some(what) = what {
            warnings.push(ClinicWarning {
                kind: ClinicWarningKind::RecordMismatch,
                text: words.text(
                    ids::CLINIC_WARNING_RECORD_MISMATCH,
                    &[("what", what.into())],
                ),
            });
        }
    }

    ClinicCard {
        member_id: member.id.clone(),
        display_name: member.display_name.clone(),
        staff_note_ja: note(words.in_locale(Locale::Ja)),
        staff_note_translated: note(words),
        fields,
        warnings,
        record_available_offline: document.is_some(),
        presenting: advice.primary,
    }
}
