//! Any bytes as the content stream of a sound one-page PDF whose resources hold a font
//! of each kind (a UniJIS-UCS2-H CID font, a Shift_JIS one, an Identity-H Adobe-Japan1
//! one, a simple font) and a form: the text reading, the rows rebuilt from positions,
//! the field strategies and the マイナンバー screen (R10) end without a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::vault::check_document;
use shikaku_core::vault::pdf::structure::classic_pdf;

const FONTS: [&str; 4] = [
    "<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiKakuGo-W5 /Encoding /UniJIS-UCS2-H /DescendantFonts [8 0 R] >>",
    "<< /Type /Font /Subtype /Type0 /BaseFont /HeiseiMin-W3 /Encoding /90ms-RKSJ-V /DescendantFonts [8 0 R] >>",
    "<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPro /Encoding /Identity-H /DescendantFonts [8 0 R] >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [48 /zero /one] >> >>",
];

fn pdf(content: &[u8]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R /F4 7 0 R >> /XObject << /X1 9 0 R >> >> /Contents 10 0 R >>".to_vec(),
    ];
    objects.extend(FONTS.iter().map(|f| f.as_bytes().to_vec()));
    objects.push(b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HeiseiKakuGo-W5 /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /DW 1000 /W [1 95 500] >>".to_vec());
    let form_content = b"BT /F1 10 Tf 0 0 Td <4FDD967A> Tj ET";
    let mut form = format!("<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Length {} >>\nstream\n", form_content.len()).into_bytes();
    form.extend_from_slice(form_content);
    form.extend_from_slice(b"\nendstream");
    objects.push(form);
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    let bodies: Vec<&[u8]> = objects.iter().map(Vec::as_slice).collect();
    classic_pdf(&bodies)
}

fuzz_target!(|content: &[u8]| {
    // A content stream cannot hold "endstream" in an unfiltered stream of this writer.
    if content.windows(9).any(|w| w == b"endstream") {
        return;
    }
    if let Ok(document) = check_document(&pdf(content)) {
        assert_eq!(document.pages, 1);
    }
});
