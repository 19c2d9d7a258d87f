//! `shikaku member …`, `shikaku doc …` and `shikaku store info`: the household store
//! on disk, through `shikaku_core::store`.
//!
//! The master key lives in the OS keyring where one answers, otherwise in a key file
//! (mode 0600) under the data directory; a new store says which, and `store info` tells.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::{Subcommand, ValueEnum};
use shikaku_core::content::bundle::TrustedKey;
use shikaku_core::error::Error;
use shikaku_core::household::transfer::{decode_member, encode_member};
use shikaku_core::household::{MemberDraft, evaluate_member};
use shikaku_core::i18n::{Locale, label};
use shikaku_core::secrets::{KeyFileSecretStore, KeyringSecretStore, SecretStore};
use shikaku_core::store::{InstalledContent, Store};
use shikaku_core::vault::DocumentFields;

use crate::CliError;

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "shikaku.sqlite3";
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
        let message = error
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if error.is_input_error() {
            CliError::Input(message)
        } else {
            CliError::Failure(message)
        }
    }
}

/// An open store, a sentence saying where its key is, and the content in force.
pub struct OpenStore {
    pub store: Store,
    pub key_location: String,
    pub content: InstalledContent,
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

/// Opens the store in `data_dir` with the chosen key store; the content in force (checked
/// against `trusted`) takes effect.
pub fn open_store(
    data_dir: &Path,
    choice: KeyStoreChoice,
    trusted: &[TrustedKey],
) -> Result<OpenStore, CliError> {
    let database = data_dir.join(DATABASE_FILE);
    let is_new = !database.exists();
    let file_store = KeyFileSecretStore::new(key_dir(data_dir));
    let file_location = format!("a key file in {} (mode 0600)", file_store.dir().display());
    let keyring = |why_not: &mut Option<String>| match KeyringSecretStore::connect() {
        Ok(store) => Some(store),
        Err(error) => {
            *why_not = Some(error.to_string());
            None
        }
    };
    let mut why_no_keyring = None;
    let (secrets, key_location): (Box<dyn SecretStore>, String) = match choice {
        KeyStoreChoice::File => (Box::new(file_store), file_location),
        KeyStoreChoice::Keyring => match keyring(&mut why_no_keyring) {
            Some(store) => (Box::new(store), "the OS keyring".to_owned()),
            None => {
                return Err(CliError::Failure(format!(
                    "--key-store keyring: no OS keyring answered ({})",
                    why_no_keyring.unwrap_or_default()
                )));
            }
        },
        KeyStoreChoice::Auto if has_key_files(file_store.dir()) => {
            (Box::new(file_store), file_location)
        }
        KeyStoreChoice::Auto => match keyring(&mut why_no_keyring) {
            Some(store) => (Box::new(store), "the OS keyring".to_owned()),
            None => (
                Box::new(file_store),
                format!("{file_location}; no OS keyring answered"),
            ),
        },
    };
    std::fs::create_dir_all(data_dir)
        .map_err(|e| CliError::Failure(format!("cannot create {}: {e}", data_dir.display())))?;
    restrict_to_owner(data_dir);
    let store = Store::open(&database, secrets.as_ref())?;
    if is_new {
        eprintln!(
            "shikaku: new store in {}; its master key is in {key_location}",
            data_dir.display()
        );
    }
    let content = store.content(trusted)?;
    content.bundle.apply_text_overrides();
    Ok(OpenStore {
        store,
        key_location,
        content,
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
    serde_json::from_slice(&bytes).map_err(|e| {
        let message = e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        CliError::Input(format!("{what}: {message}"))
    })
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Failure(e.to_string()))
}

/// Runs a `member` command; returns what to print.
pub fn member(
    open: OpenStore,
    command: MemberCommand,
    today: NaiveDate,
    locale: Locale,
) -> Result<String, CliError> {
    let calendar = open.content.calendar().clone();
    let calendar = &calendar;
    let mut store = open.store;
    match command {
        MemberCommand::Add { json } => {
            let draft: MemberDraft = read_stdin_json("member")?;
            let member = store.add_member(draft, Utc::now())?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
        MemberCommand::List { json } => {
            let members = store.members()?;
            if json {
                return to_json(&members);
            }
            let lines: Vec<String> = members
                .iter()
                .map(|member| {
                    let status = evaluate_member(member, today, calendar);
                    format!(
                        "{}  {} ({})  {}",
                        member.id,
                        member.display_name,
                        label(locale, member.relationship.message_id()),
                        label(locale, status.card_state().message_id())
                    )
                })
                .collect();
            Ok(lines.join("\n"))
        }
        MemberCommand::Show { id, json } => {
            let member = store.member(&id)?;
            let status = evaluate_member(&member, today, calendar);
            let value = serde_json::json!({ "member": member, "status": status });
            if json {
                to_json(&value)
            } else {
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
        }
        MemberCommand::Update { id, json } => {
            let draft: MemberDraft = read_stdin_json("member")?;
            store.member(&id)?;
            let member = draft.into_member(id);
            store.update_member(&member, Utc::now())?;
            if json {
                to_json(&member)
            } else {
                Ok(format!("updated {}", member.id))
            }
        }
        MemberCommand::Share {
            member,
            include_insurance_numbers,
            qr,
        } => {
            let code = encode_member(
                &store.member(&member)?.to_draft(),
                include_insurance_numbers,
            )?;
            if qr {
                let picture = crate::content::qr(&code, None)?;
                Ok(format!("{picture}{code}"))
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
            let member = store.add_member(decode_member(&code)?, Utc::now())?;
            if json {
                to_json(&member)
            } else {
                Ok(member.id)
            }
        }
        MemberCommand::Remove { id } => {
            store.remove_member(&id)?;
            Ok(format!("removed {id}"))
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
pub fn doc(open: OpenStore, command: DocCommand) -> Result<Option<String>, CliError> {
    let mut store = open.store;
    let now = Utc::now();
    let text = match command {
        DocCommand::Import { member, file, json } => {
            let bytes = read_document(&file)?;
            let report = store.import_document(&member, &bytes, now)?;
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
            let bytes = store.document(&member)?;
            if out.as_os_str() == "-" {
                std::io::stdout().lock().write_all(&bytes)?;
            } else {
                write_private_file(&out, &bytes)?;
            }
            return Ok(None);
        }
        DocCommand::Info { member, json } => {
            let info = store.document_info(&member, now)?;
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
            let info = store.set_document_fields(&member, fields, now)?;
            if json {
                to_json(&info)?
            } else {
                "fields saved".to_owned()
            }
        }
        DocCommand::Revert { member, json } => {
            let info = store.revert_document(&member, now)?;
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
pub fn store_info(open: &OpenStore, data_dir: &Path) -> Result<String, CliError> {
    let members = open.store.members()?.len();
    Ok(format!(
        "data directory: {}\nmaster key: {}\nschema version: {}\nmembers: {members}",
        data_dir.display(),
        open.key_location,
        open.store.schema_version()?
    ))
}
