//! shikaku-ffi: the one library the iPhone and Android shells link (cdylib and
//! staticlib). Everything it exports is the core's own: the `Companion` object, its
//! records and enums, and the `SecretStore` foreign trait carry their UniFFI derives
//! behind shikaku-core's `ffi` feature. This crate adds nothing but the linkage.

pub use shikaku_core;
