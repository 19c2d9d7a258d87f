//! `shikaku member …`, `shikaku doc …` and `shikaku store info`: the household store
//! on disk, through `shikaku_core::store`.
//!
//! The master key lives in the OS keyring where one answers, otherwise in a key file
//! (mode 0600) under the data directory; a new store says which, and `store info` tells.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Subcommand, ValueEnum};
use shikaku_core::clock::Clock;
use shikaku_core::companion::{DATABASE_FILE, ShikakuCompanion};
use shikaku_core::content::bundle::TrustedKey;
use shikaku_core::error::Error;
use shikaku_core::household::MemberDraft;
use shikaku_core::i18n::{Locale, label};
use shikaku_core::secrets::{KeyFileSecretStore, KeyringSecretStore, SecretStore};
use shikaku_core::vault::DocumentFields;
use zeroize::Zeroizing;

use crate::CliError;

/// The most stdin a JSON command reads.
const MAX_JSON_BYTES: u64 = 1 << 20;

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
pub enum MemberCommand {
    /// Add a member: {"display_name", "relationship", "facts", …} as JSON on stdin.
    Add {
        #[arg(long)]
        json: bool,
    },
    /// List the members with their card state today.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one member, their facts and evaluated status.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Replace a member's details: the same JSON as `add`, on stdin.
    Update {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Remove a member and their documents.
    Remove { id: String },
    /// Print a code that moves this member to another device (facts and holdings; the
    /// insurance numbers only with --include-insurance-numbers).
    Share {
        #[arg(long)]
        member: String,
        #[arg(long)]
        include_insurance_numbers: bool,
        /// Also draw the code as a QR code in the terminal.
        #[arg(long)]
        qr: bool,
    },
    /// Add the member carried by a code from `member share` (on stdin).
    Receive {
        #[arg(long)]
        json: bool,
    },
}

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
        .ok_or_else(|| CliError::Input("--data-dir: no data directory given and no HOME".into()))
}

impl From<Error> for CliError {
    fn from(error: Error) -> Self {
        let message = error.to_string();
        if error.is_input_error() {
            CliError::Input(message)
        } else {
            CliError::Failure(message)
        }
    }
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
    let keyring = || KeyringSecretStore::connect().map_err(|e| e.to_string());
    Ok(match choice {
        KeyStoreChoice::File => (Box::new(file_store), file_location),
        KeyStoreChoice::Keyring => match keyring() {
            Ok(store) => (Box::new(store), "the OS keyring".to_owned()),
            Err(why) => {
                return Err(CliError::Failure(format!(
                    "--key-store keyring: no OS keyring answered ({why})"
                )));
            }
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
/// content, the user's language and a clock.
pub fn open_session(
    data_dir: PathBuf,
    choice: KeyStoreChoice,
    trusted: Vec<TrustedKey>,
    locale: Locale,
    clock: Arc<dyn Clock>,
) -> Result<Session, CliError> {
    let is_new = !data_dir.join(DATABASE_FILE).exists();
    let (secrets, key_location) = secret_store(&data_dir, choice)?;
    std::fs::create_dir_all(&data_dir)
        .map_err(|e| CliError::Failure(format!("cannot create {}: {e}", data_dir.display())))?;
    restrict_to_owner(&data_dir);
    let companion =
        ShikakuCompanion::open_with(data_dir.clone(), secrets.as_ref(), locale, clock, trusted)?;
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

/// The data directory holds personal data (sealed) and maybe the key: owner only.
fn restrict_to_owner(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    #[cfg(not(unix))]
    let _ = dir;
}

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

/// Runs a `member` command; returns what to print.
pub fn member(
    session: &Session,
    command: MemberCommand,
    locale: Locale,
) -> Result<String, CliError> {
    let companion = &session.companion;
    match command {
        MemberCommand::Add { json } => {
            let member = companion.add_member(read_stdin_json("member")?)?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
        MemberCommand::List { json } => {
            let members = companion.members()?;
            if json {
                return to_json(&members);
            }
            let lines = members
                .iter()
                .map(|member| {
                    let status = companion.member_status(member.id.clone())?;
                    Ok(format!(
                        "{}  {} ({})  {}",
                        member.id,
                        member.display_name,
                        label(locale, member.relationship.message_id()),
                        label(locale, status.card_state().message_id())
                    ))
                })
                .collect::<Result<Vec<String>, CliError>>()?;
            Ok(lines.join("\n"))
        }
        MemberCommand::Show { id, json } => {
            let member = companion.member(id.clone())?;
            let status = companion.member_status(id)?;
            if json {
                return to_json(&serde_json::json!({ "member": member, "status": status }));
            }
            let results = serde_json::to_value(&status.evaluation.results)
                .map_err(|e| CliError::Failure(e.to_string()))?;
            let mut lines = vec![format!("{} ({})", member.display_name, member.id)];
            if let Some(object) = results.as_object() {
                for (key, value) in object {
                    if !value.is_null() {
                        lines.push(format!("  {key}: {}", value.as_str().unwrap_or_default()));
                    }
                }
            }
            Ok(lines.join("\n"))
        }
        MemberCommand::Update { id, json } => {
            let draft: MemberDraft = read_stdin_json("member")?;
            companion.member(id.clone())?;
            let member = draft.into_member(id);
            companion.update_member(member.clone())?;
            if json {
                to_json(&member)
            } else {
                Ok(format!("updated {}", member.id))
            }
        }
        MemberCommand::Remove { id } => {
            companion.remove_member(id.clone())?;
            Ok(format!("removed {id}"))
        }
        MemberCommand::Share {
            member,
            include_insurance_numbers,
            qr,
        } => {
            let code = companion.share_member(member, include_insurance_numbers)?;
            if qr {
                Ok(format!("{}{code}", crate::content::qr(&code, None)?))
            } else {
                Ok(code)
            }
        }
        MemberCommand::Receive { json } => {
            let mut code = String::new();
            std::io::stdin()
                .lock()
                .take(MAX_JSON_BYTES)
                .read_to_string(&mut code)
                .map_err(|_| {
                    CliError::Input("transfer code: stdin is not UTF-8 text".to_owned())
                })?;
            let member = companion.receive_member(code)?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
    }
}

fn read_document(path: &Path) -> Result<Vec<u8>, CliError> {
    let limit = shikaku_core::vault::pdf::MAX_DOCUMENT_BYTES as u64;
    let file = std::fs::File::open(path)
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    Ok(bytes)
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

/// Runs a `doc` command; returns what to print (nothing for an export to a file).
pub fn doc(session: &Session, command: DocCommand) -> Result<Option<String>, CliError> {
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
                    "imported {} ({} page(s), {} bytes, version {}); {found} field(s) read, {} warning(s){}",
                    file.display(),
                    report.info.pages,
                    report.info.byte_len,
                    report.info.version,
                    report.info.warnings.len(),
                    if report.replaced_previous {
                        "; the previous PDF is kept"
                    } else {
                        ""
                    }
                )
            }
        }
        DocCommand::Export { member, out } => {
            let bytes = Zeroizing::new(companion.document(member)?);
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
                    "version {} of {}, {} page(s), {} bytes, imported {}, {staleness}",
                    info.version,
                    info.versions_kept,
                    info.pages,
                    info.byte_len,
                    info.imported_at.format("%Y-%m-%d %H:%M UTC"),
                )
            }
        }
        DocCommand::Fields { member, json } => {
            let fields: DocumentFields = read_stdin_json("fields")?;
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

/// `store info`.
pub fn store_info(session: &Session) -> Result<String, CliError> {
    let companion = &session.companion;
    Ok(format!(
        "data directory: {}\nmaster key: {}\nschema version: {}\nmembers: {}",
        session.data_dir.display(),
        session.key_location,
        companion.schema_version()?,
        companion.members()?.len()
    ))
}
