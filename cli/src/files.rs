//! Reading JSON from stdin, writing JSON, and writing private files whole.

use std::io::Read;
use std::path::Path;

use shikaku_core::error::{Field, Reason};
use shikaku_core::files::WriteError;

use crate::CliError;
use crate::output::escape_json;

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

/// A value as indented JSON (escaped for the terminal: [`escape_json`]).
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(escape_json)
        .map_err(|e| CliError::Output(e.into()))
}

/// A value as one line of JSON (escaped for the terminal: [`escape_json`]).
pub fn to_json_line<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string(value)
        .map(escape_json)
        .map_err(|e| CliError::Output(e.into()))
}

/// Writes `bytes` to `path` (`--out`) whole or not at all, readable by the owner only
/// ([`shikaku_core::files::write_private_file`]: a device or a FIFO is written in place,
/// a link to a file, a folder or a socket refused).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    shikaku_core::files::write_private_file(path, bytes).map_err(|error| match error {
        WriteError::NotARegularFile => {
            CliError::invalid(Field::OutputFile, Reason::NotARegularFile)
        }
        WriteError::Io(error) => CliError::file(Field::OutputFile, &error),
    })
}
