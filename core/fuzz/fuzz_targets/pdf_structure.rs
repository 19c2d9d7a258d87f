//! Any bytes as a PDF's structure: the check that runs before loading (startxref and
//! %%EOF, cross-reference tables and streams, every incremental update, object counts,
//! object streams inflated against one budget) ends with counts or a refusal, never a
//! panic, a hang or a runaway allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shikaku_core::vault::pdf::structure::{
    MAX_OBJECT_STREAMS, MAX_OBJECTS, MAX_TOKENS, OBJECT_STREAM_BUDGET, read_structure,
};

fuzz_target!(|data: &[u8]| {
    if let Ok(structure) = read_structure(data) {
        assert!(structure.objects <= MAX_OBJECTS);
        assert!(structure.object_streams <= MAX_OBJECT_STREAMS);
        assert!(structure.tokens <= MAX_TOKENS);
        assert!(structure.object_stream_bytes <= OBJECT_STREAM_BUDGET);
    }
});
