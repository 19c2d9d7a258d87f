//! Reading JSON from stdin, writing JSON, and writing private files whole.

use std::io::{Read, Write};
use std::path::Path;

use shikaku_core::error::{Field, Reason};

use crate::CliError;

/// The most stdin a JSON command reads.
pub const MAX_JSON_BYTES: u64 = 1 << 20;

/// `input` whole, at most [`MAX_JSON_BYTES`].
pub fn read_input(input: impl Read) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::file(Field::StandardInput, &e))?;
    if bytes.len() as u64 > MAX_JSON_BYTES {
        return Err(CliError::invalid(
            Field::StandardInput,
            Reason::TooLarge {
                max_bytes: MAX_JSON_BYTES,
            },
        ));
    }
    Ok(bytes)
}

/// Standard input whole, at most [`MAX_JSON_BYTES`].
pub fn read_stdin() -> Result<Vec<u8>, CliError> {
    read_input(std::io::stdin().lock())
}

/// JSON of the wrong shape for `field`: where it went wrong, never what it says.
pub fn malformed(field: Field, error: &serde_json::Error) -> CliError {
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    CliError::invalid(
        field,
        Reason::Malformed {
            line: number(error.line()),
            column: number(error.column()),
        },
    )
}

/// Standard input as the JSON of `field`.
pub fn read_stdin_json<T: serde::de::DeserializeOwned>(field: Field) -> Result<T, CliError> {
    serde_json::from_slice(&read_stdin()?).map_err(|e| malformed(field, &e))
}

/// A value as indented JSON.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Output(e.into()))
}

/// A value as one line of JSON.
pub fn to_json_line<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string(value).map_err(|e| CliError::Output(e.into()))
}

/// Writes `bytes` to `path` whole or not at all, readable by the owner only.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let failure = |e: std::io::Error| CliError::file(Field::OutputFile, &e);
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
