//! R13: the kind of insurer a 保険者番号 belongs to.
//!
//! 6 digits: 国民健康保険 (a municipality or a 国保組合). 8 digits: the first two are the
//! 法別番号: 01 協会けんぽ, 02 船員保険, 06 健康保険組合, 07 自衛官等, 31–34 共済組合,
//! 39 後期高齢者医療, 63 特例退職被保険者. The type picks the default guidance (whom to
//! ask, how the 資格確認書 is issued) when no insurer's own content is installed.

use serde::{Deserialize, Serialize};

use super::insurer_number::validate_insurer_number;

/// The kind of insurer, as the 保険者番号 tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum InsurerType {
    /// 国民健康保険: a municipality or a 国民健康保険組合 (6 digits).
    NationalHealthInsurance,
    /// 全国健康保険協会 (協会けんぽ), 法別 01.
    KyokaiKenpo,
    /// 船員保険, 法別 02.
    SeamensInsurance,
    /// 健康保険組合, 法別 06.
    HealthInsuranceSociety,
    /// 自衛官等の療養の給付, 法別 07.
    SelfDefenseForces,
    /// 共済組合, 法別 31–34.
    MutualAidAssociation,
    /// 後期高齢者医療, 法別 39.
    LateStageElderly,
    /// 特例退職被保険者 of a 特定健康保険組合, 法別 63.
    SpecialRetiree,
}

impl InsurerType {
    /// Every type, in the order of RULES.md.
    pub const ALL: [InsurerType; 8] = [
        InsurerType::NationalHealthInsurance,
        InsurerType::KyokaiKenpo,
        InsurerType::SeamensInsurance,
        InsurerType::HealthInsuranceSociety,
        InsurerType::SelfDefenseForces,
        InsurerType::MutualAidAssociation,
        InsurerType::LateStageElderly,
        InsurerType::SpecialRetiree,
    ];
}

/// The type of the insurer whose 保険者番号 is `number` (check digit verified, R11);
/// `None` for an invalid number or a 法別番号 outside R13's list.
pub fn insurer_type(number: &str) -> Option<InsurerType> {
    let digits = validate_insurer_number(number).ok()?;
    if digits.len() == 6 {
        return Some(InsurerType::NationalHealthInsurance);
    }
    Some(match digits.get(..2)? {
        "01" => InsurerType::KyokaiKenpo,
        "02" => InsurerType::SeamensInsurance,
        "06" => InsurerType::HealthInsuranceSociety,
        "07" => InsurerType::SelfDefenseForces,
        "31" | "32" | "33" | "34" => InsurerType::MutualAidAssociation,
        "39" => InsurerType::LateStageElderly,
        "63" => InsurerType::SpecialRetiree,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::insurer_number::insurer_check_digit;

    /// An 8-digit number with `law` as 法別番号 and a valid check digit.
    fn number(law: &str) -> String {
        let body: Vec<u8> = format!("{law}13001")
            .bytes()
            .map(|b| b.saturating_sub(b'0'))
            .collect();
        format!("{law}13001{}", insurer_check_digit(&body))
    }

    #[test]
    fn the_law_number_tells_the_type() {
        use InsurerType as T;
        for (law, expected) in [
            ("01", Some(T::KyokaiKenpo)),
            ("02", Some(T::SeamensInsurance)),
            ("06", Some(T::HealthInsuranceSociety)),
            ("07", Some(T::SelfDefenseForces)),
            ("31", Some(T::MutualAidAssociation)),
            ("32", Some(T::MutualAidAssociation)),
            ("33", Some(T::MutualAidAssociation)),
            ("34", Some(T::MutualAidAssociation)),
            ("39", Some(T::LateStageElderly)),
            ("63", Some(T::SpecialRetiree)),
            ("03", None),
            ("35", None),
            ("67", None),
        ] {
            assert_eq!(insurer_type(&number(law)), expected, "法別 {law}");
        }
        assert_eq!(insurer_type("33120015"), Some(T::MutualAidAssociation));
        assert_eq!(insurer_type("06130017"), Some(T::HealthInsuranceSociety));
    }

    #[test]
    fn six_digits_are_national_health_insurance_and_bad_numbers_no_type() {
        assert_eq!(
            insurer_type("138107"),
            Some(InsurerType::NationalHealthInsurance)
        );
        assert_eq!(insurer_type("138108"), None, "check digit");
        assert_eq!(insurer_type("0613001"), None, "7 digits");
    }
}
