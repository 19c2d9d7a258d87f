//! What the benches share: a Companion opened the way a shell opens one; the clinic
//! benches also share `clinic`.

use std::path::Path;
use std::sync::Arc;

use shikaku_core::clock::SystemClock;
use shikaku_core::companion::ShikakuCompanion;
use shikaku_core::content::bundle::embedded_trusted_keys;
use shikaku_core::i18n::Locale;
use shikaku_core::secrets::SecretStore;

/// The Companion on `data_dir`, in Japanese, on the system clock and built-in content.
pub fn open_companion(data_dir: &Path, secrets: &dyn SecretStore) -> ShikakuCompanion {
    ShikakuCompanion::open_with(
        data_dir.to_path_buf(),
        secrets,
        Locale::Ja,
        Arc::new(SystemClock),
        embedded_trusted_keys(),
    )
    .expect("the bench store opens")
}
