//! R13: whom guidance tells a member to ask, and how their 資格確認書 is issued.
//!
//! An insurer's own content (a signed bundle, [`crate::content`]) speaks for every
//! member when it is installed. Without it, the member's insurer type, read from the
//! 保険者番号 on their 資格情報 (R13), picks the defaults: the name of whom to ask and
//! whether a 資格確認書 comes without an application (国民健康保険: to members without
//! マイナ保険証, S4; 後期高齢者医療: to everyone through 2026-07-31, then on request;
//! employee insurers: on request, S3). An unknown type keeps the built-in defaults.

use chrono::NaiveDate;

use crate::content::{InsurerDetails, LocalizedText};
use crate::i18n::{Locale, MessageId, Texts, ids};
use crate::rules::InsurerType;
use crate::rules::dates::civil;

/// The last day 後期高齢者医療 members receive a 資格確認書 without applying (MHLW's
/// transitional measure, RULES.md R13).
pub const LATE_STAGE_CERTIFICATE_WITHOUT_APPLICATION_UNTIL: NaiveDate = civil(2026, 7, 31);

impl InsurerType {
    /// Whom a member of this type asks, as guidance names them.
    pub fn contact_name_id(self) -> MessageId {
        use InsurerType as T;
        match self {
            T::NationalHealthInsurance => ids::INSURER_TYPE_NATIONAL_HEALTH_INSURANCE,
            T::KyokaiKenpo => ids::INSURER_TYPE_KYOKAI_KENPO,
            T::SeamensInsurance => ids::INSURER_TYPE_SEAMENS_INSURANCE,
            T::HealthInsuranceSociety => ids::INSURER_TYPE_HEALTH_INSURANCE_SOCIETY,
            T::SelfDefenseForces => ids::INSURER_TYPE_SELF_DEFENSE_FORCES,
            T::MutualAidAssociation => ids::INSURER_TYPE_MUTUAL_AID_ASSOCIATION,
            T::LateStageElderly => ids::INSURER_TYPE_LATE_STAGE_ELDERLY,
            T::SpecialRetiree => ids::INSURER_TYPE_SPECIAL_RETIREE,
        }
    }

    /// Whether this type of insurer issues a 資格確認書 without an application on `today`
    /// to members who cannot use マイナ保険証.
    pub fn issues_certificate_without_application(self, today: NaiveDate) -> bool {
        match self {
            InsurerType::NationalHealthInsurance => true,
            InsurerType::LateStageElderly => {
                today <= LATE_STAGE_CERTIFICATE_WITHOUT_APPLICATION_UNTIL
            }
            _ => false,
        }
    }
}

/// The insurer guidance speaks of for a member: `own` (the installed insurer's content)
/// when there is one; else the defaults of `insurer_type`, worded from `texts`; else
/// `built_in`.
pub fn insurer_for_member(
    own: Option<&InsurerDetails>,
    built_in: &InsurerDetails,
    insurer_type: Option<InsurerType>,
    texts: &Texts,
    today: NaiveDate,
) -> InsurerDetails {
    if let Some(own) = own {
        return own.clone();
    }
    let Some(kind) = insurer_type else {
        return built_in.clone();
    };
    let mut details = built_in.clone();
    details.name = LocalizedText {
        ja: texts.words(Locale::Ja).label(kind.contact_name_id()),
        en: texts.words(Locale::En).label(kind.contact_name_id()),
    };
    details.phone = None;
    details.eligibility_certificate.issued_without_application =
        kind.issues_certificate_without_application(today);
    details
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_content_wins_and_the_type_picks_the_defaults_otherwise() {
        let built_in = InsurerDetails::embedded();
        let texts = Texts::built_in();
        let today = civil(2026, 11, 21);
        let mut own = built_in.clone();
        own.phone = Some("03-5217-3162".into());
        let chosen = insurer_for_member(
            Some(&own),
            &built_in,
            Some(InsurerType::NationalHealthInsurance),
            &texts,
            today,
        );
        assert_eq!(chosen, own);
        let kokuho = insurer_for_member(
            None,
            &built_in,
            Some(InsurerType::NationalHealthInsurance),
            &texts,
            today,
        );
        assert!(
            kokuho.name.ja.contains("国民健康保険"),
            "{}",
            kokuho.name.ja
        );
        assert!(kokuho.name.en.contains("National Health Insurance"));
        assert!(kokuho.eligibility_certificate.issued_without_application);
        let society = insurer_for_member(
            None,
            &built_in,
            Some(InsurerType::HealthInsuranceSociety),
            &texts,
            today,
        );
        assert!(!society.eligibility_certificate.issued_without_application);
        assert_eq!(
            insurer_for_member(None, &built_in, None, &texts, today),
            built_in
        );
        for kind in InsurerType::ALL {
            let details = insurer_for_member(None, &built_in, Some(kind), &texts, today);
            assert_eq!(details.check(), Ok(()), "{kind:?}");
        }
    }

    #[test]
    fn late_stage_elderly_members_got_a_certificate_unasked_through_july_2026() {
        let kind = InsurerType::LateStageElderly;
        assert!(kind.issues_certificate_without_application(civil(2026, 7, 31)));
        assert!(!kind.issues_certificate_without_application(civil(2026, 8, 1)));
    }
}
