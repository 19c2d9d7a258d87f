//! What the CLI prints comes partly from outside — names, a PDF's text, a content
//! bundle's wording, a server's answers — so it is escaped before it reaches the
//! terminal: a control character (a terminal escape, a C1 control, a carriage return)
//! or an invisible character that reorders text (bidi controls) is written as
//! `\u{XXXX}` in text and as `\uXXXX` in JSON, where it stays the same string. Line
//! breaks of the CLI's own output pass.

use std::borrow::Cow;

use shikaku_core::stored_text::{is_control, is_direction_control};

fn needs_escape(c: char) -> bool {
    (is_control(c) && c != '\n') || is_direction_control(c)
}

/// `text` with every control character but the line break, and every bidi control,
/// written as `\u{XXXX}`.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if needs_escape(c) {
                    format!("\\u{{{:04X}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// JSON text from serde_json with the characters it leaves raw — C1 controls, DEL, the
/// line and paragraph separators, bidi controls — written as `\uXXXX` escapes (serde_json
/// escapes U+0000–U+001F itself; a raw line break is the JSON's own layout).
pub fn escape_json(json: String) -> String {
    let raw = |c: char| c > '\u{1F}' && needs_escape(c);
    if !json.chars().any(raw) {
        return json;
    }
    json.chars()
        .map(|c| {
            if raw(c) {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_direction_marks_are_shown_not_obeyed() {
        assert_eq!(printable("佐藤 花子\n次の行"), "佐藤 花子\n次の行");
        assert_eq!(
            printable("\u{1b}[2J佐藤\r\u{9b}1m\u{202E}abc\t"),
            "\\u{001B}[2J佐藤\\u{000D}\\u{009B}1m\\u{202E}abc\\u{0009}"
        );
        let json = serde_json::to_string(&"\u{1b}\u{7f}\u{85}\u{2028}\u{202E}x").unwrap();
        let escaped = escape_json(json);
        assert_eq!(escaped, r#""\u001b\u007f\u0085\u2028\u202ex""#);
        assert_eq!(
            serde_json::from_str::<String>(&escaped).unwrap(),
            "\u{1b}\u{7f}\u{85}\u{2028}\u{202E}x"
        );
    }
}
