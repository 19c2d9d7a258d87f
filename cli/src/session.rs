//! The household store on disk: where the data directory is, where the master key
//! lives (the OS keyring where one answers, otherwise a key file, mode 0600, under the
//! data directory; a new store says which), the Companion opened on it, and `store info`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Subcommand, ValueEnum};
use shikaku_core::clock::Clock;
use shikaku_core::companion::{DATABASE_FILE, ShikakuCompanion};
use shikaku_core::content::bundle::TrustedKey;
use shikaku_core::error::{Entity, Field, Reason, ShikakuError};
use shikaku_core::i18n::Locale;
use shikaku_core::secrets::{KeyFileSecretStore, KeyringSecretStore, SecretStore};
use shikaku_core::store::{OpenMode, create_private_dir};
use shikaku_core::vault::seal::{Algorithm, BLOB_FORMAT};

use crate::CliError;

/// Where the master key is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyStoreChoice {
    /// The OS keyring if one answers, otherwise a key file; a store keeps using a key
    /// file once it has one.
    Auto,
    /// The OS keyring only.
    Keyring,
    /// A key file (mode 0600) in the data directory.
    File,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Where the store and its key are, its schema version and size.
    Info,
}

/// The data directory: `--data-dir`, `$SHIKAKU_DATA_DIR`, `$XDG_DATA_HOME/shikaku`, or
/// `~/.local/share/shikaku`.
pub fn data_dir(arg: Option<PathBuf>) -> Result<PathBuf, CliError> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    arg.or_else(|| env("SHIKAKU_DATA_DIR"))
        .or_else(|| env("XDG_DATA_HOME").map(|d| d.join("shikaku")))
        .or_else(|| env("HOME").map(|d| d.join(".local/share/shikaku")))
        .ok_or_else(|| CliError::invalid(Field::DataDirectory, Reason::NoDataDirectory))
}

/// The Companion on the data directory, with a sentence saying where its key is.
pub struct Session {
    pub companion: ShikakuCompanion,
    pub key_location: String,
    pub data_dir: PathBuf,
}

fn key_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("keys")
}

fn has_key_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|entry| entry.path().extension().is_some_and(|ext| ext == "key"))
    })
}

/// Where the master key is, for this data directory and choice.
fn secret_store(
    data_dir: &Path,
    choice: KeyStoreChoice,
) -> Result<(Box<dyn SecretStore>, String), CliError> {
    let file_store = KeyFileSecretStore::new(key_dir(data_dir));
    let file_location = format!("a key file in {} (mode 0600)", file_store.dir().display());
    let keyring = KeyringSecretStore::connect;
    Ok(match choice {
        KeyStoreChoice::File => (Box::new(file_store), file_location),
        KeyStoreChoice::Keyring => match keyring() {
            Ok(store) => (Box::new(store), "the OS keyring".to_owned()),
            Err(why) => return Err(why.into()),
        },
        KeyStoreChoice::Auto if has_key_files(file_store.dir()) => {
            (Box::new(file_store), file_location)
        }
        KeyStoreChoice::Auto => match keyring() {
            Ok(store) => (Box::new(store), "the OS keyring".to_owned()),
            Err(_) => (
                Box::new(file_store),
                format!("{file_location}; no OS keyring answered"),
            ),
        },
    })
}

/// Opens the Companion on `data_dir` with the chosen key store, the keys it trusts for
/// content, the user's language and a clock. Only a command that writes creates a store
/// (`OpenMode::CreateIfMissing`); a folder it creates is the owner's alone (0700), and a
/// folder that exists keeps its mode.
pub fn open_session(
    data_dir: PathBuf,
    choice: KeyStoreChoice,
    trusted: Vec<TrustedKey>,
    locale: Locale,
    clock: Arc<dyn Clock>,
    mode: OpenMode,
) -> Result<Session, CliError> {
    let is_new = !data_dir.join(DATABASE_FILE).exists();
    if is_new && mode == OpenMode::ExistingOnly {
        return Err(CliError::Core(ShikakuError::NotFound {
            what: Entity::HouseholdStore,
        }));
    }
    let (secrets, key_location) = secret_store(&data_dir, choice)?;
    create_private_dir(&data_dir).map_err(|e| CliError::Core(e.into()))?;
    let companion = ShikakuCompanion::open_in_mode(
        data_dir.clone(),
        secrets.as_ref(),
        locale,
        clock,
        trusted,
        mode,
    )?;
    if is_new {
        eprintln!(
            "shikaku: new store in {}; its master key is in {key_location}",
            data_dir.display()
        );
    }
    Ok(Session {
        companion,
        key_location,
        data_dir,
    })
}

/// `store info`.
pub fn store_info(session: &Session) -> Result<String, CliError> {
    let companion = &session.companion;
    Ok(format!(
        "data directory: {}\nmaster key: {}\nschema version: {}\nsealing: {} (blob format {})\nmembers: {}",
        session.data_dir.display(),
        session.key_location,
        companion.schema_version()?,
        Algorithm::preferred().name(),
        BLOB_FORMAT,
        companion.members()?.len()
    ))
}
