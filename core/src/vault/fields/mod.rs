//! Best-effort extraction of the fields a member needs at the counter and for claims
//! from the text of a 資格情報 PDF, and the checks every such field passes whether read
//! or typed: [`check_stored_text`] for every text (no control or bidi characters, no
//! マイナンバー anywhere: R10), R11 for the 保険者番号, no 12-digit number at all for
//! the insurance numbers (R10), R9 for era dates.
//!
//! Extraction never blocks an import: an unknown layout leaves fields empty, and a value
//! that fails its check is dropped with a warning, for the member to confirm or type.
//!
//! Reading the fields from the rows and cells of a PDF's text is the `extract`
//! module's work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Reason, Result};
use crate::rules::insurer_number::validate_insurer_number;
use crate::rules::my_number::screen_insurance_field;
use crate::stored_text::check_stored_text;

mod extract;

use extract::{copay_share, is_branch};
pub use extract::{extract_fields, extract_from_layout, normalize, parse_document_date};

/// The fields of a 資格情報 the app keeps (sealed, like everything personal).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DocumentFields {
    /// 保険者名称
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurer_name: Option<String>,
    /// 保険者番号 (6 or 8 digits, check digit valid)
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub insurer_number: Option<String>,
    /// 記号
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub symbol: Option<String>,
    /// 番号
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub number: Option<String>,
    /// 枝番 (2 digits)
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub branch: Option<String>,
    /// 氏名
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub name: Option<String>,
    /// 生年月日
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub birth_date: Option<NaiveDate>,
    /// 負担割合, e.g. "3割"
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub copay_share: Option<String>,
    /// 資格取得年月日
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub qualified_on: Option<NaiveDate>,
    /// The date the 資格情報 was output or issued (出力日, 交付年月日)
    #[serde(default)]
    #[cfg_attr(feature = "ffi", uniffi(default = None))]
    pub issued_on: Option<NaiveDate>,
}

/// What a document warning says, by a stable name (its JSON value, never renamed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ffi", derive(uniffi::Enum))]
pub enum WarningCode {
    /// A value is there but cannot be read as this field: not kept.
    #[default]
    Unreadable,
    /// R10: a 12-digit number (a マイナンバー) where an insurance number belongs: not kept.
    MyNumberRefused,
    /// R11: the 保険者番号 has the wrong length or check digit: not kept.
    InsurerNumberInvalid,
    /// The 氏名 is not the member's, once spaces, width and kana are set aside.
    NameMismatch,
    /// The 氏名 is written in kanji on one side and in kana on the other: the app cannot
    /// tell whether it is the member's.
    NameScriptDiffers,
    /// The 生年月日 is not the member's.
    BirthDateMismatch,
}

impl WarningCode {
    /// Every code, for tests and catalogues.
    pub const ALL: [WarningCode; 6] = [
        WarningCode::Unreadable,
        WarningCode::MyNumberRefused,
        WarningCode::InsurerNumberInvalid,
        WarningCode::NameMismatch,
        WarningCode::NameScriptDiffers,
        WarningCode::BirthDateMismatch,
    ];

    /// Whether the warning says the document may be someone else's (rather than a
    /// value that could not be read).
    pub fn is_identity(self) -> bool {
        matches!(
            self,
            WarningCode::NameMismatch
                | WarningCode::NameScriptDiffers
                | WarningCode::BirthDateMismatch
        )
    }
}

/// Something about one field of a document the member should look at: a value read but
/// not kept, or a value that does not match the member. `field` is the field's key in
/// [`DocumentFields`]' JSON, `code` says what is wrong, `reason` adds a detail in English
/// for logs (never a value read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct FieldWarning {
    pub field: String,
    /// Warnings stored before codes existed read as `unreadable`.
    #[serde(default)]
    pub code: WarningCode,
    pub reason: String,
}

/// The fields found in a document's text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ffi", derive(uniffi::Record))]
pub struct Extraction {
    pub fields: DocumentFields,
    pub warnings: Vec<FieldWarning>,
}

/// The longest text a field keeps.
pub const MAX_FIELD_CHARS: usize = 80;

impl DocumentFields {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == DocumentFields::default()
    }

    /// Checks fields typed or confirmed by the member; the first failure names its field.
    pub fn validate(&self) -> Result<()> {
        let texts = [
            (Field::InsurerName, &self.insurer_name),
            (Field::InsurerNumber, &self.insurer_number),
            (Field::InsuranceSymbol, &self.symbol),
            (Field::InsuranceNumber, &self.number),
            (Field::InsuranceBranch, &self.branch),
            (Field::InsuredName, &self.name),
            (Field::CopayShare, &self.copay_share),
        ];
        for (field, value) in texts {
            let Some(value) = value else {
                continue;
            };
            if value.trim().is_empty() || value.chars().count() > MAX_FIELD_CHARS {
                return Err(Error::invalid(
                    field,
                    Reason::Length {
                        min: 1,
                        max: MAX_FIELD_CHARS as u32,
                    },
                ));
            }
            check_stored_text(value).map_err(|reason| Error::invalid(field, reason))?;
        }
        for (field, value) in [
            (Field::InsurerNumber, &self.insurer_number),
            (Field::InsuranceSymbol, &self.symbol),
            (Field::InsuranceNumber, &self.number),
            (Field::InsuranceBranch, &self.branch),
        ] {
            if let Some(value) = value {
                screen_insurance_field(value)
                    .map_err(|_| Error::invalid(field, Reason::MyNumberRefused))?;
            }
        }
        if let Some(number) = &self.insurer_number {
            validate_insurer_number(number)
                .map_err(|e| Error::invalid(Field::InsurerNumber, e.reason()))?;
        }
        if let Some(branch) = &self.branch
            && !is_branch(branch)
        {
            return Err(Error::invalid(Field::InsuranceBranch, Reason::BranchDigits));
        }
        if let Some(share) = &self.copay_share
            && copay_share(share).as_deref() != Some(share.as_str())
        {
            return Err(Error::invalid(Field::CopayShare, Reason::CopayShareForm));
        }
        Ok(())
    }
}
