//! Reading the fields from a 資格情報's text (R9 for era dates, R10 and R11 through the
//! checks of [`super::DocumentFields`]).
//!
//! Text is normalized first (NFKC: full-width digits, letters and spaces to ASCII, every
//! script's digits to 0–9), then read by two strategies over the rows and cells the
//! [`Layout`] rebuilt from positions: by cell (a label's value is the rest of its cell,
//! the next cell of its row, or the cell under it in its column), then by line (the rest
//! of the line, or the next line when the label stands alone) for what is still missing.
//! A line or cell may hold several labels with their values. Labels may be letter-spaced
//! (`氏　名`).

use crate::error::Reason;
use crate::rules::era::parse_era_date;
use crate::rules::facts::parse_iso_date;
use crate::rules::insurer_number::validate_insurer_number;
use crate::rules::my_number::{normalize_digits, screen_insurance_field};
use crate::stored_text::check_stored_text;
use crate::vault::layout::{Layout, Row};
use chrono::NaiveDate;

use super::{Extraction, FieldWarning, MAX_FIELD_CHARS, WarningCode};

pub(super) fn is_branch(text: &str) -> bool {
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

/// NFKC with every script's digits as 0–9 (full-width ASCII and the ideographic space
/// become ASCII, `･` becomes `・`); tabs are spaces; runs of spaces become one.
pub fn normalize(text: &str) -> String {
    normalize_digits(text)
        .split([' ', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with `label` stripped from its start, spaces between the label's characters
/// allowed (`氏 名`).
fn strip_spaced_prefix<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let mut rest = text;
    for (index, expected) in label.chars().enumerate() {
        if index > 0 {
            rest = rest.trim_start_matches(' ');
        }
        rest = rest.strip_prefix(expected)?;
    }
    Some(rest)
}

/// The label a line starts with, and where its value starts (after spaces and a
/// colon).
fn label_at(line: &str) -> Option<(Slot, usize)> {
    LABELS.iter().find_map(|(label, slot)| {
        let rest = strip_spaced_prefix(line, label)?;
        let separated = rest.is_empty() || rest.starts_with([' ', ':']);
        let value = rest.trim_start_matches([' ', ':']);
        separated.then(|| (*slot, line.len() - value.len()))
    })
}

/// Whether a line starts with a label.
fn is_label(line: &str) -> bool {
    label_at(line).is_some()
}

/// The labels of a normalized line with their values: a label starts the line or
/// follows a space, outside the label before it; its value runs to the next label.
/// Text before the first label is not a value.
fn label_pairs(line: &str) -> Vec<(Slot, &str)> {
    let mut starts: Vec<(usize, Slot, usize)> = Vec::new();
    for (at, _) in line.char_indices() {
        let at_word = at == 0 || line.get(..at).is_some_and(|before| before.ends_with(' '));
        let inside_label = starts.last().is_some_and(|(_, _, value)| at < *value);
        if !at_word || inside_label {
            continue;
        }
        if let Some((slot, value)) = line.get(at..).and_then(label_at) {
            starts.push((at, slot, at + value));
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(index, (_, slot, value_start))| {
            let value_end = starts.get(index + 1).map_or(line.len(), |next| next.0);
            let value = line.get(*value_start..value_end).unwrap_or_default();
            (*slot, value.trim())
        })
        .collect()
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
    gregorian_date(date_part)
}

/// `2026年11月1日` or `2026/11/1` (spaces allowed around the parts).
fn gregorian_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text.strip_suffix('日').unwrap_or(text).trim_end();
    let mut parts = text.split(['年', '月', '/']).map(str::trim);
    let mut number = |digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let part = parts.next()?;
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if parts.next().is_some() {
        return None;
    }
    // The separators must be 年…月… or /…/…, not a mix.
    let kanji = text.contains('年') && text.contains('月') && !text.contains('/');
    let slashes = text.matches('/').count() == 2 && !text.contains('年') && !text.contains('月');
    if !(kanji || slashes) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// "3割", "３割" or "3 割" → "3割".
pub(super) fn copay_share(text: &str) -> Option<String> {
    let compact: String = normalize(text).chars().filter(|c| *c != ' ').collect();
    let digit = compact.strip_suffix('割')?;
    matches!(digit, "1" | "2" | "3").then(|| format!("{digit}割"))
}

/// "架空12・3456(01)" or "12345・678・00" → (記号, 番号, 枝番).
fn split_symbol_number_branch(text: &str) -> Option<(String, String, Option<String>)> {
    let text = text.trim();
    let (symbol, rest) = text.split_once('・')?;
    let symbol = symbol.trim();
    let rest = rest.trim();
    let is_branch_digits =
        |b: &str| (1..=2).contains(&b.len()) && b.bytes().all(|d| d.is_ascii_digit());
    // "番号(枝番)" or "番号・枝番"; otherwise the rest is the 番号 alone.
    let (number, branch) = if let Some((number, branch)) = rest.rsplit_once('(') {
        (
            number.trim(),
            Some(branch.trim().trim_end_matches(')').trim()),
        )
    } else if let Some((number, branch)) = rest.rsplit_once('・') {
        (number.trim(), Some(branch.trim()))
    } else {
        (rest, None)
    };
    let branch = match branch {
        Some(branch) if is_branch_digits(branch) => Some(branch.to_owned()),
        Some(_) => return None,
        None => None,
    };
    if symbol.is_empty() || number.is_empty() || number.contains(['・', '(', ')']) {
        return None;
    }
    Some((symbol.to_owned(), number.to_owned(), branch))
}

struct Collector {
    extraction: Extraction,
}

impl Collector {
    /// The extraction, each warning once, none about a field another reading filled.
    fn finish(self) -> Extraction {
        let Extraction { fields, warnings } = self.extraction;
        let value = serde_json::to_value(&fields).unwrap_or_default();
        let mut kept: Vec<FieldWarning> = Vec::new();
        for warning in warnings {
            let filled = value.get(&warning.field).is_some_and(|v| !v.is_null());
            if !filled && !kept.contains(&warning) {
                kept.push(warning);
            }
        }
        Extraction {
            fields,
            warnings: kept,
        }
    }

    fn warn(&mut self, field: &str, code: WarningCode, reason: impl Into<String>) {
        self.extraction.warnings.push(FieldWarning {
            field: field.to_owned(),
            code,
            reason: reason.into(),
        });
    }

    /// A text value, unless it is empty, too long, refused by [`check_stored_text`], or
    /// (for numbers) 12 digits.
    fn text(&mut self, field: &str, value: &str, screen: bool) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if value.chars().count() > MAX_FIELD_CHARS {
            self.warn(field, WarningCode::Unreadable, "too long to be this field");
            return None;
        }
        if screen && let Err(refusal) = screen_insurance_field(value) {
            self.warn(field, WarningCode::MyNumberRefused, refusal.to_string());
            return None;
        }
        if let Err(reason) = check_stored_text(value) {
            let code = if reason == Reason::MyNumberRefused {
                WarningCode::MyNumberRefused
            } else {
                WarningCode::Unreadable
            };
            self.warn(field, code, reason.to_string());
            return None;
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

/// Reads the fields out of plain text, each line a row of one cell.
pub fn extract_fields(text: &str) -> Extraction {
    extract_from_layout(&Layout::from_text(text))
}

/// Reads the fields out of a document's rows and cells: by cell first, then by line.
pub fn extract_from_layout(layout: &Layout) -> Extraction {
    let mut collector = Collector {
        extraction: Extraction::default(),
    };
    read_cells(layout, &mut collector);
    read_lines(&layout.lines(), &mut collector);
    collector.finish()
}

/// Normalized cells of a row.
fn cell_texts(row: &Row) -> Vec<String> {
    row.cells.iter().map(|cell| normalize(&cell.text)).collect()
}

/// The cell strategy: a label's value is the rest of its cell, else the next cell of its
/// row when that is no label, else the cell under it in its column (the next rows of
/// the page, within three rows' height) when that is no label.
fn read_cells(layout: &Layout, collector: &mut Collector) {
    let rows: Vec<Vec<String>> = layout.rows.iter().map(cell_texts).collect();
    for (row_index, (row, texts)) in layout.rows.iter().zip(&rows).enumerate() {
        for (cell_index, text) in texts.iter().enumerate() {
            let pairs = label_pairs(text);
            for (pair_index, (slot, value)) in pairs.iter().enumerate() {
                if !value.is_empty() {
                    collector.set(*slot, value);
                    continue;
                }
                // Only the last label of a cell may take its value from elsewhere.
                if pair_index + 1 != pairs.len() {
                    continue;
                }
                let beside = texts.get(cell_index + 1).filter(|next| !is_label(next));
                let below = || {
                    let cell = row.cells.get(cell_index)?;
                    layout
                        .rows
                        .iter()
                        .zip(&rows)
                        .skip(row_index + 1)
                        .take_while(|(other, _)| {
                            other.page == row.page && row.y - other.y <= 3.5 * row.size.max(1.0)
                        })
                        .find_map(|(other, other_texts)| {
                            other
                                .cells
                                .iter()
                                .zip(other_texts)
                                .find_map(|(under, text)| {
                                    let overlaps = under.x0 < cell.x1 && cell.x0 < under.x1;
                                    overlaps.then_some(text)
                                })
                        })
                        .filter(|text| !is_label(text))
                };
                if let Some(value) = beside.or_else(below) {
                    collector.set(*slot, value);
                }
            }
        }
    }
}

/// The line strategy: a label's value is the rest of its line, or the next line when
/// the label stands alone.
fn read_lines(lines: &[String], collector: &mut Collector) {
    let lines: Vec<String> = lines
        .iter()
        .map(|line| normalize(line))
        .filter(|line| !line.is_empty())
        .collect();
    for (index, line) in lines.iter().enumerate() {
        let pairs = label_pairs(line);
        for (pair_index, (slot, value)) in pairs.iter().enumerate() {
            if !value.is_empty() {
                collector.set(*slot, value);
            } else if pair_index + 1 == pairs.len()
                && let Some(next) = lines.get(index + 1).filter(|next| !is_label(next))
            {
                collector.set(*slot, next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, Field};
    use crate::rules::dates::civil;
    use crate::vault::fields::DocumentFields;

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
    fn several_labels_on_one_line_and_letter_spaced_labels() {
        let text = "保険者番号 06139992 記号 4123 番号 5678 枝番 00\n氏\u{3000}\u{3000}名\u{3000}佐藤\u{3000}花子";
        let f = extract_fields(text).fields;
        assert_eq!(f.insurer_number.as_deref(), Some("06139992"));
        assert_eq!(f.symbol.as_deref(), Some("4123"));
        assert_eq!(f.number.as_deref(), Some("5678"));
        assert_eq!(f.branch.as_deref(), Some("00"));
        assert_eq!(f.name.as_deref(), Some("佐藤 花子"));
    }

    #[test]
    fn cells_pair_beside_and_below_their_labels() {
        use crate::vault::layout::Cell;
        let cell = |x0: f32, x1: f32, text: &str| Cell {
            x0,
            x1,
            text: text.to_owned(),
        };
        let row = |y: f32, cells: Vec<Cell>| Row {
            page: 0,
            y,
            size: 11.0,
            cells,
        };
        let layout = Layout {
            rows: vec![
                row(
                    620.0,
                    vec![cell(60.0, 82.0, "氏名"), cell(230.0, 280.0, "佐藤 花子")],
                ),
                row(
                    600.0,
                    vec![
                        cell(60.0, 115.0, "保険者番号"),
                        cell(190.0, 212.0, "記号"),
                        cell(300.0, 322.0, "番号"),
                        cell(420.0, 442.0, "枝番"),
                    ],
                ),
                row(
                    574.0,
                    vec![
                        cell(64.0, 108.0, "06139992"),
                        cell(194.0, 216.0, "4123"),
                        cell(304.0, 326.0, "5678"),
                        cell(424.0, 435.0, "00"),
                    ],
                ),
            ],
        };
        let extraction = extract_from_layout(&layout);
        let f = &extraction.fields;
        assert_eq!(f.name.as_deref(), Some("佐藤 花子"));
        assert_eq!(f.insurer_number.as_deref(), Some("06139992"));
        assert_eq!(f.symbol.as_deref(), Some("4123"));
        assert_eq!(f.number.as_deref(), Some("5678"));
        assert_eq!(f.branch.as_deref(), Some("00"));
        assert!(extraction.warnings.is_empty(), "{:?}", extraction.warnings);
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
    fn symbol_number_branch_written_together() {
        let split = |t: &str| split_symbol_number_branch(t);
        assert_eq!(
            split("架空12・3456(01)"),
            Some(("架空12".into(), "3456".into(), Some("01".into())))
        );
        assert_eq!(
            split("12345・678・00"),
            Some(("12345".into(), "678".into(), Some("00".into())))
        );
        assert_eq!(
            split("12345・678"),
            Some(("12345".into(), "678".into(), None))
        );
        assert_eq!(
            split("A・B(1"),
            Some(("A".into(), "B".into(), Some("1".into())))
        );
        assert_eq!(split("12345・678・abc"), None);
        assert_eq!(split("12345"), None);
        assert_eq!(split("・678"), None);
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
        assert_eq!(
            parse_document_date("2026 年 4 月 1 日"),
            Some(civil(2026, 4, 1))
        );
        assert_eq!(parse_document_date("2026年4/1"), None);
        assert_eq!(parse_document_date("26/4/1"), None);
        assert_eq!(parse_document_date("来月"), None);
    }
}
