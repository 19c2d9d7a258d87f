//! The master key: where it is kept ([`SecretStore`], under a name derived from the
//! store's random id) and the sealed check that proves a key is this store's.
//!
//! A missing key is [`Error::VaultLocked`]; a key that fails the check is
//! [`Error::KeyMismatch`]. The secret store also keeps a marker naming the last store a
//! key was made for, so a database that was emptied (truncated to zero, or replaced by
//! an empty file) is an integrity error instead of a silent new store with a new key.

use rusqlite::Connection;

use super::aad;
use super::settings::read_setting;
use crate::error::{Error, Result};
use crate::secrets::SecretStore;
use crate::vault::seal::Key;

pub(super) const SETTING_STORE_ID: &str = "store_id";
pub(super) const SETTING_KEY_CHECK: &str = "key_check";
const KEY_CHECK_PLAINTEXT: &[u8] = b"shikaku key check";
/// The secret naming the last store this secret store holds a key for.
const STORE_MARKER: &str = "shikaku-store-marker";

/// The name of the master key in the secret store.
fn key_name(store_id: &str) -> String {
    format!("shikaku-master-{store_id}")
}

/// The store's random id.
pub(super) fn store_id(connection: &Connection) -> Result<Option<String>> {
    read_setting(connection, SETTING_STORE_ID)?
        .map(|bytes| {
            String::from_utf8(bytes).map_err(|_| Error::Integrity {
                what: "the store id".to_owned(),
            })
        })
        .transpose()
}

/// Refuses to start a new store in an existing database file while the secret store
/// holds the key of a store: that database was emptied, and a new key would hide it.
pub(super) fn refuse_if_a_store_was_here(secrets: &dyn SecretStore) -> Result<()> {
    if secrets.get_secret(STORE_MARKER.to_owned())?.is_some() {
        return Err(Error::Integrity {
            what: "the database is empty, but the key of a household store exists".to_owned(),
        });
    }
    Ok(())
}

/// Records that the secret store holds the key of `store_id`.
pub(super) fn mark(secrets: &dyn SecretStore, store_id: &str) -> Result<()> {
    Ok(secrets.set_secret(STORE_MARKER.to_owned(), store_id.as_bytes().to_vec())?)
}

/// The key the secret store holds for a store that has no key check yet (a crash
/// between saving the key and the check), or a new one, saved before it is used.
pub(super) fn key_for_new_store(secrets: &dyn SecretStore, store_id: &str) -> Result<Key> {
    let key = match secrets.get_secret(key_name(store_id))? {
        Some(bytes) => Key::from_slice(&bytes)?,
        None => {
            let key = Key::generate()?;
            secrets.set_secret(key_name(store_id), key.to_vec())?;
            key
        }
    };
    mark(secrets, store_id)?;
    Ok(key)
}

/// The sealed check of a store's key.
pub(super) fn seal_check(key: &Key, store_id: &str) -> Result<Vec<u8>> {
    key.seal(&aad::key_check(store_id), KEY_CHECK_PLAINTEXT)
}

/// Which format the key check was sealed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CheckFormat {
    /// Schema 1 and 2: XChaCha20-Poly1305, no format byte.
    Format1,
    /// Schema 3 on.
    Format2,
}

/// The store's key from the secret store, proved by `check`.
pub(super) fn unlock(
    secrets: &dyn SecretStore,
    store_id: &str,
    check: &[u8],
    format: CheckFormat,
) -> Result<Key> {
    let stored = secrets
        .get_secret(key_name(store_id))?
        .ok_or(Error::VaultLocked)?;
    let key = Key::from_slice(&stored).map_err(|_| Error::KeyMismatch)?;
    let opened = match format {
        CheckFormat::Format1 => key.open_format_1(&aad::format_1::key_check(store_id), check, ""),
        CheckFormat::Format2 => key.open(&aad::key_check(store_id), check, ""),
    };
    match opened {
        Ok(plain) if plain.as_slice() == KEY_CHECK_PLAINTEXT => Ok(key),
        _ => Err(Error::KeyMismatch),
    }
}
