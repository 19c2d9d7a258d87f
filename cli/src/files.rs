//! Reading JSON from stdin, writing JSON, and writing private files whole.

use std::io::{Read, Write};
use std::path::Path;

use crate::CliError;

/// The most stdin a JSON command reads.
pub const MAX_JSON_BYTES: u64 = 1 << 20;

pub fn read_stdin_json<T: serde::de::DeserializeOwned>(what: &str) -> Result<T, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Failure(format!("reading stdin: {e}")))?;
    if bytes.len() as u64 > MAX_JSON_BYTES {
        return Err(CliError::Input(format!("{what}: more than 1 MiB on stdin")));
    }
    serde_json::from_slice(&bytes).map_err(|e| CliError::Input(format!("{what}: {e}")))
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Failure(e.to_string()))
}

/// Writes `bytes` to `path` whole or not at all, readable by the owner only.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let failure = |e: std::io::Error| CliError::Input(format!("--out {}: {e}", path.display()));
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.partial"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let result = (|| {
        let mut file = options.open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(failure)
}
