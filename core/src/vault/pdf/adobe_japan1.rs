//! The Unicode of Adobe-Japan1 CIDs, for Japanese fonts that show CIDs (`Identity-H`,
//! an embedded CMap) and carry no ToUnicode map: the characters a 資格情報 can print
//! (ASCII, kana, kanji, Japanese punctuation, full- and half-width forms), 14 227 CIDs
//! in 32 KB, written by `scripts/make-adobe-japan1-table.py` from pdfminer.six's copy of
//! Adobe's Adobe-Japan1-UCS2 data.

/// Runs of consecutive CIDs and their code points; the format is described in the
/// script. Stored deflated ([`crate::embedded`]).
fn table() -> &'static [u8] {
    crate::embedded::inflated!("data/adobe-japan1-ucs2.bin")
}

fn u16_at(offset: usize) -> Option<u16> {
    let bytes = table().get(offset..offset + 2)?;
    Some(u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]))
}

/// The character Adobe-Japan1 `cid` stands for, when a 資格情報 can print it.
pub fn character(cid: u32) -> Option<char> {
    let cid = u16::try_from(cid).ok()?;
    if table().get(..4) != Some(b"AJ1U") {
        return None;
    }
    let runs = usize::from(u16_at(4)?);
    let run_at = |index: usize| -> Option<(u16, u16, u16)> {
        let offset = 6 + index * 6;
        Some((u16_at(offset)?, u16_at(offset + 2)?, u16_at(offset + 4)?))
    };
    // The last run that starts at or before `cid`.
    let (mut low, mut high) = (0usize, runs);
    while low < high {
        let middle = low + (high - low) / 2;
        if run_at(middle)?.0 <= cid {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let (first, length, index) = run_at(low.checked_sub(1)?)?;
    let offset = cid - first;
    if offset >= length {
        return None;
    }
    let codes_start = 6 + runs * 6;
    let code = u16_at(codes_start + 2 * (usize::from(index) + usize::from(offset)))?;
    char::from_u32(u32::from(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_cids() {
        // Proportional and half-width Roman, full-width forms, kana, JIS level 1 and 2
        // kanji, and a later-supplement kanji (髙, common in names).
        assert_eq!(character(17), Some('0'));
        assert_eq!(character(34), Some('A'));
        assert_eq!(character(247), Some('0'));
        assert_eq!(character(633), Some('\u{3000}'));
        assert_eq!(character(843), Some('あ'));
        assert_eq!(character(1000), Some('レ'));
        assert_eq!(character(7477), Some('瑤'));
        assert_eq!(character(0), None);
        assert_eq!(character(65_535), None);
        assert_eq!(character(1_000_000), None);
        let names = "保険者番号記号枝番氏名生年月日佐藤鈴木髙橋";
        let found: String = (0..23_058)
            .filter_map(character)
            .filter(|c| names.contains(*c))
            .collect();
        for c in names.chars() {
            assert!(found.contains(c), "{c} has no CID");
        }
    }
}
