//! `shikaku rules`: facts on stdin → the results of RULES.md as JSON, through
//! `shikaku_core::rules::evaluate`, the same function the app and the tests use.

use std::io::Read;

use chrono::NaiveDate;
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::rules::{Facts, evaluate};

use crate::CliError;

/// The most stdin the command reads; a facts object is a few hundred bytes.
const MAX_INPUT_BYTES: u64 = 1 << 20;

/// Reads one facts object from `input` and returns the results as one line of JSON.
pub fn run(input: impl Read, today: NaiveDate) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::file(Field::StandardInput, &e))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(CliError::invalid(
            Field::StandardInput,
            Reason::TooLarge {
                max_bytes: MAX_INPUT_BYTES,
            },
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::invalid(Field::StandardInput, Reason::NotText))?;
    let facts = Facts::from_json(&text).map_err(Error::from)?;
    if today < facts.birth_date {
        return Err(CliError::invalid(
            Field::Today,
            Reason::EarlierThan {
                other: Field::BirthDate,
            },
        ));
    }
    let results = evaluate(&facts, today).results;
    crate::files::to_json_line(&results)
}
