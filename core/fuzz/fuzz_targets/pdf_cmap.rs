//! Any bytes as a CMap (a font's ToUnicode map or an embedded encoding): parsed within
//! its entry cap, and every lookup answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::vault::pdf::cmap::CMap;

fuzz_target!(|data: &[u8]| {
    let cmap = CMap::parse(data);
    for code in [0u32, 0x20, 0x41, 0x8140, 0xFFFF, 0x0001_0000, u32::MAX] {
        for len in 1..=4 {
            let _ = cmap.text(code, len);
            let _ = cmap.cid(code, len);
        }
    }
    let _ = cmap.code_length(data);
});
