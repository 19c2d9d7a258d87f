//! Link options of the shipped library, for size. Both are what the phones' linkers do
//! or are told to do here:
//! - relative relocations (the pointers in vtables and tables, most of `.rela.dyn`) are
//!   packed: RELR on Linux (glibc 2.36 and later), Android's packed format (API 23 and
//!   later; the app's minSdk is 26); Apple's linker packs them by default (chained fixups);
//! - identical functions are folded into one (`--icf=all`) where the linker is LLD: the
//!   Android NDK's, and rustc's default on x86_64 Linux; Apple's linker deduplicates
//!   functions by default. Nothing in the core compares function addresses.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let link = |arg: &str| println!("cargo:rustc-cdylib-link-arg={arg}");
    match (os.as_str(), env.as_str()) {
        ("linux", "gnu") => {
            link("-Wl,-z,pack-relative-relocs");
            if target == "x86_64-unknown-linux-gnu" {
                link("-Wl,--icf=all");
            }
        }
        ("android", _) => {
            link("-Wl,--pack-dyn-relocs=android");
            link("-Wl,--icf=all");
        }
        _ => {}
    }
    println!("cargo:rerun-if-changed=build.rs");
}
