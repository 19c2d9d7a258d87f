//! Best-effort extraction of the fields a member needs at the counter and for claims
//! from the text of a 資格情報 PDF, and the checks every such field passes whether read
//! or typed: R11 for the 保険者番号, R10 (no 12-digit number: a マイナンバー is never
//! stored) for every number, R9 for era dates.
//!
//! Extraction never blocks an import: an unknown layout leaves fields empty, and a value
//! that fails its check is dropped with a warning, for the member to confirm or type.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Field, Reason, Result};
use crate::rules::era::parse_era_date;
use crate::rules::facts::parse_iso_date;
use crate::rules::insurer_number::validate_insurer_number;
use crate::rules::my_number::screen_insurance_field;

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
            if let Some(value) = value {
                if value.trim().is_empty() || value.chars().count() > MAX_FIELD_CHARS {
                    return Err(Error::invalid(
                        field,
                        Reason::Length {
                            min: 1,
                            max: MAX_FIELD_CHARS as u32,
                        },
                    ));
                }
            }
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
        if let Some(branch) = &self.branch {
            if !is_branch(branch) {
                return Err(Error::invalid(Field::InsuranceBranch, Reason::BranchDigits));
            }
        }
        if let Some(share) = &self.copay_share {
            if copay_share(share).as_deref() != Some(share.as_str()) {
                return Err(Error::invalid(Field::CopayShare, Reason::CopayShareForm));
            }
        }
        Ok(())
    }
}

fn is_branch(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    InsurerName,
    InsurerNumber,
    SymbolNumberBranch,
    Symbol,
    Number,
    Branch,
    Name,
    BirthDate,
    CopayShare,
    QualifiedOn,
    IssuedOn,
}

/// Labels as 資格情報 layouts print them (after normalization), longest first where one
/// is the start of another.
const LABELS: &[(&str, Slot)] = &[
    ("被保険者記号・番号・枝番", Slot::SymbolNumberBranch),
    ("記号・番号・枝番", Slot::SymbolNumberBranch),
    ("記号・番号(枝番)", Slot::SymbolNumberBranch),
    ("記号・番号", Slot::SymbolNumberBranch),
    ("保険者名称", Slot::InsurerName),
    ("保険者名", Slot::InsurerName),
    ("保険者番号", Slot::InsurerNumber),
    ("被保険者等記号", Slot::Symbol),
    ("被保険者記号", Slot::Symbol),
    ("記号", Slot::Symbol),
    ("被保険者等番号", Slot::Number),
    ("被保険者番号", Slot::Number),
    ("番号", Slot::Number),
    ("枝番", Slot::Branch),
    ("氏名", Slot::Name),
    ("生年月日", Slot::BirthDate),
    ("一部負担金の割合", Slot::CopayShare),
    ("一部負担金割合", Slot::CopayShare),
    ("負担割合", Slot::CopayShare),
    ("資格取得年月日", Slot::QualifiedOn),
    ("資格取得日", Slot::QualifiedOn),
    ("出力日時", Slot::IssuedOn),
    ("出力日", Slot::IssuedOn),
    ("交付年月日", Slot::IssuedOn),
    ("交付日", Slot::IssuedOn),
    ("発行日", Slot::IssuedOn),
    ("作成日", Slot::IssuedOn),
];

/// Full-width ASCII and the ideographic space to ASCII; runs of spaces to one.
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\t' => ' ',
            '･' => '・',
            _ => c,
        })
        .collect();
    mapped
        .split(' ')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The label a line starts with, and the rest of the line.
fn split_label(line: &str) -> Option<(Slot, &str)> {
    LABELS.iter().find_map(|(label, slot)| {
        let rest = line.strip_prefix(label)?;
        let separated = rest.is_empty() || rest.starts_with([' ', ':']);
        separated.then(|| (*slot, rest.trim_start_matches([' ', ':']).trim()))
    })
}

/// A date as documents print it: an era date (R9), 2026年11月1日, 2026/11/1 or
/// 2026-11-01; a trailing time is ignored.
pub fn parse_document_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date_part = match text.find('日') {
        Some(end) => text.get(..end + '日'.len_utf8()).unwrap_or(text),
        None => text.split(' ').next().unwrap_or(text),
    };
    if let Ok(date) = parse_era_date(date_part) {
        return Some(date);
    }
    if let Some(date) = parse_iso_date(date_part) {
        return Some(date);
    }
    static GREGORIAN: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = GREGORIAN
        .get_or_init(|| Regex::new(r"^(\d{4})\s*[年/]\s*(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?$").ok())
        .as_ref()?;
    let captures = pattern.captures(date_part)?;
    let number = |i: usize| captures.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(number(1)?).ok()?, number(2)?, number(3)?)
}

/// "3割", "３割" or "3 割" → "3割".
fn copay_share(text: &str) -> Option<String> {
    let compact: String = normalize(text).chars().filter(|c| *c != ' ').collect();
    let digit = compact.strip_suffix('割')?;
    matches!(digit, "1" | "2" | "3").then(|| format!("{digit}割"))
}

/// "架空12・3456(01)" or "12345・678・00" → (記号, 番号, 枝番).
fn split_symbol_number_branch(text: &str) -> Option<(String, String, Option<String>)> {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = PATTERN
        .get_or_init(|| {
            Regex::new(r"^(.+?)\s*・\s*([^・(]+?)\s*(?:[・(]\s*(\d{1,2})\s*\)?)?$").ok()
        })
        .as_ref()?;
    let captures = pattern.captures(text.trim())?;
    let part = |i: usize| captures.get(i).map(|m| m.as_str().trim().to_owned());
    Some((part(1)?, part(2)?, part(3)))
}

struct Collector {
    extraction: Extraction,
}

impl Collector {
    fn warn(&mut self, field: &str, code: WarningCode, reason: impl Into<String>) {
        self.extraction.warnings.push(FieldWarning {
            field: field.to_owned(),
            code,
            reason: reason.into(),
        });
    }

    /// A text value, unless it is empty, too long, or (for numbers) 12 digits.
    fn text(&mut self, field: &str, value: &str, screen: bool) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if value.chars().count() > MAX_FIELD_CHARS {
            self.warn(field, WarningCode::Unreadable, "too long to be this field");
            return None;
        }
        if screen {
            if let Err(refusal) = screen_insurance_field(value) {
                self.warn(field, WarningCode::MyNumberRefused, refusal.to_string());
                return None;
            }
        }
        Some(value.to_owned())
    }

    fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let date = parse_document_date(value);
        if date.is_none() {
            self.warn(
                field,
                WarningCode::Unreadable,
                "not a date this app can read",
            );
        }
        date
    }

    fn set(&mut self, slot: Slot, value: &str) {
        // Only the first value of a field counts.
        let known = self.extraction.fields.clone();
        match slot {
            Slot::InsurerName if known.insurer_name.is_none() => {
                self.extraction.fields.insurer_name = self.text("insurer_name", value, false);
            }
            Slot::InsurerNumber if known.insurer_number.is_none() => {
                let Some(text) = self.text("insurer_number", value, true) else {
                    return;
                };
                match validate_insurer_number(&text) {
                    Ok(number) => self.extraction.fields.insurer_number = Some(number),
                    Err(error) => self.warn(
                        "insurer_number",
                        WarningCode::InsurerNumberInvalid,
                        error.to_string(),
                    ),
                }
            }
            Slot::SymbolNumberBranch if known.symbol.is_none() && known.number.is_none() => {
                match split_symbol_number_branch(value) {
                    Some((symbol, number, branch)) => {
                        self.extraction.fields.symbol = self.text("symbol", &symbol, true);
                        self.extraction.fields.number = self.text("number", &number, true);
                        if let Some(branch) = branch {
                            self.set(Slot::Branch, &branch);
                        }
                    }
                    None => self.warn(
                        "symbol",
                        WarningCode::Unreadable,
                        "記号・番号 could not be told apart",
                    ),
                }
            }
            Slot::Symbol if known.symbol.is_none() => {
                self.extraction.fields.symbol = self.text("symbol", value, true);
            }
            Slot::Number if known.number.is_none() => {
                self.extraction.fields.number = self.text("number", value, true);
            }
            Slot::Branch if known.branch.is_none() => {
                let branch = value.trim();
                if is_branch(branch) {
                    self.extraction.fields.branch = Some(branch.to_owned());
                } else {
                    self.warn("branch", WarningCode::Unreadable, "an 枝番 has 2 digits");
                }
            }
            Slot::Name if known.name.is_none() => {
                self.extraction.fields.name = self.text("name", value, false);
            }
            Slot::BirthDate if known.birth_date.is_none() => {
                self.extraction.fields.birth_date = self.date("birth_date", value);
            }
            Slot::CopayShare if known.copay_share.is_none() => match copay_share(value) {
                Some(share) => self.extraction.fields.copay_share = Some(share),
                None => self.warn(
                    "copay_share",
                    WarningCode::Unreadable,
                    "not a share such as 3割",
                ),
            },
            Slot::QualifiedOn if known.qualified_on.is_none() => {
                self.extraction.fields.qualified_on = self.date("qualified_on", value);
            }
            Slot::IssuedOn if known.issued_on.is_none() => {
                self.extraction.fields.issued_on = self.date("issued_on", value);
            }
            _ => {}
        }
    }
}

/// Reads the fields out of a document's text. A label's value is the rest of its line,
/// or the next line when the label stands alone (as text extraction returns table cells).
pub fn extract_fields(text: &str) -> Extraction {
    let lines: Vec<String> = text
        .lines()
        .map(normalize)
        .filter(|line| !line.is_empty())
        .collect();
    let mut collector = Collector {
        extraction: Extraction::default(),
    };
    for (index, line) in lines.iter().enumerate() {
        let Some((slot, rest)) = split_label(line) else {
            continue;
        };
        let value = if rest.is_empty() {
            match lines.get(index + 1) {
                Some(next) if split_label(next).is_none() => next.as_str(),
                _ => continue,
            }
        } else {
            rest
        };
        collector.set(slot, value);
    }
    collector.extraction
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::civil;

    #[test]
    fn reads_label_per_line_layouts() {
        let text = "医療保険の資格情報\n氏名\n佐藤 花子\n氏名（カナ）\nサトウ ハナコ\n生年月日\n昭和60年4月12日\n\
                    保険者名称\nみなと架空健康保険組合\n保険者番号\n06139992\n被保険者等記号\n4123\n\
                    被保険者等番号\n5678\n枝番\n00\n資格取得年月日\n令和2年4月1日\n一部負担金の割合\n3割\n出力日\n令和8年11月1日";
        let extraction = extract_fields(text);
        let f = &extraction.fields;
        assert_eq!(f.name.as_deref(), Some("佐藤 花子"));
        assert_eq!(f.birth_date, Some(civil(1985, 4, 12)));
        assert_eq!(f.insurer_name.as_deref(), Some("みなと架空健康保険組合"));
        assert_eq!(f.insurer_number.as_deref(), Some("06139992"));
        assert_eq!(f.symbol.as_deref(), Some("4123"));
        assert_eq!(f.number.as_deref(), Some("5678"));
        assert_eq!(f.branch.as_deref(), Some("00"));
        assert_eq!(f.copay_share.as_deref(), Some("3割"));
        assert_eq!(f.qualified_on, Some(civil(2020, 4, 1)));
        assert_eq!(f.issued_on, Some(civil(2026, 11, 1)));
        assert!(extraction.warnings.is_empty(), "{:?}", extraction.warnings);
    }

    #[test]
    fn reads_one_line_layouts_with_full_width_digits() {
        let text = "保険者番号：１３８９９０\n記号・番号（枝番）　架空１２・３４５６（０１）\n負担割合 ３割\n交付年月日 令和 8 年 10 月 5 日 10:15";
        let f = extract_fields(text).fields;
        assert_eq!(f.insurer_number.as_deref(), Some("138990"));
        assert_eq!(f.symbol.as_deref(), Some("架空12"));
        assert_eq!(f.number.as_deref(), Some("3456"));
        assert_eq!(f.branch.as_deref(), Some("01"));
        assert_eq!(f.copay_share.as_deref(), Some("3割"));
        assert_eq!(f.issued_on, Some(civil(2026, 10, 5)));
    }

    #[test]
    fn refuses_my_numbers_and_bad_check_digits_with_warnings() {
        let text = "被保険者等番号 123456789018\n保険者番号 06139993\n枝番 7";
        let extraction = extract_fields(text);
        assert_eq!(extraction.fields.number, None);
        assert_eq!(extraction.fields.insurer_number, None);
        assert_eq!(extraction.fields.branch, None);
        let fields: Vec<&str> = extraction
            .warnings
            .iter()
            .map(|w| w.field.as_str())
            .collect();
        assert_eq!(fields, ["number", "insurer_number", "branch"]);
        let codes: Vec<WarningCode> = extraction.warnings.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            [
                WarningCode::MyNumberRefused,
                WarningCode::InsurerNumberInvalid,
                WarningCode::Unreadable
            ]
        );
        assert!(extraction.warnings[0].reason.contains("マイナンバー"));
    }

    #[test]
    fn unknown_layouts_give_nothing() {
        let extraction = extract_fields("お知らせ\n件名\n健康診断のご案内");
        assert!(extraction.fields.is_empty());
        assert!(extraction.warnings.is_empty());
    }

    #[test]
    fn typed_fields_are_validated() {
        let mut fields = DocumentFields {
            insurer_number: Some("06139992".into()),
            branch: Some("00".into()),
            copay_share: Some("3割".into()),
            ..DocumentFields::default()
        };
        assert!(fields.validate().is_ok());
        fields.number = Some("987654321093".into());
        assert!(
            matches!(fields.validate(), Err(Error::InvalidInput { field, .. }) if field == Field::InsuranceNumber)
        );
        fields.number = None;
        fields.insurer_number = Some("06139993".into());
        assert!(
            matches!(fields.validate(), Err(Error::InvalidInput { field, .. }) if field == Field::InsurerNumber)
        );
        fields.insurer_number = None;
        fields.branch = Some("1".into());
        assert!(
            matches!(fields.validate(), Err(Error::InvalidInput { field, .. }) if field == Field::InsuranceBranch)
        );
    }

    #[test]
    fn document_dates() {
        assert_eq!(
            parse_document_date("2026年11月1日"),
            Some(civil(2026, 11, 1))
        );
        assert_eq!(
            parse_document_date("2026/11/01 09:30"),
            Some(civil(2026, 11, 1))
        );
        assert_eq!(
            parse_document_date("令和8年11月1日 09:30"),
            Some(civil(2026, 11, 1))
        );
        assert_eq!(parse_document_date("2026/13/01"), None);
        assert_eq!(parse_document_date("来月"), None);
    }
}
