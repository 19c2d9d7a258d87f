//! `shikaku rules`: facts on stdin → the results of RULES.md as JSON, through
//! `shikaku_core::rules::evaluate`, the same function the app and the tests use.

use std::io::Read;

use chrono::NaiveDate;
use shikaku_core::error::{Error, Field, Reason};
use shikaku_core::rules::{Facts, evaluate};

use crate::CliError;
use crate::files::read_input;

/// Reads one facts object from `input` (at most 1 MiB) and returns the results as one
/// line of JSON.
pub fn run(input: impl Read, today: NaiveDate) -> Result<String, CliError> {
    let bytes = read_input(input)?;
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
