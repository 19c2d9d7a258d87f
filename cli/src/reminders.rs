//! `shikaku reminders …` and `shikaku ics`: the reminder plan of the household store,
//! acknowledgements and snoozes, settings, and the calendar export
//! (`shikaku_core::reminders`).

use std::path::Path;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use shikaku_core::error::Error;
use shikaku_core::i18n::Locale;
use shikaku_core::reminders::ics::{IcsOptions, export_ics};
use shikaku_core::reminders::{PlanInput, ReminderPlan, ReminderSettings, plan};

use crate::CliError;
use crate::household::{OpenStore, read_stdin_json, to_json, write_private_file};

#[derive(Debug, Subcommand)]
pub enum ReminderCommand {
    /// Acknowledge a reminder: it never comes back for the same deadline.
    Ack { id: String },
    /// Snooze a reminder until an instant (RFC 3339).
    Snooze {
        id: String,
        #[arg(long, value_name = "RFC3339")]
        until: String,
    },
    /// Show the reminder settings as JSON; with --set, replace them from stdin.
    Settings {
        #[arg(long)]
        set: bool,
    },
}

/// `--now`, or the clock.
pub fn now_from(arg: Option<&str>) -> Result<DateTime<Utc>, CliError> {
    match arg {
        None => Ok(Utc::now()),
        Some(text) => parse_instant("--now", text),
    }
}

fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>, CliError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| {
            CliError::Input(format!(
                "{field}: expected an instant such as 2026-11-21T09:00:00+09:00, got \"{}\"",
                text.chars().take(40).collect::<String>()
            ))
        })
}

/// The reminder settings in force: the user's, or the content's defaults.
pub fn settings_of(open: &OpenStore) -> Result<ReminderSettings, Error> {
    open.store
        .reminder_settings(&open.content.bundle.reminder_defaults())
}

/// The plan of everything in the store at `now`.
pub fn plan_of(
    open: &OpenStore,
    now: DateTime<Utc>,
    locale: Locale,
    limit: usize,
) -> Result<ReminderPlan, Error> {
    let store = &open.store;
    let members = store.members()?;
    let documents = store.document_timings()?;
    let settings = settings_of(open)?;
    let state = store.reminder_state()?;
    Ok(plan(
        &PlanInput {
            members: &members,
            documents: &documents,
            settings: &settings,
            state: &state,
            now,
            locale,
            calendar: open.content.calendar(),
        },
        limit,
    ))
}

/// `reminders` without a subcommand: the plan, as JSON or one line per reminder.
pub fn show_plan(
    open: &OpenStore,
    now: DateTime<Utc>,
    locale: Locale,
    limit: usize,
    json: bool,
) -> Result<String, CliError> {
    let plan = plan_of(open, now, locale, limit)?;
    if json {
        return to_json(&plan);
    }
    let mut lines: Vec<String> = plan
        .reminders
        .iter()
        .map(|r| {
            let local = r
                .fire_at
                .with_timezone(&shikaku_core::clock::japan_offset());
            format!("{}  {}  {}", local.format("%Y-%m-%d %H:%M"), r.id, r.title)
        })
        .collect();
    if plan.omitted > 0 {
        lines.push(format!("… {} more after the limit", plan.omitted));
    }
    if lines.is_empty() {
        lines.push("no reminders to schedule".to_owned());
    }
    Ok(lines.join("\n"))
}

/// The subcommands of `reminders`.
pub fn run(
    mut open: OpenStore,
    command: ReminderCommand,
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<String, CliError> {
    match command {
        ReminderCommand::Ack { id } => {
            require_planned(&open, &id, now, locale)?;
            open.store.acknowledge_reminder(&id)?;
            Ok(format!("acknowledged {id}"))
        }
        ReminderCommand::Snooze { id, until } => {
            let until = parse_instant("--until", &until)?;
            if until <= now {
                return Err(CliError::Input(
                    "--until: must be later than now".to_owned(),
                ));
            }
            require_planned(&open, &id, now, locale)?;
            open.store.snooze_reminder(&id, until)?;
            Ok(format!("snoozed {id} until {}", until.to_rfc3339()))
        }
        ReminderCommand::Settings { set } => {
            if set {
                let settings: ReminderSettings = read_stdin_json("settings")?;
                open.store.set_reminder_settings(&settings)?;
            }
            to_json(&settings_of(&open)?)
        }
    }
}

/// A reminder can be acknowledged or snoozed only while it is planned.
fn require_planned(
    open: &OpenStore,
    id: &str,
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<(), CliError> {
    let plan = plan_of(open, now, locale, usize::MAX)?;
    if plan.reminders.iter().any(|r| r.id == id) {
        Ok(())
    } else {
        Err(Error::NotFound {
            what: format!("reminder {id}"),
        }
        .into())
    }
}

/// `ics`: write the calendar file.
pub fn ics(
    open: &OpenStore,
    options: &IcsOptions,
    out: &Path,
    now: DateTime<Utc>,
    locale: Locale,
) -> Result<String, CliError> {
    let members = open.store.members()?;
    let settings = settings_of(open)?;
    let text = export_ics(
        &members,
        &settings,
        now,
        locale,
        open.content.calendar(),
        options,
    )?;
    let events = text.matches("BEGIN:VEVENT").count();
    if out.as_os_str() == "-" {
        return Ok(text);
    }
    write_private_file(out, text.as_bytes())?;
    Ok(format!("wrote {} ({events} event(s))", out.display()))
}
