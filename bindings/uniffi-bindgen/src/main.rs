//! `cargo run -p uniffi-bindgen -- generate --library …`: the generator of the same
//! uniffi version the library is built with (scripts/generate-bindings.sh calls it).

fn main() {
    uniffi::uniffi_bindgen_main()
}
