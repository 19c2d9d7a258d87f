//! `shikaku doc …`: a member's 資格情報 PDFs — import, export, info, fields, revert —
//! through the Companion.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;
use shikaku_core::error::Field;
use shikaku_core::i18n::Words;
use shikaku_core::vault::seal::Plaintext;
use shikaku_core::vault::{DocumentFields, FieldWarning};
use shikaku_core::view::warning_text;

use crate::CliError;
use crate::files::{read_stdin_json, to_json, write_private_file};
use crate::session::Session;

#[derive(Debug, Subcommand)]
pub enum DocCommand {
    /// Import a 資格情報 PDF for a member (the previous one is kept).
    Import {
        #[arg(long)]
        member: String,
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write the member's current PDF, byte for byte as imported (`-` for stdout).
    Export {
        #[arg(long)]
        member: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show what is known of the member's current PDF.
    Info {
        #[arg(long)]
        member: String,
        #[arg(long)]
        json: bool,
    },
    /// Confirm or type the fields of the member's current PDF (JSON on stdin).
    Fields {
        #[arg(long)]
        member: String,
        #[arg(long)]
        json: bool,
    },
    /// Make the previous PDF current again.
    Revert {
        #[arg(long)]
        member: String,
        #[arg(long)]
        json: bool,
    },
}

impl DocCommand {
    /// Whether the command changes the store (only those may create one).
    pub fn writes(&self) -> bool {
        matches!(
            self,
            DocCommand::Import { .. } | DocCommand::Fields { .. } | DocCommand::Revert { .. }
        )
    }
}

fn read_document(path: &Path) -> Result<Vec<u8>, CliError> {
    let limit = shikaku_core::vault::pdf::MAX_DOCUMENT_BYTES as u64;
    let file = std::fs::File::open(path).map_err(|e| CliError::file(Field::InputFile, &e))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::file(Field::InputFile, &e))?;
    Ok(bytes)
}

/// The document's warnings, one line each, as the member reads them.
fn warning_lines(words: Words<'_>, warnings: &[FieldWarning]) -> String {
    warnings
        .iter()
        .map(|warning| {
            format!(
                "\nwarning ({}): {}",
                warning.field,
                warning_text(words, warning)
            )
        })
        .collect()
}

/// Runs a `doc` command; returns what to print (nothing for an export to a file).
pub fn doc(
    session: &Session,
    command: DocCommand,
    words: Words<'_>,
) -> Result<Option<String>, CliError> {
    let companion = &session.companion;
    let text = match command {
        DocCommand::Import { member, file, json } => {
            let bytes = read_document(&file)?;
            let report = companion.import_document(member, bytes)?;
            if json {
                to_json(&report)?
            } else {
                let found = serde_json::to_value(&report.info.fields)
                    .ok()
                    .and_then(|v| {
                        v.as_object()
                            .map(|o| o.values().filter(|v| !v.is_null()).count())
                    })
                    .unwrap_or(0);
                format!(
                    "imported {} ({} page(s), {} bytes, version {}); {found} field(s) read, {} warning(s){}{}",
                    file.display(),
                    report.info.pages,
                    report.info.byte_len,
                    report.info.version,
                    report.info.warnings.len(),
                    if report.replaced_previous {
                        "; the previous PDF is kept"
                    } else {
                        ""
                    },
                    warning_lines(words, &report.info.warnings),
                )
            }
        }
        DocCommand::Export { member, out } => {
            let bytes = Plaintext::new(companion.document(member)?);
            if out.as_os_str() == "-" {
                std::io::stdout().lock().write_all(&bytes)?;
            } else {
                write_private_file(&out, &bytes)?;
            }
            return Ok(None);
        }
        DocCommand::Info { member, json } => {
            let info = companion.document_info(member)?;
            if json {
                to_json(&info)?
            } else {
                let staleness = serde_json::to_value(info.staleness)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!(
                    "version {} of {}, {} page(s), {} bytes, imported {}, {staleness}{}",
                    info.version,
                    info.versions_kept,
                    info.pages,
                    info.byte_len,
                    info.imported_at.format("%Y-%m-%d %H:%M UTC"),
                    warning_lines(words, &info.warnings),
                )
            }
        }
        DocCommand::Fields { member, json } => {
            let fields: DocumentFields = read_stdin_json(Field::DocumentFields)?;
            let info = companion.set_document_fields(member, fields)?;
            if json {
                to_json(&info)?
            } else {
                "fields saved".to_owned()
            }
        }
        DocCommand::Revert { member, json } => {
            let info = companion.revert_document(member)?;
            if json {
                to_json(&info)?
            } else {
                format!("version {} is current again", info.version)
            }
        }
    };
    Ok(Some(text))
}
