//! Where the vault's master key lives (DESIGN.md principle 5).
//!
//! [`SecretStore`] is get/set/delete of a named secret. A shell implements it on the
//! platform's own vault (Android Keystore, iOS Keychain); the core brings three:
//! `KeyringSecretStore` on the OS credential store (feature `os-keyring`),
//! [`KeyFileSecretStore`], one file per secret with mode 0600, for machines without a
//! keyring, and [`MemorySecretStore`] for tests.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Field, Reason, ShikakuError as Error};
use crate::files::write_private_file;

/// What a secret store answers: its errors are the public ones, since a shell's own
/// store raises them.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A place for named secrets. A shell implements it over UniFFI (a foreign trait) on
/// the platform's own vault.
#[cfg_attr(feature = "ffi", uniffi::export(with_foreign))]
pub trait SecretStore: Send + Sync {
    /// The secret called `name`, if there is one.
    fn get_secret(&self, name: String) -> Result<Option<Vec<u8>>>;
    /// Stores `secret` under `name`, replacing any earlier one.
    fn set_secret(&self, name: String, secret: Vec<u8>) -> Result<()>;
    /// Deletes the secret called `name`; deleting a missing secret is not an error.
    fn delete_secret(&self, name: String) -> Result<()>;
}

/// Names are short ASCII words, so that every store can hold them as they are.
pub fn check_secret_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput {
            field: Field::SecretName,
            reason: Reason::SecretNameForm,
        })
    }
}

/// Secrets in memory only: for tests.
#[derive(Debug, Default)]
pub struct MemorySecretStore {
    secrets: Mutex<HashMap<String, Vec<u8>>>,
}

impl MemorySecretStore {
    fn map(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, Vec<u8>>>> {
        self.secrets.lock().map_err(|_| Error::SecretStore {
            reason: "the in-memory store was poisoned".to_owned(),
        })
    }
}

impl SecretStore for MemorySecretStore {
    fn get_secret(&self, name: String) -> Result<Option<Vec<u8>>> {
        Ok(self.map()?.get(&name).cloned())
    }

    fn set_secret(&self, name: String, secret: Vec<u8>) -> Result<()> {
        check_secret_name(&name)?;
        self.map()?.insert(name, secret);
        Ok(())
    }

    fn delete_secret(&self, name: String) -> Result<()> {
        self.map()?.remove(&name);
        Ok(())
    }
}

/// One file per secret in a directory, readable by the owner only (mode 0600), written
/// whole or not at all by [`crate::files::write_private_file`].
#[derive(Debug, Clone)]
pub struct KeyFileSecretStore {
    dir: PathBuf,
}

impl KeyFileSecretStore {
    /// A store in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        KeyFileSecretStore { dir: dir.into() }
    }

    /// The file that holds the secret `name`.
    pub fn path_of(&self, name: &str) -> PathBuf {
        self.dir.join(format!("{name}.key"))
    }

    /// The directory the secrets are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

fn io_error(error: std::io::Error) -> Error {
    Error::SecretStore {
        reason: error.to_string(),
    }
}

impl SecretStore for KeyFileSecretStore {
    fn get_secret(&self, name: String) -> Result<Option<Vec<u8>>> {
        check_secret_name(&name)?;
        match std::fs::read(self.path_of(&name)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error(error)),
        }
    }

    fn set_secret(&self, name: String, secret: Vec<u8>) -> Result<()> {
        check_secret_name(&name)?;
        // A folder it creates is the owner's alone; one that exists keeps its mode.
        crate::store::create_private_dir(&self.dir).map_err(|e| Error::SecretStore {
            reason: e.to_string(),
        })?;
        write_private_file(&self.path_of(&name), &secret).map_err(|e| Error::SecretStore {
            reason: e.to_string(),
        })
    }

    fn delete_secret(&self, name: String) -> Result<()> {
        check_secret_name(&name)?;
        match std::fs::remove_file(self.path_of(&name)) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(error) => Err(io_error(error)),
        }
    }
}

#[cfg(feature = "os-keyring")]
pub use os_keyring::KeyringSecretStore;

#[cfg(feature = "os-keyring")]
mod os_keyring {
    use std::sync::OnceLock;

    use keyring_core::{Entry, set_default_store};

    use super::Result;
    use super::{SecretStore, check_secret_name};
    use crate::error::ShikakuError as Error;

    /// The service name secrets are filed under in the OS credential store.
    pub const KEYRING_SERVICE: &str = "jp.shikaku.vault";

    /// Secrets in the OS credential store through keyring-core: the Secret Service on
    /// desktop Linux, the keychain on macOS, the data-protection keychain on iOS.
    #[derive(Debug, Clone, Copy)]
    pub struct KeyringSecretStore;

    fn keyring_error(error: keyring_core::Error) -> Error {
        Error::SecretStore {
            reason: error.to_string(),
        }
    }

    fn install_platform_store() -> Result<(), String> {
        #[cfg(target_os = "linux")]
        {
            let store =
                dbus_secret_service_keyring_store::Store::new().map_err(|e| e.to_string())?;
            set_default_store(store);
            Ok(())
        }
        #[cfg(target_os = "macos")]
        {
            let store =
                apple_native_keyring_store::keychain::Store::new().map_err(|e| e.to_string())?;
            set_default_store(store);
            Ok(())
        }
        #[cfg(target_os = "ios")]
        {
            let store =
                apple_native_keyring_store::protected::Store::new().map_err(|e| e.to_string())?;
            set_default_store(store);
            Ok(())
        }
        #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "ios")))]
        {
            Err("no OS credential store on this platform".to_owned())
        }
    }

    impl KeyringSecretStore {
        /// The OS credential store, if one answers on this machine.
        pub fn connect() -> Result<Self> {
            static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
            INSTALLED
                .get_or_init(install_platform_store)
                .clone()
                .map_err(|reason| Error::SecretStore { reason })?;
            // Asking for a secret that does not exist proves the store answers.
            let probe = KeyringSecretStore;
            probe.get_secret("shikaku-probe".to_owned())?;
            Ok(probe)
        }

        fn entry(name: &str) -> Result<Entry> {
            check_secret_name(name)?;
            Entry::new(KEYRING_SERVICE, name).map_err(keyring_error)
        }
    }

    impl SecretStore for KeyringSecretStore {
        fn get_secret(&self, name: String) -> Result<Option<Vec<u8>>> {
            match Self::entry(&name)?.get_secret() {
                Ok(secret) => Ok(Some(secret)),
                Err(keyring_core::Error::NoEntry) => Ok(None),
                Err(error) => Err(keyring_error(error)),
            }
        }

        fn set_secret(&self, name: String, secret: Vec<u8>) -> Result<()> {
            Self::entry(&name)?
                .set_secret(&secret)
                .map_err(keyring_error)
        }

        fn delete_secret(&self, name: String) -> Result<()> {
            match Self::entry(&name)?.delete_credential() {
                Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
                Err(error) => Err(keyring_error(error)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(store: &dyn SecretStore) {
        assert_eq!(store.get_secret("k1".into()), Ok(None));
        store.set_secret("k1".into(), vec![1, 2, 3]).unwrap();
        assert_eq!(store.get_secret("k1".into()), Ok(Some(vec![1, 2, 3])));
        store.set_secret("k1".into(), vec![4]).unwrap();
        assert_eq!(store.get_secret("k1".into()), Ok(Some(vec![4])));
        store.delete_secret("k1".into()).unwrap();
        store.delete_secret("k1".into()).unwrap();
        assert_eq!(store.get_secret("k1".into()), Ok(None));
        assert!(store.set_secret("../escape".into(), vec![1]).is_err());
    }

    #[test]
    fn memory_store() {
        exercise(&MemorySecretStore::default());
    }

    #[test]
    fn key_file_store_writes_owner_only_files() {
        let dir = tempfile::tempdir().unwrap();
        let store = KeyFileSecretStore::new(dir.path().join("keys"));
        exercise(&store);
        store.set_secret("master".into(), vec![9; 32]).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(store.path_of("master"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
