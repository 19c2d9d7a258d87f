//! shikaku-ffi: the one library the iPhone and Android shells link (cdylib and
//! staticlib). The core's records, enums and functions carry their UniFFI derives behind
//! its `ffi` feature; this crate turns that feature on and adds the scaffolding.

uniffi::setup_scaffolding!("shikaku");

pub use shikaku_core;

/// The version of the core the shell is running, for its About screen.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
