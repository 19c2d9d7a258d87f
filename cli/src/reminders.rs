//! `shikaku reminders …` and `shikaku ics`: the reminder plan, acknowledgements and
//! snoozes, settings, and the calendar export, through the Companion.

use std::path::Path;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use shikaku_core::clock::japan_offset;
use shikaku_core::error::{Field, Reason};
use shikaku_core::reminders::ReminderSettings;
use shikaku_core::reminders::ics::IcsOptions;

use crate::CliError;
use crate::files::{read_stdin_json, to_json, write_private_file};
use crate::session::Session;

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

impl ReminderCommand {
    /// Whether the command changes the store (only those may create one).
    pub fn writes(&self) -> bool {
        match self {
            ReminderCommand::Ack { .. } | ReminderCommand::Snooze { .. } => true,
            ReminderCommand::Settings { set } => *set,
        }
    }
}

/// An RFC 3339 instant given for `field`.
pub fn parse_instant(field: Field, text: &str) -> Result<DateTime<Utc>, CliError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| CliError::invalid(field, Reason::NotAnInstant))
}

/// `reminders` without a subcommand: the plan, as JSON or one line per reminder.
pub fn show_plan(session: &Session, limit: usize, json: bool) -> Result<String, CliError> {
    let plan = session
        .companion
        .reminder_plan(u32::try_from(limit).unwrap_or(u32::MAX))?;
    if json {
        return to_json(&plan);
    }
    let mut lines: Vec<String> = plan
        .reminders
        .iter()
        .map(|r| {
            let local = r.fire_at.with_timezone(&japan_offset());
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
pub fn run(session: &Session, command: ReminderCommand) -> Result<String, CliError> {
    let companion = &session.companion;
    match command {
        ReminderCommand::Ack { id } => {
            companion.acknowledge(id.clone())?;
            Ok(format!("acknowledged {id}"))
        }
        ReminderCommand::Snooze { id, until } => {
            let until = parse_instant(Field::SnoozeUntil, &until)?;
            companion.snooze(id.clone(), until)?;
            Ok(format!("snoozed {id} until {}", until.to_rfc3339()))
        }
        ReminderCommand::Settings { set } => {
            if set {
                let settings: ReminderSettings = read_stdin_json(Field::ReminderSettings)?;
                companion.set_reminder_settings(settings)?;
            }
            to_json(&companion.reminder_settings()?)
        }
    }
}

/// `ics`: write the calendar file (`-`: print it, each line escaped for the terminal
/// but its CRLF line ends kept, as RFC 5545 wants them).
pub fn ics(session: &Session, options: IcsOptions, out: &Path) -> Result<String, CliError> {
    let text = session.companion.export_ics(options)?;
    if out.as_os_str() == "-" {
        let lines: Vec<_> = text.split("\r\n").map(crate::output::printable).collect();
        return Ok(lines.join("\r\n"));
    }
    let events = text.matches("BEGIN:VEVENT").count();
    write_private_file(out, text.as_bytes())?;
    Ok(format!("wrote {} ({events} event(s))", out.display()))
}
