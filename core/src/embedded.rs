//! Data compiled into the library: the Fluent files (`i18n`), the holiday list (R7's
//! business days), the JIS X 0208 table (`jis`) and the Adobe-Japan1 table (the PDF
//! reader). `build.rs` stores each deflated; each is inflated once, on its first use,
//! and kept for the life of the process.
//!
//! Every file is checked by the tests that read it (the Fluent files parse, the holiday
//! list covers its years, the tables decode known characters), so a file that did not
//! inflate would fail the build's tests; at run time it reads as empty.

use std::io::Read as _;

/// The bytes of a file of this crate, deflated by `build.rs`: `deflated!("data/x.bin")`.
macro_rules! deflated {
    ($path:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/embedded/", $path, ".deflate"))
    };
}
pub(crate) use deflated;

/// The bytes of a file of this crate, inflated on first use and kept:
/// `inflated!("data/x.bin")` is a `&'static [u8]`.
macro_rules! inflated {
    ($path:literal) => {{
        static BYTES: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BYTES
            .get_or_init(|| $crate::embedded::inflate($crate::embedded::deflated!($path)))
            .as_slice()
    }};
}
pub(crate) use inflated;

/// The bytes `deflated` holds (empty if they do not inflate).
pub(crate) fn inflate(deflated: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    match flate2::read::DeflateDecoder::new(deflated).read_to_end(&mut bytes) {
        Ok(_) => bytes,
        Err(_) => Vec::new(),
    }
}

/// The UTF-8 text `deflated` holds (empty if it does not inflate or is not UTF-8).
pub(crate) fn inflate_text(deflated: &[u8]) -> String {
    String::from_utf8(inflate(deflated)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_inflates_to_its_source() {
        let files: [(&str, &[u8]); 3] = [
            ("data/syukujitsu.csv", deflated!("data/syukujitsu.csv")),
            (
                "data/jis0208-cp932.bin",
                deflated!("data/jis0208-cp932.bin"),
            ),
            (
                "data/adobe-japan1-ucs2.bin",
                deflated!("data/adobe-japan1-ucs2.bin"),
            ),
        ];
        for (path, deflated) in files {
            let source = std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path));
            assert_eq!(inflate(deflated), source.unwrap_or_default(), "{path}");
            assert!(
                deflated.len() < inflate(deflated).len(),
                "{path} is stored smaller"
            );
        }
    }

    #[test]
    fn what_does_not_inflate_reads_as_empty() {
        assert!(inflate(b"not deflate data \xff\xff").is_empty());
        assert_eq!(inflate_text(b""), "");
    }
}
