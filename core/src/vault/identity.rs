//! Whether an imported 資格情報 is the member's: its 氏名 and 生年月日 compared with the
//! member, so that a PDF imported under the wrong member is said, not shown silently
//! under their name at the counter (R8: the staff read the name and birth date).
//!
//! **Decision, which name:** the PDF's 氏名 is compared with the member's *name as
//! printed* (the 氏名 on the card and the 資格情報, a field of the member form), and,
//! when that is not given, with the display name (often the same name; a nickname gives
//! a warning until the member enters the name as printed or confirms the PDF).
//!
//! Names are compared after normalising: spaces (half and full width) and the middle
//! dot removed, full-width letters and digits made ASCII and lower case, half-width
//! katakana made full width, katakana made hiragana. A name written in kana on one side
//! and in kanji on the other cannot be compared by the app: that is a warning of its own
//! ([`WarningCode::NameScriptDiffers`]). Every difference is a warning, never a refusal:
//! the member confirms the PDF (`set_document_fields`) or replaces it.

use super::fields::{DocumentFields, FieldWarning, WarningCode, normalize};
use crate::household::Member;

/// The warnings that say the document may not be `member`'s (none when it is theirs).
pub fn identity_warnings(fields: &DocumentFields, member: &Member) -> Vec<FieldWarning> {
    let mut warnings = Vec::new();
    if let Some(printed) = &fields.name {
        let expected = member
            .name_as_printed
            .as_deref()
            .unwrap_or(&member.display_name);
        if let Some(code) = compare_names(printed, expected) {
            warnings.push(FieldWarning {
                field: "name".to_owned(),
                code,
                reason: "the name read is not the member's".to_owned(),
            });
        }
    }
    if fields
        .birth_date
        .is_some_and(|born| born != member.facts.birth_date)
    {
        warnings.push(FieldWarning {
            field: "birth_date".to_owned(),
            code: WarningCode::BirthDateMismatch,
            reason: "the date of birth read is not the member's".to_owned(),
        });
    }
    warnings
}

/// How two names differ, if they do.
pub fn compare_names(read: &str, expected: &str) -> Option<WarningCode> {
    let (read, expected) = (comparable_name(read), comparable_name(expected));
    if read == expected {
        None
    } else if is_kana(&read) != is_kana(&expected) && (has_kanji(&read) || has_kanji(&expected)) {
        Some(WarningCode::NameScriptDiffers)
    } else {
        Some(WarningCode::NameMismatch)
    }
}

/// A name as compared: see the module's documentation.
pub fn comparable_name(name: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in normalize(name).chars() {
        match c {
            ' ' | '・' | '\u{3000}' => {}
            // Half-width voiced and semi-voiced marks join the kana before them.
            '\u{FF9E}' | '\u{FF9F}' => {
                if let Some(last) = out.last_mut() {
                    *last = voiced(*last, c == '\u{FF9F}');
                }
            }
            _ => out.push(hiragana(full_width_katakana(c)).to_ascii_lowercase()),
        }
    }
    out.into_iter().collect()
}

const HALF_WIDTH_KATAKANA: &str = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
const FULL_WIDTH_KATAKANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

fn full_width_katakana(c: char) -> char {
    HALF_WIDTH_KATAKANA
        .chars()
        .position(|h| h == c)
        .and_then(|index| FULL_WIDTH_KATAKANA.chars().nth(index))
        .unwrap_or(c)
}

/// Katakana as hiragana (the long mark stays).
fn hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// A kana with ゛ (or ゜ when `semi`), already made hiragana; unchanged when it takes
/// none.
fn voiced(c: char, semi: bool) -> char {
    let code = u32::from(c);
    let ha_row = matches!(c, 'は'..='ほ') && (code - u32::from('は')) % 3 == 0;
    let takes_voiced = matches!(c, 'か'..='ぢ') && code % 2 == 1
        || matches!(c, 'つ'..='ど') && code % 2 == 0
        || ha_row;
    let shifted = match (c, semi) {
        ('う', false) => Some('ゔ'),
        (_, false) if takes_voiced => char::from_u32(code + 1),
        (_, true) if ha_row => char::from_u32(code + 2),
        _ => None,
    };
    shifted.unwrap_or(c)
}

fn is_kana(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| matches!(c, 'ぁ'..='ゖ' | 'ー' | 'ゝ' | 'ゞ'))
}

fn has_kanji(name: &str) -> bool {
    name.chars().any(|c| {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Holdings, Relationship};
    use crate::rules::Facts;
    use crate::rules::dates::civil;

    fn member(display_name: &str, name_as_printed: Option<&str>) -> Member {
        Member {
            id: "m".to_owned(),
            display_name: display_name.to_owned(),
            name_as_printed: name_as_printed.map(str::to_owned),
            relationship: Relationship::Myself,
            facts: Facts::born_on(civil(1985, 4, 12)),
            eligibility_certificate_expires_on: None,
            holdings: Holdings::default(),
            insurance_fields: None,
            eligibility_certificate_issued_on: None,
            dependent_of: None,
        }
    }

    fn fields(name: &str, born: chrono::NaiveDate) -> DocumentFields {
        DocumentFields {
            name: Some(name.to_owned()),
            birth_date: Some(born),
            ..DocumentFields::default()
        }
    }

    fn codes(fields: &DocumentFields, member: &Member) -> Vec<(String, WarningCode)> {
        identity_warnings(fields, member)
            .into_iter()
            .map(|w| (w.field, w.code))
            .collect()
    }

    #[test]
    fn the_members_own_record_gives_no_warning_whatever_the_spacing_and_width() {
        let own = fields("佐藤 花子", civil(1985, 4, 12));
        for name in ["佐藤 花子", "佐藤　花子", "佐藤花子", " 佐藤  花子 "] {
            assert_eq!(codes(&own, &member(name, None)), [], "{name}");
        }
        let roman = fields("ＳＭＩＴＨ　ＪＯＨＮ", civil(1985, 4, 12));
        assert_eq!(codes(&roman, &member("Smith John", None)), []);
    }

    #[test]
    fn katakana_hiragana_and_half_width_kana_are_the_same_name() {
        assert_eq!(compare_names("ｻﾄｳ ﾊﾅｺ", "さとう はなこ"), None);
        assert_eq!(compare_names("サトウ　ハナコ", "さとうはなこ"), None);
        assert_eq!(compare_names("ｶﾞｸ ﾊﾟｸ", "ガク パク"), None);
        assert_eq!(compare_names("ﾂﾞﾃﾞﾄﾞ", "づでど"), None);
        assert_eq!(compare_names("ｳﾞｨｸﾄﾙ", "ヴィクトル"), None);
    }

    #[test]
    fn another_person_is_named_by_field() {
        let other = fields("鈴木 一郎", civil(1989, 1, 8));
        assert_eq!(
            codes(&other, &member("佐藤 花子", None)),
            [
                ("name".to_owned(), WarningCode::NameMismatch),
                ("birth_date".to_owned(), WarningCode::BirthDateMismatch)
            ]
        );
        let same_name_other_birthday = fields("佐藤 花子", civil(1985, 4, 13));
        assert_eq!(
            codes(&same_name_other_birthday, &member("佐藤 花子", None)),
            [("birth_date".to_owned(), WarningCode::BirthDateMismatch)]
        );
    }

    #[test]
    fn kana_against_kanji_only_warns_that_it_cannot_tell() {
        let record = fields("佐藤 花子", civil(1985, 4, 12));
        assert_eq!(
            codes(&record, &member("さとう はなこ", None)),
            [("name".to_owned(), WarningCode::NameScriptDiffers)]
        );
    }

    #[test]
    fn the_name_as_printed_is_compared_before_the_display_name() {
        let record = fields("佐藤 花子", civil(1985, 4, 12));
        assert_eq!(
            codes(&record, &member("母", None)),
            [("name".to_owned(), WarningCode::NameMismatch)]
        );
        assert_eq!(codes(&record, &member("母", Some("佐藤　花子"))), []);
    }

    #[test]
    fn nothing_read_is_nothing_to_compare() {
        assert_eq!(
            codes(&DocumentFields::default(), &member("佐藤 花子", None)),
            []
        );
    }
}
