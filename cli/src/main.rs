//! `shikaku`: the terminal shell over shikaku-core.
//!
//! - `shikaku rules [--today YYYY-MM-DD]`: one facts object (RULES.md vocabulary) on
//!   stdin → one JSON object with exactly the result keys of RULES.md.
//! - `shikaku demo [--today YYYY-MM-DD] [--json]`: the sample household evaluated today.
//! - `shikaku [--data-dir DIR] member add|list|show|remove|form|update`, `doc import|
//!   export|info|fields|revert`, `store info`: the household store on disk; `member form`
//!   prints the member form and `member update` takes its values.
//! - `shikaku [--data-dir DIR] reminders [--now RFC3339] [--limit N] [--json]`,
//!   `reminders ack|snooze|settings`, `ics [--member ID] --out FILE`: reminders and the
//!   calendar export.
//! - `shikaku [--data-dir DIR] guide [--member ID] [--situation S] [--flow yes,no]`,
//!   `clinic --member ID`: what to present and do, and the clinic card.
//!
//! Exit status: 0 success, 2 bad input, 3 the network could not be reached, 1 any
//! other failure; the reason is one line on stderr, the core's sentence in `--lang`,
//! naming the field as the app's forms do.

mod content;
mod demo;
mod documents;
mod files;
mod guide;
mod member;
mod output;
mod reminders;
mod rules;
mod session;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use shikaku_core::clock::{Clock, FixedClock, SystemClock};
use shikaku_core::companion::DATABASE_FILE;
use shikaku_core::error::{Field, Reason, ShikakuError};
use shikaku_core::i18n::{Locale, Words};
use shikaku_core::rules::facts::parse_iso_date;
use shikaku_core::store::OpenMode;
use shikaku_core::view::describe_error;

/// shikaku — the マイナ保険証 companion: card and certificate dates, deadlines, guidance.
#[derive(Debug, Parser)]
#[command(name = "shikaku", version, about)]
struct Cli {
    /// Language of member-facing text: ja or en (default: from LC_ALL / LANG).
    #[arg(long, global = true, value_name = "ja|en")]
    lang: Option<String>,

    /// Where the household store lives (default: $SHIKAKU_DATA_DIR, else
    /// $XDG_DATA_HOME/shikaku, else ~/.local/share/shikaku).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// Also trust the content-signing public keys in FILE (a JSON list from
    /// `content keygen`).
    #[arg(long, global = true, value_name = "FILE")]
    trust: Option<PathBuf>,

    /// Where the store's master key is kept.
    #[arg(long, global = true, value_enum, default_value_t = session::KeyStoreChoice::Auto)]
    key_store: session::KeyStoreChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Evaluate one facts object (JSON on stdin) and print the rule results as JSON.
    Rules {
        /// The day to judge on, YYYY-MM-DD (default: today in Asia/Tokyo).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Show a sample household evaluated today.
    Demo {
        /// The day to judge on, YYYY-MM-DD (default: today in Asia/Tokyo).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        /// Print the evaluated household as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The members of the household store.
    Member {
        /// The day to judge states on, YYYY-MM-DD (default: today in Asia/Tokyo).
        #[arg(long, value_name = "YYYY-MM-DD", global = true)]
        today: Option<String>,
        #[command(subcommand)]
        command: member::MemberCommand,
    },
    /// The members' 資格情報 PDFs.
    Doc {
        #[command(subcommand)]
        command: documents::DocCommand,
    },
    /// The reminder plan (what fires when), or acknowledge, snooze, settings.
    Reminders {
        /// The instant to plan from, RFC 3339 (default: now).
        #[arg(long, value_name = "RFC3339", global = true)]
        now: Option<String>,
        /// At most this many reminders (iOS keeps 64 pending).
        #[arg(long, default_value_t = 64)]
        limit: usize,
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        command: Option<reminders::ReminderCommand>,
    },
    /// Export the deadlines as an iCalendar file.
    Ics {
        /// Only this member's deadlines.
        #[arg(long)]
        member: Option<String>,
        /// Name members in the events (by default only their relationship).
        #[arg(long)]
        include_names: bool,
        /// The file to write (`-` for stdout).
        #[arg(long)]
        out: PathBuf,
        /// The instant to export from, RFC 3339 (default: now).
        #[arg(long, value_name = "RFC3339")]
        now: Option<String>,
    },
    /// What to present and what to do: per member, for one situation, or the
    /// preparation flowchart.
    Guide {
        /// Only this member (default: every member of the store).
        #[arg(long)]
        member: Option<String>,
        /// One situation (without a store: in general).
        #[arg(long, value_enum)]
        situation: Option<guide::SituationArg>,
        /// Walk the preparation flowchart with these answers (e.g. `no,yes`; empty: start).
        #[arg(long, value_name = "yes,no,…", num_args = 0..=1, default_missing_value = "")]
        flow: Option<String>,
        /// The day to judge on, YYYY-MM-DD (default: today in Asia/Tokyo).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The clinic card of a member: the screen shown across the counter.
    Clinic {
        #[arg(long)]
        member: String,
        /// The day to judge on, YYYY-MM-DD (default: today in Asia/Tokyo).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Signed content updates: refresh, status; keygen and sign for publishers.
    Content {
        #[command(subcommand)]
        command: content::ContentCommand,
    },
    /// Draw a QR code in the terminal, or write it as SVG.
    Qr {
        /// The text to encode (default: the マイナポータル address).
        #[arg(long, default_value = shikaku_core::qr::MYNAPORTAL_URL)]
        text: String,
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
    },
    /// The household store itself.
    Store {
        #[command(subcommand)]
        command: session::StoreCommand,
    },
}

/// A failure the CLI reports in one line.
#[derive(Debug)]
pub enum CliError {
    /// An error of the core (bad input, storage, network, …), worded in `--lang`.
    Core(ShikakuError),
    /// Writing the output failed (a closed pipe, a full disk): exit status 1.
    Output(std::io::Error),
    /// A form refused its values: every field's error, worded in `--lang` (exit 2).
    Form(Vec<ShikakuError>),
}

impl CliError {
    /// Bad input in `field`.
    pub fn invalid(field: Field, reason: Reason) -> Self {
        CliError::Core(ShikakuError::InvalidInput { field, reason })
    }

    /// A file named by `field` that could not be read or written.
    pub fn file(field: Field, error: &std::io::Error) -> Self {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => Reason::FileMissing,
            std::io::ErrorKind::PermissionDenied => Reason::FileNotPermitted,
            _ => Reason::FileFailed,
        };
        CliError::invalid(field, reason)
    }

    /// The exit status: 2 bad input, 3 no network, 1 anything else.
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Core(ShikakuError::Network { .. }) => 3,
            CliError::Core(error) if error.is_input_error() => 2,
            CliError::Form(_) => 2,
            CliError::Core(_) | CliError::Output(_) => 1,
        }
    }

    /// The one line for stderr.
    fn sentence(&self, locale: Locale) -> String {
        match self {
            CliError::Core(error) => describe_error(Words::built_in(locale), error),
            CliError::Form(errors) => errors
                .iter()
                .map(|error| describe_error(Words::built_in(locale), error))
                .collect::<Vec<_>>()
                .join(" "),
            CliError::Output(error) => error.to_string(),
        }
    }
}

impl From<ShikakuError> for CliError {
    fn from(error: ShikakuError) -> Self {
        CliError::Core(error)
    }
}

impl From<shikaku_core::error::Error> for CliError {
    fn from(error: shikaku_core::error::Error) -> Self {
        CliError::Core(error.into())
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        CliError::Output(error)
    }
}

/// `--today`, or today in Japan.
fn today_from(arg: Option<&str>) -> Result<NaiveDate, CliError> {
    match arg {
        None => Ok(SystemClock.today()),
        Some(text) => parse_iso_date(text.trim())
            .ok_or_else(|| CliError::invalid(Field::Today, Reason::NotADate)),
    }
}

/// The language of the environment (LC_ALL, LC_MESSAGES, LANG); English when none.
fn environment_locale() -> Locale {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map_or(Locale::En, |tag| Locale::from_tag(&tag))
}

fn locale_from(arg: Option<&str>) -> Result<Locale, CliError> {
    match arg {
        Some("ja") => Ok(Locale::Ja),
        Some("en") => Ok(Locale::En),
        Some(_) => Err(CliError::invalid(Field::Language, Reason::UnknownLanguage)),
        None => Ok(environment_locale()),
    }
}

/// The clock of a command: `--now`, else noon in Japan on `--today`, else the system's.
fn clock_from(now: Option<&str>, today: Option<&str>) -> Result<Arc<dyn Clock>, CliError> {
    Ok(match (now, today) {
        (Some(now), _) => Arc::new(FixedClock(reminders::parse_instant(Field::Now, now)?)),
        (None, Some(_)) => Arc::new(FixedClock::noon_in_japan(today_from(today)?)),
        (None, None) => Arc::new(SystemClock),
    })
}

fn run(cli: Cli, locale: Locale) -> Result<(), CliError> {
    let stdout = std::io::stdout();
    let trusted = content::trusted_keys(cli.trust.as_deref())?;
    // Only a command that writes may create the store; one that reads never does.
    let session = |clock: Arc<dyn Clock>, writes: bool| -> Result<session::Session, CliError> {
        let dir = session::data_dir(cli.data_dir.clone())?;
        let mode = if writes {
            OpenMode::CreateIfMissing
        } else {
            OpenMode::ExistingOnly
        };
        session::open_session(dir, cli.key_store, trusted.clone(), locale, clock, mode)
    };
    let text = match cli.command {
        Command::Rules { today } => {
            let today = today_from(today.as_deref())?;
            rules::run(std::io::stdin().lock(), today)?
        }
        Command::Demo { today, json } => {
            let today = today_from(today.as_deref())?;
            if json {
                demo::json(today)?
            } else {
                let colour = demo::colour_wanted(std::io::IsTerminal::is_terminal(&stdout));
                let table = demo::table(today, Words::built_in(locale), colour);
                write!(stdout.lock(), "{table}")?;
                return Ok(());
            }
        }
        Command::Member { today, command } => {
            let has_store = session::data_dir(cli.data_dir.clone())?
                .join(DATABASE_FILE)
                .exists();
            match member::first_member_form(&command, Words::built_in(locale)) {
                Some(form) if !has_store => form?,
                _ => {
                    let session = session(clock_from(None, today.as_deref())?, command.writes())?;
                    let texts = session.companion.texts();
                    member::member(&session, command, texts.words(locale))?
                }
            }
        }
        Command::Doc { command } => {
            let session = session(Arc::new(SystemClock), command.writes())?;
            let texts = session.companion.texts();
            match documents::doc(&session, command, texts.words(locale))? {
                Some(text) => text,
                None => return Ok(()),
            }
        }
        Command::Reminders {
            now,
            limit,
            json,
            command,
        } => {
            let writes = command
                .as_ref()
                .is_some_and(reminders::ReminderCommand::writes);
            let session = session(clock_from(now.as_deref(), None)?, writes)?;
            match command {
                None => reminders::show_plan(&session, limit, json)?,
                Some(command) => reminders::run(&session, command)?,
            }
        }
        Command::Ics {
            member,
            include_names,
            out,
            now,
        } => {
            let session = session(clock_from(now.as_deref(), None)?, false)?;
            let options = shikaku_core::reminders::ics::IcsOptions {
                member_id: member,
                include_names,
            };
            let text = reminders::ics(&session, options, &out)?;
            if out.as_os_str() == "-" {
                // Escaped line by line already, so that the CRLF line ends stay.
                write!(stdout.lock(), "{text}")?;
                return Ok(());
            }
            text
        }
        Command::Guide {
            member,
            situation,
            flow,
            today,
            json,
        } => match (flow, member, situation) {
            (Some(answers), _, _) => guide::flow(
                &guide::parse_answers(&answers)?,
                Words::built_in(locale),
                json,
            )?,
            // A situation alone needs no store; anything about members does.
            (None, None, Some(situation)) => {
                guide::general(situation.into(), Words::built_in(locale), json)?
            }
            (None, member, situation) => {
                let session = session(clock_from(None, today.as_deref())?, false)?;
                let texts = session.companion.texts();
                guide::guide(
                    &session,
                    member,
                    situation.map(Into::into),
                    texts.words(locale),
                    json,
                )?
            }
        },
        Command::Clinic {
            member,
            today,
            json,
        } => {
            let session = session(clock_from(None, today.as_deref())?, false)?;
            let texts = session.companion.texts();
            guide::clinic(&session, member, texts.words(locale), json)?
        }
        Command::Content { command } => {
            let writes = command.writes();
            content::run(command, || session(Arc::new(SystemClock), writes))?
        }
        Command::Qr { text, svg } => {
            write!(stdout.lock(), "{}", content::qr(&text, svg.as_deref())?)?;
            return Ok(());
        }
        Command::Store { command } => match command {
            session::StoreCommand::Info => {
                session::store_info(&session(Arc::new(SystemClock), false)?)?
            }
        },
    };
    writeln!(stdout.lock(), "{}", output::printable(&text))?;
    Ok(())
}

/// Prints a failure as the one line the CLI promises, whatever line breaks the
/// underlying message had.
fn report(message: &str) {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!("shikaku: {}", output::printable(&one_line));
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = locale_from(cli.lang.as_deref())
        .map_err(|error| (error, environment_locale()))
        .and_then(|locale| run(cli, locale).map_err(|error| (error, locale)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((error, locale)) => {
            report(&error.sentence(locale));
            ExitCode::from(error.exit_code())
        }
    }
}
