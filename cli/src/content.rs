//! `shikaku content …`, `shikaku qr` and `shikaku member share|receive`: signed content
//! updates, QR codes in the terminal or as SVG, and moving a member between devices
//! (`shikaku_core::content`, `shikaku_core::qr`, `shikaku_core::household::transfer`).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use shikaku_core::content::ContentSource;
use shikaku_core::content::bundle::{
    TrustedKey, embedded_trusted_keys, generate_signing_key, sign_bundle,
};
use shikaku_core::content::fetch::RefreshOutcome;
use shikaku_core::error::{Field, Reason};
use shikaku_core::qr::{QrMatrix, qr_matrix, qr_svg};

use crate::CliError;
use crate::files::{malformed, to_json, write_private_file};
use crate::session::Session;

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Fetch a newer signed bundle and install it if it passes every check.
    Refresh {
        /// Where the signed bundle is published (https; http only to this machine).
        #[arg(long)]
        url: String,
        #[arg(long)]
        json: bool,
    },
    /// Which content is in force.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Make a signing key pair: the secret to FILE (mode 0600), the public key entry for
    /// the trust list on stdout.
    Keygen {
        #[arg(long)]
        key_id: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Sign a bundle (checked first) into an envelope to publish.
    Sign {
        /// The secret key file from `content keygen`.
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        key_id: String,
        /// The bundle JSON.
        bundle: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

/// The trusted keys: those built in, and those in `--trust FILE`.
impl ContentCommand {
    /// Whether the command changes the store (only those may create one).
    pub fn writes(&self) -> bool {
        matches!(self, ContentCommand::Refresh { .. })
    }
}

pub fn trusted_keys(file: Option<&Path>) -> Result<Vec<TrustedKey>, CliError> {
    let mut keys = embedded_trusted_keys();
    if let Some(file) = file {
        let text = std::fs::read_to_string(file)
            .map_err(|e| CliError::file(Field::TrustedKeysFile, &e))?;
        let extra: Vec<TrustedKey> =
            serde_json::from_str(&text).map_err(|e| malformed(Field::TrustedKeysFile, &e))?;
        keys.extend(extra);
    }
    Ok(keys)
}

fn read_file(path: &Path, field: Field) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| CliError::file(field, &e))
}

/// A `content` command: `keygen` and `sign` need no store, `refresh` and `status` open
/// it through `session`.
pub fn run(
    command: ContentCommand,
    session: impl FnOnce() -> Result<Session, CliError>,
) -> Result<String, CliError> {
    match command {
        ContentCommand::Keygen { key_id, out } => {
            let (secret, key) = generate_signing_key(&key_id)?;
            write_private_file(&out, format!("{secret}\n").as_bytes())?;
            to_json(&vec![key])
        }
        ContentCommand::Sign {
            key,
            key_id,
            bundle,
            out,
        } => {
            let secret = String::from_utf8(read_file(&key, Field::SigningKey)?)
                .map_err(|_| CliError::invalid(Field::SigningKey, Reason::NotASigningKey))?;
            let envelope = sign_bundle(&read_file(&bundle, Field::InputFile)?, &secret, &key_id)?;
            write_private_file(&out, envelope.as_bytes())?;
            Ok(format!(
                "signed {} into {}",
                bundle.display(),
                out.display()
            ))
        }
        ContentCommand::Refresh { url, json } => refresh(&session()?, url, json),
        ContentCommand::Status { json } => status(&session()?, json),
    }
}

/// `content refresh`: the server's answer, or `Network` (exit status 3) when it cannot be
/// reached; the installed content changes only when a new bundle was installed whole.
fn refresh(session: &Session, url: String, json: bool) -> Result<String, CliError> {
    let companion = &session.companion;
    let before = companion.content_version();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(companion.refresh_content(url))?;
    if json {
        return to_json(&outcome);
    }
    Ok(match outcome {
        RefreshOutcome::Updated { version } => {
            format!("updated to content version {version}")
        }
        RefreshOutcome::Unchanged => format!("unchanged (version {before})"),
        RefreshOutcome::Rejected { reason } => {
            format!("rejected: {reason}; version {before} stays")
        }
        RefreshOutcome::Busy => "another refresh is under way".to_owned(),
    })
}

/// `content status`.
fn status(session: &Session, json: bool) -> Result<String, CliError> {
    let status = session.companion.content_status()?;
    if json {
        return to_json(&status);
    }
    let source = match status.source {
        ContentSource::Embedded => "built in",
        ContentSource::Installed => "installed",
    };
    let mut lines = vec![
        format!("content version {} ({source})", status.version),
        format!("insurer: {}", status.insurer_name.ja),
    ];
    if let (Some(first), Some(last)) = (status.holidays_first_year, status.holidays_last_year) {
        lines.push(format!("holidays: {first}–{last}"));
    }
    lines.extend(status.note);
    Ok(lines.join("\n"))
}

/// A QR code in the terminal: two rows of modules per line, with a quiet zone.
pub fn render_terminal(matrix: &QrMatrix) -> String {
    const QUIET: i64 = 2;
    let size = i64::from(matrix.size);
    let dark = |x: i64, y: i64| x >= 0 && y >= 0 && matrix.is_dark(x as u32, y as u32);
    let mut out = String::new();
    let mut y = -QUIET;
    while y < size + QUIET {
        for x in -QUIET..size + QUIET {
            // Light modules are drawn, dark ones left blank: readable on dark terminals.
            out.push(match (dark(x, y), dark(x, y + 1)) {
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            });
        }
        out.push('\n');
        y += 2;
    }
    out
}

/// `qr --text TEXT [--svg FILE]`.
pub fn qr(text: &str, svg: Option<&Path>) -> Result<String, CliError> {
    match svg {
        Some(path) => {
            write_private_file(path, qr_svg(text)?.as_bytes())?;
            Ok(format!("wrote {}", path.display()))
        }
        None => Ok(render_terminal(&qr_matrix(text)?)),
    }
}
